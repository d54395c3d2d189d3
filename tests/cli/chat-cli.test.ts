// `cli chat` as a merchant uses it: a real process, lines in, the bot's words out, on the same desk as the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { putAgent } from '../../src/console/agent-auth.js';
import { projectRoot } from '../../src/shared/project-root.js';
import { LowdbAgentStore } from '../../src/storage/lowdb-agent-store.js';
import { TEST_NOW, tempDir } from '../support/bot-harness.js';
import { waitFor } from '../support/server-harness.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const CLI = join(projectRoot(), 'dist', 'src', 'cli.js');
const children: ChildProcess[] = [];
const servers: ServerProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

/** Starts `cli chat` on `dataDir`; `output()` is everything it printed so far. */
function chat(dataDir: string, args: string[] = []) {
  const child = spawn(process.execPath, [CLI, 'chat', ...args], { env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { say: (line: string) => child.stdin!.write(`${line}\n`), end: () => child.stdin!.end(), output: () => output, exited };
}

describe('cli chat without a server', () => {
  it('runs the bot on DATA_DIR, resumes the conversation next time, and starts a new one with --new', async () => {
    const dataDir = tempDir();
    const first = chat(dataDir);
    first.say('机器一直显示请先签到');
    await waitFor(() => first.output().includes('签到失败'), 20_000);
    first.end();
    expect(await first.exited).toBe(0);

    const again = chat(dataDir);
    again.say('好了');
    await waitFor(() => again.output().includes('太好了'), 20_000);
    again.end();
    await again.exited;
    expect(again.output()).not.toContain('您好，我是收单服务助手');

    const fresh = chat(dataDir, ['--new']);
    fresh.say('你好');
    await waitFor(() => fresh.output().includes('您好，我是收单服务助手'), 20_000);
    fresh.end();
    await fresh.exited;
  }, 60_000);
});

describe('cli chat with a server on the same DATA_DIR', () => {
  it('joins the server as a Direct Line client: its ticket is the desk\'s, and the agent\'s reply reaches the terminal', async () => {
    const dataDir = tempDir();
    const agents = await new LowdbAgentStore(join(dataDir, 'agents.json')).open();
    await putAgent(agents, { name: 'zhang', password: 'zhang-password', role: 'agent' }, TEST_NOW);
    const server = await startServerProcess({ DATA_DIR: dataDir, BUSINESS_HOURS: 'Mon-Sun 00:00-24:00' });
    servers.push(server);
    const terminal = chat(dataDir);
    await waitFor(() => terminal.output().includes('its help desk sees this conversation'), 20_000);
    terminal.say('刷卡失败了 转人工');
    await waitFor(() => terminal.output().includes('已为您转人工'), 20_000);

    const login = (await (await fetch(`${server.url}/api/agent/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'zhang', password: 'zhang-password' }) })).json()) as { token: string };
    const auth = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
    const { tickets } = (await (await fetch(`${server.url}/api/tickets`, { headers: auth })).json()) as { tickets: { id: string }[] };
    expect(tickets).toHaveLength(1);
    await fetch(`${server.url}/api/tickets/${tickets[0]!.id}/claim`, { method: 'POST', headers: auth, body: '{}' });
    await fetch(`${server.url}/api/tickets/${tickets[0]!.id}/messages`, { method: 'POST', headers: auth, body: JSON.stringify({ text: '您好，我来帮您看一下' }) });
    await waitFor(() => terminal.output().includes('您好，我来帮您看一下'), 20_000);
    terminal.end();
  }, 60_000);
});
