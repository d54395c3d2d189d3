// Starts the real server on a free loopback port with a temp DATA_DIR, and stops it after the test file.
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { serverDeps, tempDir } from './bot-harness.js';

export const TEST_SECRET = 'test-direct-line-secret-0123456789abcdef';

export async function startTestServer(env: Record<string, string> = {}, start?: Date): Promise<RunningServer & { dataDir: string }> {
  const dataDir = env.DATA_DIR ?? tempDir();
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, DIRECT_LINE_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', ...env });
  const server = await startServer({ ...config, port: 0 }, serverDeps(start));
  return { ...server, dataDir };
}

/** POST JSON with an optional bearer credential; resolves with status and parsed body. */
export async function postJson(url: string, body: unknown, credential?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Waits until `check` returns a value (polling every 50 ms), or fails after `ms`. */
export async function waitFor<T>(check: () => T | undefined | null | false, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
