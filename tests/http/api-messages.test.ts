// The real server over real HTTP: /api/messages through CloudAdapter, health, bad input, auth, the DATA_DIR lock.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { DataDirBusyError } from '../../src/storage/data-dir-lock.js';
import { zhCN } from '../../dialogs/wording/zh-CN.js';
import { serverDeps, tempDir } from '../support/bot-harness.js';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function start(env: Record<string, string> = {}): Promise<RunningServer> {
  const config = loadConfig({ PORT: '0', DATA_DIR: tempDir(), ...env });
  const server = await startServer({ ...config, port: 0 }, serverDeps());
  running.push(server);
  return server;
}

function activity(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: `a-${Math.random()}`,
    text,
    channelId: 'emulator-test',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: 'merchant-1', role: 'user' },
    recipient: { id: 'bot' },
    conversation: { id: 'http-conversation' },
    deliveryMode: 'expectReplies',
    ...extra,
  };
}

async function post(server: RunningServer, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the HTTP server', () => {
  it('answers /healthz when ready', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('binds to loopback when no MicrosoftAppId is set', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('runs a turn through /api/messages and returns the replies', async () => {
    const server = await start();
    const res = await post(server, activity('昨晚八点多刷了3千 参考号123456789012 钱没到'));
    expect(res.status).toBe(200);
    const { activities } = (await res.json()) as { activities: { type: string; text?: string }[] };
    const texts = activities.filter((a) => a.type === 'message').map((a) => a.text);
    expect(texts[0]).toBe(zhCN.greeting);
    expect(texts.join('\n')).toContain('原因多半是：结算未到期');
    expect(texts.join('\n')).toContain('11月26日 14:00');
    expect(activities.some((a) => a.type === 'trace')).toBe(false);
  });

  it('answers malformed JSON with 400 and a JSON error', async () => {
    const server = await start();
    const res = await post(server, '{"type": "message",');
    expect(res.status).toBe(400);
    expect(await res.json()).toHaveProperty('error');
  });

  it('refuses to relay replies to a non-loopback serviceUrl without authentication', async () => {
    const server = await start();
    const res = await post(server, activity('hi', { deliveryMode: 'normal', serviceUrl: 'http://203.0.113.5/' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/serviceUrl/);
  });

  it('requires a Bot Framework token once MicrosoftAppId is set', async () => {
    const server = await start({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x', HOST: '127.0.0.1' });
    const res = await post(server, activity('hi'));
    expect(res.status).toBe(401);
  });

  it('refuses a second server on the same DATA_DIR', async () => {
    const dataDir = tempDir();
    await start({ DATA_DIR: dataDir });
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir });
    await expect(startServer(config, serverDeps())).rejects.toBeInstanceOf(DataDirBusyError);
  });

  it('keeps the conversation across a restart of the server', async () => {
    const dataDir = tempDir();
    const first = await start({ DATA_DIR: dataDir });
    await post(first, activity('刷卡的钱没到账'));
    await first.close();
    running.splice(running.indexOf(first), 1);
    const second = await start({ DATA_DIR: dataDir });
    const res = await post(second, activity('昨天晚上9点'));
    const { activities } = (await res.json()) as { activities: { text?: string }[] };
    expect(activities.map((a) => a.text).join('\n')).toContain('原因多半是：结算未到期');
  });
});

describe('the knowledge base at start-up', () => {
  it('refuses to start on an invalid knowledge base instead of running part of it', async () => {
    const { cpSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const { KnowledgeError } = await import('../../src/knowledge/load-knowledge.js');
    const dir = join(tempDir(), 'knowledge');
    cpSync(fileURLToPath(new URL('../../knowledge', import.meta.url)), dir, { recursive: true });
    writeFileSync(join(dir, 'settlement.yaml'), 'cutoff: "25:99"\n');
    const config = loadConfig({ PORT: '0', DATA_DIR: tempDir(), KNOWLEDGE_DIR: dir });
    await expect(startServer(config, serverDeps())).rejects.toBeInstanceOf(KnowledgeError);
  });
});
