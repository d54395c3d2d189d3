// Microsoft Web Chat in headless Chromium (Debian's package, driven by playwright-core) against our Direct Line.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SEND_BOX } from '../support/browser.js';
import { startTestServer } from '../support/server-harness.js';


let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(path: string): Promise<{ page: Page; errors: string[]; sockets: string[] }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 780 } });
  const errors: string[] = [];
  const sockets: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await page.goto(`${server.url}${path}`);
  return { page, errors, sockets };
}

async function say(page: Page, text: string): Promise<void> {
  await page.locator(SEND_BOX).fill(text);
  await page.locator(SEND_BOX).press('Enter');
}

describe('Web Chat at /chat', () => {
  it('carries a whole conversation from greeting to diagnosis in Chinese, and resumes it after a reload', async () => {
    const { page, errors, sockets } = await openPage('/chat?locale=zh-CN');
    await page.getByText('您好，我是收单服务助手', { exact: false }).first().waitFor({ timeout: 20_000 });
    expect(await page.locator(SEND_BOX).getAttribute('placeholder')).toBe('键入消息');
    await say(page, '昨晚八点多刷了3千 参考号123456789012 显示51');
    await page.getByText('原因多半是：余额不足', { exact: false }).first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '好了', exact: true }).first().waitFor();
    expect(await page.getByText('发送失败').count()).toBe(0);
    expect(sockets.some((url) => /\/v3\/directline\/conversations\/.+\/stream/.test(url))).toBe(true);

    await page.reload();
    await page.getByText('原因多半是：余额不足', { exact: false }).first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '好了', exact: true }).first().click();
    await page.getByText('太好了', { exact: false }).first().waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('speaks English with an English locale', async () => {
    const { page } = await openPage('/chat?locale=en-US');
    await page.getByText('payments help desk assistant', { exact: false }).first().waitFor({ timeout: 20_000 });
    expect(await page.getByText('您好，我是收单服务助手', { exact: false }).count()).toBe(0);
    await say(page, 'the terminal says declined 51 and the customer is waiting');
    await page.getByText('Most likely: Insufficient funds', { exact: false }).first().waitFor({ timeout: 20_000 });
    await page.close();
  }, 60_000);
});

describe('the demo portal with the widget', () => {
  it('opens the chat from the bubble and talks as the demo merchant', async () => {
    const { page } = await openPage('/');
    await page.getByText('商户服务平台').first().waitFor();
    await page.locator('.helpdesk-bubble').click();
    const chat = page.frameLocator('iframe.helpdesk-panel');
    await chat.locator(SEND_BOX).waitFor({ timeout: 20_000 });
    await chat.locator(SEND_BOX).fill('pos机显示55是什么意思');
    await chat.locator(SEND_BOX).press('Enter');
    await chat.getByText('原因多半是：密码错误', { exact: false }).first().waitFor({ timeout: 20_000 });
    await page.close();
  }, 60_000);
});
