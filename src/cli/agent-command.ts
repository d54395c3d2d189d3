// `cli agent add NAME --password P [--role admin]`: creates (or resets) a help-desk agent in DATA_DIR.
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { AgentInputError, putAgent } from '../console/agent-auth.js';
import type { Config } from '../config.js';
import { LowdbAgentStore } from '../storage/lowdb-agent-store.js';
import { UsageError } from './usage-error.js';

export const AGENT_USAGE = 'agent add NAME --password P [--role admin|agent] [--max-open N]';

export async function agentCommand(args: string[], io: { stdout: Writable; config: Config; clock: () => Date }): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { password: { type: 'string' }, role: { type: 'string', default: 'agent' }, 'max-open': { type: 'string', default: '5' } },
    strict: true,
  });
  const [sub, name] = positionals;
  if (sub !== 'add' || !name) throw new UsageError(`usage: ${AGENT_USAGE}`);
  if (!values.password) throw new UsageError('--password is required');
  if (values.role !== 'agent' && values.role !== 'admin') throw new UsageError('--role must be agent or admin');
  const maxOpen = Number(values['max-open']);
  if (!Number.isInteger(maxOpen) || maxOpen < 1 || maxOpen > 50) throw new UsageError('--max-open must be a whole number from 1 to 50');
  const store = await new LowdbAgentStore(join(io.config.dataDir, 'agents.json')).open();
  try {
    const account = await putAgent(store, { name, password: values.password, role: values.role, maxOpen }, io.clock());
    io.stdout.write(`agent ${account.name} (${account.role}, up to ${account.maxOpen} conversations) saved in ${join(io.config.dataDir, 'agents.json')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AgentInputError) throw new UsageError(error.message);
    throw error;
  }
}
