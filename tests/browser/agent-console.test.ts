// Two browser windows: a merchant in Web Chat asks for a person; an agent in /console takes over, talks, resolves.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putAgent } from '../../src/console/agent-auth.js';
import { LowdbAgentStore } from '../../src/storage/lowdb-agent-store.js';
import { TEST_NOW, tempDir } from '../support/bot-harness.js';
import { launchChromium, SEND_BOX } from '../support/browser.js';
import { startTestServer } from '../support/server-harness.js';


let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  const dataDir = tempDir();
  const agents = await new LowdbAgentStore(join(dataDir, 'agents.json')).open();
  await putAgent(agents, { name: 'xiaozhang', password: 'xiaozhang-pass', role: 'agent' }, TEST_NOW);
  await putAgent(agents, { name: 'boss', password: 'boss-password', role: 'admin' }, TEST_NOW);
  server = await startTestServer({ DATA_DIR: dataDir, BUSINESS_HOURS: 'Mon-Sun 00:00-24:00' });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the agent console with a merchant in Web Chat', () => {
  it('takes over a conversation, chats, resolves, and the bot answers the merchant again', async () => {
    const merchant = await browser.newPage({ viewport: { width: 390, height: 780 } });
    const agent = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    agent.on('pageerror', (e) => consoleErrors.push(e.message));

    await agent.goto(`${server.url}/console`);
    await agent.locator('#login-name').fill('xiaozhang');
    await agent.locator('#login-password').fill('xiaozhang-pass');
    await agent.getByRole('button', { name: '登录' }).click();
    await agent.locator('#who').getByText('xiaozhang').waitFor();

    await merchant.goto(`${server.url}/chat?locale=zh-CN`);
    await merchant.locator(SEND_BOX).fill('昨晚八点多刷了3千 参考号123456789012 显示51 <b>急</b>');
    await merchant.locator(SEND_BOX).press('Enter');
    await merchant.getByText('原因多半是：余额不足', { exact: false }).first().waitFor({ timeout: 20_000 });
    await merchant.locator(SEND_BOX).fill('转人工');
    await merchant.locator(SEND_BOX).press('Enter');
    await merchant.getByText('已为您转人工', { exact: false }).first().waitFor({ timeout: 20_000 });

    // The ticket appears in the agent's queue without a reload.
    const entry = agent.locator('#queue-list button').first();
    await entry.waitFor({ timeout: 20_000 });
    await entry.click();
    await agent.locator('#facts').getByText('CNY 3000').waitFor();
    await expect(agent.locator('#facts').textContent()).resolves.toContain('rrn 123456789012');
    await expect(agent.locator('#facts').textContent()).resolves.toContain('51');
    // Merchant text is shown as text: the <b> tag is visible, never rendered.
    await agent.locator('#messages').getByText('<b>急</b>', { exact: false }).waitFor();
    expect(await agent.locator('#messages b').count()).toBe(0);

    await agent.getByRole('button', { name: '认领' }).click();
    await merchant.getByText('客服 xiaozhang 已接入', { exact: false }).first().waitFor({ timeout: 20_000 });
    await agent.locator('#compose-text').fill('您好，请让客人换一张卡再试');
    await agent.getByRole('button', { name: '发送' }).click();
    await merchant.getByText('请让客人换一张卡再试', { exact: false }).first().waitFor({ timeout: 20_000 });

    await merchant.locator(SEND_BOX).fill('换卡成功了');
    await merchant.locator(SEND_BOX).press('Enter');
    await agent.locator('#messages').getByText('换卡成功了').waitFor({ timeout: 20_000 });

    await agent.locator('#resolve-cause').selectOption('insufficient_funds');
    await agent.locator('#resolve-note').fill('持卡人余额不足，已换卡完成收款');
    await agent.getByRole('button', { name: '解决' }).click();
    await merchant.getByText('持卡人余额不足，已换卡完成收款', { exact: false }).first().waitFor({ timeout: 20_000 });

    await merchant.locator(SEND_BOX).fill('55是什么意思');
    await merchant.locator(SEND_BOX).press('Enter');
    await merchant.getByText('原因多半是：密码错误', { exact: false }).first().waitFor({ timeout: 20_000 });
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});

describe('the console for an admin', () => {
  it('lets an admin add an agent who can then log in', async () => {
    const admin = await browser.newPage();
    await admin.goto(`${server.url}/console`);
    await admin.locator('#login-name').fill('boss');
    await admin.locator('#login-password').fill('boss-password');
    await admin.getByRole('button', { name: '登录' }).click();
    await admin.locator('#admin').waitFor();
    await admin.locator('#agent-name').fill('xiaowang');
    await admin.locator('#agent-password').fill('xiaowang-pass');
    await admin.getByRole('button', { name: '添加' }).click();
    await admin.locator('#agent-list').getByText('xiaowang', { exact: false }).waitFor();
    const login = await fetch(`${server.url}/api/agent/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'xiaowang', password: 'xiaowang-pass' }) });
    expect(login.status).toBe(200);
    await admin.close();
  }, 60_000);
});
