// Nothing a caller sends can crash the server or make it send anywhere the serviceUrl rule refuses.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/bot-harness.js';
import { startTestServer } from '../support/server-harness.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

/** A loopback HTTP listener that counts every request it gets (standing in for a connector, or for a refused address). */
async function countingListener(): Promise<{ server: Server; port: number; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, requests };
}

function message(text: string, serviceUrl: string, deliveryMode: 'expectReplies' | 'normal', conversation = 'safety-conversation') {
  return {
    type: 'message',
    id: `a-${Math.random()}`,
    text,
    channelId: 'emulator-test',
    serviceUrl,
    from: { id: 'merchant-1', role: 'user' },
    recipient: { id: 'bot' },
    conversation: { id: conversation },
    deliveryMode,
  };
}

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Polls /healthz for `ms`, failing at the first answer that is not 200. */
async function staysHealthy(url: string, ms: number): Promise<number> {
  const until = performance.now() + ms;
  let checks = 0;
  while (performance.now() < until) {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    checks += 1;
    await new Promise((r) => setTimeout(r, 250));
  }
  return checks;
}

describe('a server process whose callers name a serviceUrl that refuses connections', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ DATA_DIR: tempDir() });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers ten expectReplies turns and still serves /healthz 10 s later', async () => {
    for (let i = 0; i < 10; i += 1) {
      const res = await post(server.url, message(i === 0 ? '刷卡显示51' : '还是不行', 'http://127.0.0.1:1', 'expectReplies'));
      expect(res.status).toBe(200);
      const { activities } = (await res.json()) as { activities: { type: string }[] };
      expect(activities.some((a) => a.type === 'message')).toBe(true);
      expect(activities.some((a) => a.type === 'typing')).toBe(false);
    }
    expect(await staysHealthy(server.url, 10_000)).toBeGreaterThan(10);
    expect(server.child.exitCode).toBeNull();
    expect(server.logs.join('\n')).not.toMatch(/unhandled|uncaught/i);
  }, 40_000);

  it('survives a normal-mode turn whose replies cannot be delivered, and logs why', async () => {
    const res = await post(server.url, message('刷卡显示51', 'http://127.0.0.1:1', 'normal', 'normal-mode-conversation'));
    expect(res.status).toBeLessThan(500);
    expect(await staysHealthy(server.url, 10_000)).toBeGreaterThan(10);
    expect(server.child.exitCode).toBeNull();
    expect(server.logs.some((line) => line.includes('turn failed') || line.includes('typing indicator not delivered'))).toBe(true);
  }, 60_000);
});

describe('the serviceUrl rule without MicrosoftAppId', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let listener: Awaited<ReturnType<typeof countingListener>>;
  beforeAll(async () => {
    server = await startTestServer({ BUSINESS_HOURS: 'Mon-Sun 00:00-24:00' });
    listener = await countingListener();
  });
  afterAll(async () => {
    await server.close();
    await new Promise((r) => listener.server.close(r));
  });
  afterEach(() => {
    listener.requests.length = 0;
  });

  it.each(['expectReplies', 'normal'] as const)('refuses a serviceUrl outside loopback in %s mode and sends nothing there', async (mode) => {
    const refused = [
      `http://0.0.0.0:${listener.port}/`,
      `http://127.0.0.1@0.0.0.0:${listener.port}/`,
      `http://[::]:${listener.port}/`,
      `ftp://127.0.0.1:${listener.port}/`,
      'http://203.0.113.5/',
      'not a url',
    ];
    for (const serviceUrl of refused) {
      const res = await post(server.url, message('转人工', serviceUrl, mode, `refused-${mode}`));
      expect(res.status, serviceUrl).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/serviceUrl/);
    }
    const missing = await post(server.url, { ...message('hi', '', mode), serviceUrl: undefined });
    expect(missing.status).toBe(400);
    expect(listener.requests).toEqual([]);
  });

  it('sends nothing to an allowed serviceUrl in expectReplies mode: typing and replies come back in the response', async () => {
    const res = await post(server.url, message('刷卡显示51', `http://127.0.0.1:${listener.port}/`, 'expectReplies', 'buffered'));
    expect(res.status).toBe(200);
    const { activities } = (await res.json()) as { activities: { type: string }[] };
    expect(activities.filter((a) => a.type === 'message').length).toBeGreaterThan(0);
    expect(listener.requests).toEqual([]);
  });

  it('delivers a normal-mode turn, typing first, to an allowed loopback serviceUrl', async () => {
    const res = await post(server.url, message('刷卡显示51', `http://127.0.0.1:${listener.port}/`, 'normal', 'delivered'));
    expect(res.status).toBe(200);
    expect(listener.requests.length).toBeGreaterThan(1);
    expect(listener.requests.every((r) => r.startsWith('POST /v3/conversations/delivered/activities'))).toBe(true);
  });
});
