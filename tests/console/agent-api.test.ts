// The agent API over real HTTP: login, the queue, claim, messages to the merchant, resolve, roles, every error case.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putAgent } from '../../src/console/agent-auth.js';
import { LowdbAgentStore } from '../../src/storage/lowdb-agent-store.js';
import { TEST_NOW, tempDir } from '../support/bot-harness.js';
import { postJson, startTestServer, waitFor } from '../support/server-harness.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const api = (path: string) => `${server.url}${path}`;

beforeAll(async () => {
  const dataDir = tempDir();
  const agents = await new LowdbAgentStore(join(dataDir, 'agents.json')).open();
  await putAgent(agents, { name: 'zhang', password: 'zhang-password', role: 'agent', maxOpen: 2 }, TEST_NOW);
  await putAgent(agents, { name: 'li', password: 'li-password-1', role: 'agent' }, TEST_NOW);
  await putAgent(agents, { name: 'boss', password: 'boss-password', role: 'admin' }, TEST_NOW);
  server = await startTestServer({ DATA_DIR: dataDir, BUSINESS_HOURS: 'Mon-Sun 00:00-24:00', AGENT_LOGINS_PER_MINUTE: '1000' });
});
afterAll(async () => {
  await server.close();
});

async function login(name: string, password: string) {
  return (await postJson(api('/api/agent/login'), { name, password })).body.token as string;
}

async function get(path: string, token?: string) {
  const res = await fetch(api(path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A merchant on the web widget who reports a payment and asks for a person; resolves with the ticket id. */
async function merchantAsksForPerson(text: string): Promise<{ ticketId: string; token: string; conversationId: string }> {
  const { body: issued } = await postJson(api('/api/widget/token'), { locale: 'zh-CN' });
  const token = issued.token as string;
  const { body: conversation } = await postJson(api('/v3/directline/conversations'), undefined, token);
  const conversationId = conversation.conversationId as string;
  const post = (t: string) => postJson(api(`/v3/directline/conversations/${conversationId}/activities`), { type: 'message', text: t }, token);
  await post(text);
  await new Promise((r) => setTimeout(r, 300));
  await post('转人工');
  const boss = await login('boss', 'boss-password');
  const found = await (async () => {
    for (let i = 0; i < 50; i += 1) {
      const { body } = await get('/api/tickets', boss);
      const hit = (body.tickets as { id: string; conversationId: string }[]).find((t) => t.conversationId === conversationId);
      if (hit) return hit.id;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no ticket appeared');
  })();
  return { ticketId: found, token, conversationId };
}

async function merchantSees(conversationId: string, token: string, fragment: string): Promise<void> {
  for (let i = 0; i < 50; i += 1) {
    const { activities } = (await (await fetch(api(`/v3/directline/conversations/${conversationId}/activities?watermark=0`), { headers: { authorization: `Bearer ${token}` } })).json()) as { activities: { text?: string }[] };
    if (activities.some((a) => a.text?.includes(fragment))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the merchant never saw "${fragment}"`);
}

describe('agent login', () => {
  it('gives a token for the right password and 401 for a wrong one, 400 without fields', async () => {
    const ok = await postJson(api('/api/agent/login'), { name: 'zhang', password: 'zhang-password' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token: expect.any(String), name: 'zhang', role: 'agent' });
    expect((await postJson(api('/api/agent/login'), { name: 'zhang', password: 'nope-nope' })).status).toBe(401);
    expect((await postJson(api('/api/agent/login'), { name: 'nobody', password: 'nope-nope' })).status).toBe(401);
    expect((await postJson(api('/api/agent/login'), { name: 'zhang' })).status).toBe(400);
  });
});

describe('login rate limit', () => {
  it('answers 429 once an address has tried too often', async () => {
    const limited = await startTestServer({ AGENT_LOGINS_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await postJson(`${limited.url}/api/agent/login`, { name: 'x', password: 'wrong-password' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('tickets', () => {
  it('require a token (401) and name unknown tickets (404) and bad filters (400)', async () => {
    const token = await login('zhang', 'zhang-password');
    expect((await get('/api/tickets')).status).toBe(401);
    expect((await get('/api/tickets', 'forged.token.value')).status).toBe(401);
    expect((await get('/api/tickets/T-19990101-0001', token)).status).toBe(404);
    expect((await get('/api/tickets?status=lost', token)).status).toBe(400);
  });

  it('carry what the bot collected, and go claim → message → resolve with the merchant seeing each step', async () => {
    const { ticketId, token: merchant, conversationId } = await merchantAsksForPerson('昨晚八点多刷了3千 参考号123456789012 显示51');
    const zhang = await login('zhang', 'zhang-password');
    const li = await login('li', 'li-password-1');

    const queue = await get('/api/tickets?status=open', zhang);
    expect((queue.body.tickets as { id: string }[]).some((t) => t.id === ticketId)).toBe(true);
    const detail = await get(`/api/tickets/${ticketId}`, zhang);
    expect(detail.body).toMatchObject({ status: 'open', report: { amount: { value: 3000 }, reference: { value: '123456789012' }, responseCode: '51' } });
    expect(detail.body.messages).toEqual(expect.arrayContaining([expect.objectContaining({ author: 'merchant' })]));

    expect((await postJson(api(`/api/tickets/${ticketId}/claim`), undefined, zhang)).status).toBe(200);
    const again = await postJson(api(`/api/tickets/${ticketId}/claim`), undefined, li);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/claimed by zhang/);
    await merchantSees(conversationId, merchant, '客服 zhang 已接入');

    expect((await postJson(api(`/api/tickets/${ticketId}/messages`), {}, zhang)).status).toBe(400);
    expect((await postJson(api(`/api/tickets/${ticketId}/messages`), { text: '我来' }, li)).status).toBe(409);
    expect((await postJson(api(`/api/tickets/${ticketId}/messages`), { text: '请让客人换一张卡' }, zhang)).status).toBe(200);
    await merchantSees(conversationId, merchant, '请让客人换一张卡');
    expect((await postJson(api(`/api/tickets/${ticketId}/messages`), { text: '内部：可能额度', private: true }, zhang)).status).toBe(200);

    const resolved = await postJson(api(`/api/tickets/${ticketId}/resolve`), { note: '换卡后收款成功', cause: 'insufficient_funds' }, zhang);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: { cause: 'insufficient_funds', by: 'zhang' } });
    await merchantSees(conversationId, merchant, '换卡后收款成功');
    expect((await postJson(api(`/api/tickets/${ticketId}/resolve`), { note: 'again' }, zhang)).status).toBe(409);
    expect((await postJson(api('/api/tickets/T-19990101-0001/claim'), undefined, zhang)).status).toBe(404);
  });

  it('stops an agent at their limit of open conversations', async () => {
    const zhang = await login('zhang', 'zhang-password');
    const first = await merchantAsksForPerson('刷卡失败了 显示05');
    const second = await merchantAsksForPerson('刷卡失败了 显示14');
    const third = await merchantAsksForPerson('刷卡失败了 显示55');
    expect((await postJson(api(`/api/tickets/${first.ticketId}/claim`), undefined, zhang)).status).toBe(200);
    expect((await postJson(api(`/api/tickets/${second.ticketId}/claim`), undefined, zhang)).status).toBe(200);
    const over = await postJson(api(`/api/tickets/${third.ticketId}/claim`), undefined, zhang);
    expect(over.status).toBe(409);
    expect(over.body.error).toMatch(/limit/);
  });
});

describe('roles', () => {
  it('lets only admins manage agents', async () => {
    const zhang = await login('zhang', 'zhang-password');
    const boss = await login('boss', 'boss-password');
    expect((await get('/api/agents', zhang)).status).toBe(403);
    expect((await postJson(api('/api/agents'), { name: 'wang', password: 'wang-password' }, boss)).status).toBe(201);
    expect((await postJson(api('/api/agents'), { name: 'w', password: 'short' }, boss)).status).toBe(400);
    const { body } = await get('/api/agents', boss);
    expect((body.agents as { name: string }[]).map((a) => a.name)).toContain('wang');
    expect(JSON.stringify(body)).not.toContain('passwordHash');
  });
});

describe('live updates and card data', () => {
  it('pushes ticket changes to the console over server-sent events', async () => {
    const boss = await login('boss', 'boss-password');
    const controller = new AbortController();
    const res = await fetch(api(`/api/events?token=${boss}`), { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const received: string[] = [];
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        received.push(new TextDecoder().decode(value));
      }
    })().catch(() => undefined);
    await merchantAsksForPerson('刷卡失败了 显示96');
    await waitFor(() => received.join('').includes('event: ticket'));
    controller.abort();
    await reading;
  });

  it('keeps no full card number anywhere in DATA_DIR after a conversation that contained one', async () => {
    await merchantAsksForPerson('卡号 6222 0212 3456 7890 128 昨天下午刷了500 失败');
    const files = readdirSync(server.dataDir, { recursive: true }).map(String).filter((f) => statSync(join(server.dataDir, f)).isFile());
    const all = files.map((f) => readFileSync(join(server.dataDir, f), 'utf8')).join('\n');
    expect(all).toContain('****0128');
    expect(all.replace(/[\s-]/g, '')).not.toContain('6222021234567890128');
  });
});

describe('cli agent add', () => {
  it('creates an agent in DATA_DIR with a hashed password', () => {
    const dataDir = tempDir();
    const cli = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
    const run = spawnSync(process.execPath, [cli, 'agent', 'add', 'zhao', '--password', 'zhao-password', '--role', 'admin'], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir } });
    expect(run.status).toBe(0);
    const stored = readFileSync(join(dataDir, 'agents.json'), 'utf8');
    expect(stored).toContain('"name": "zhao"');
    expect(stored).toContain('"role": "admin"');
    expect(stored).not.toContain('zhao-password');
    const bad = spawnSync(process.execPath, [cli, 'agent', 'add', 'zhao', '--password', 'short'], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/at least 8/);
  });
});

describe('ticket status and the console page', () => {
  it('moves a ticket through waiting on the merchant, closing and reopening, and refuses nonsense', async () => {
    const { ticketId, token: merchant, conversationId } = await merchantAsksForPerson('昨天下午3点刷了800 参考号 210987654321 没到账');
    const li = await login('li', 'li-password-1');
    await postJson(api(`/api/tickets/${ticketId}/claim`), undefined, li);
    const waiting = await postJson(api(`/api/tickets/${ticketId}/status`), { status: 'waiting_on_merchant' }, li);
    expect(waiting.body.status).toBe('waiting_on_merchant');
    await postJson(api(`/v3/directline/conversations/${conversationId}/activities`), { type: 'message', text: '小票找到了' }, merchant);
    for (let i = 0; i < 50 && (await get(`/api/tickets/${ticketId}`, li)).body.status !== 'assigned'; i += 1) await new Promise((r) => setTimeout(r, 100));
    expect((await get(`/api/tickets/${ticketId}`, li)).body.status).toBe('assigned');
    expect((await postJson(api(`/api/tickets/${ticketId}/status`), { status: 'resolved' }, li)).status).toBe(409);
    expect((await postJson(api(`/api/tickets/${ticketId}/status`), { status: 'sideways' }, li)).status).toBe(400);
    await postJson(api(`/api/tickets/${ticketId}/resolve`), { note: '已到账' }, li);
    expect((await postJson(api(`/api/tickets/${ticketId}/status`), { status: 'closed' }, li)).body.status).toBe('closed');
    const reopened = await postJson(api(`/api/tickets/${ticketId}/status`), { status: 'open' }, li);
    expect(reopened.body).toMatchObject({ status: 'open', assignee: null });
    expect((reopened.body.audit as { action: string }[]).map((a) => a.action)).toEqual(expect.arrayContaining(['status:waiting_on_merchant', 'resolved', 'status:closed', 'reopened']));
  });

  it('keeps the whole web conversation, the bot\'s side included, on the ticket', async () => {
    const { ticketId } = await merchantAsksForPerson('昨天下午3点刷了900 参考号 310987654321 没到账');
    const { body } = await get(`/api/tickets/${ticketId}`, await login('li', 'li-password-1'));
    const authors = new Set((body.messages as { author: string }[]).map((m) => m.author));
    expect(authors).toEqual(new Set(['merchant', 'bot']));
  });

  it('serves the console under a strict Content-Security-Policy', async () => {
    const res = await fetch(api('/console'));
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
