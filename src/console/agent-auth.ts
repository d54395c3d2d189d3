// Agent accounts and sessions: scrypt password hashes, signed expiring session tokens, roles.
import { createHmac, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import jwt from 'jsonwebtoken';
import type { AgentAccount, AgentRole, AgentStore } from '../core/ports.js';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const NAME = /^[\p{L}\p{N}_.-]{2,32}$/u;
export const MIN_PASSWORD_LENGTH = 8;
/** How long an agent stays logged in. */
export const SESSION_SECONDS = 8 * 60 * 60;

export class AgentInputError extends Error {}

export interface AgentSession {
  readonly name: string;
  readonly role: AgentRole;
}

async function hash(password: string, salt: Buffer): Promise<Buffer> {
  return scrypt(password, salt, 32);
}

/** Creates (or replaces) an agent; refuses names and passwords that are not acceptable. */
export async function putAgent(store: AgentStore, input: { name: string; password: string; role: AgentRole; maxOpen?: number }, now: Date): Promise<AgentAccount> {
  if (!NAME.test(input.name)) throw new AgentInputError('the name must be 2–32 letters, digits, "_", "." or "-"');
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AgentInputError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  const salt = randomBytes(16);
  const account: AgentAccount = {
    name: input.name,
    role: input.role,
    passwordHash: (await hash(input.password, salt)).toString('hex'),
    salt: salt.toString('hex'),
    maxOpen: input.maxOpen ?? 5,
    createdAt: now.toISOString(),
  };
  await store.put(account);
  return account;
}

/** Checks a login; the same answer and similar time whether the name or the password was wrong. */
export async function verifyLogin(store: AgentStore, name: string, password: string): Promise<AgentAccount | null> {
  const account = await store.get(name);
  const salt = Buffer.from(account?.salt ?? '00'.repeat(16), 'hex');
  const candidate = await hash(password, salt);
  const expected = Buffer.from(account?.passwordHash ?? '00'.repeat(32), 'hex');
  const same = candidate.length === expected.length && timingSafeEqual(candidate, expected);
  return account && same && !account.disabled ? account : null;
}

/** Signs and checks agent session tokens (HS256, key derived from the server secret). */
export class AgentSessions {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly nowSeconds: () => number,
  ) {
    this.key = createHmac('sha256', secret).update('agent-session-key').digest();
  }

  issue(agent: AgentSession): string {
    const iat = this.nowSeconds();
    return jwt.sign({ typ: 'agent', name: agent.name, role: agent.role, iat, exp: iat + SESSION_SECONDS }, this.key, { algorithm: 'HS256', noTimestamp: true });
  }

  check(token: string): AgentSession | null {
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'], clockTimestamp: this.nowSeconds() }) as { typ?: string; name?: string; role?: AgentRole };
      return payload.typ === 'agent' && typeof payload.name === 'string' && (payload.role === 'agent' || payload.role === 'admin') ? { name: payload.name, role: payload.role } : null;
    } catch {
      return null;
    }
  }
}
