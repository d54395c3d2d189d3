// The official botframework-directlinejs client from Node against our Direct Line: start, post, receive, reconnect, refresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';
import { DirectLine, ConnectionStatus, type Activity } from 'botframework-directlinejs';
import { zhCN } from '../../dialogs/wording/zh-CN.js';
import { postJson, startTestServer, waitFor } from '../support/server-harness.js';

// DirectLineJS looks for browser globals; the ws and xhr2 packages provide them in Node (its README's recipe).
Object.assign(globalThis, { XMLHttpRequest, WebSocket });

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function connect(options: { token: string; webSocket: boolean; conversationId?: string; watermark?: string }) {
  const client = new DirectLine({ domain: `${server.url}/v3/directline`, pollingInterval: 200, ...options });
  const activities: Activity[] = [];
  const statuses: ConnectionStatus[] = [];
  client.connectionStatus$.subscribe((s) => statuses.push(s));
  client.activity$.subscribe({ next: (a) => activities.push(a), error: () => undefined });
  return { client, activities, statuses };
}

async function widgetToken() {
  const { body } = await postJson(`${server.url}/api/widget/token`, undefined);
  return body as { token: string; conversationId: string; userId: string };
}

const texts = (activities: Activity[]) => activities.map((a) => ('text' in a ? a.text : '') ?? '');

describe.each([
  ['WebSocket', true],
  ['polling', false],
])('DirectLineJS over %s', (_name, webSocket) => {
  it('starts, receives the greeting, posts, gets its echo with clientActivityID and the reply', async () => {
    const { token, userId } = await widgetToken();
    const { client, activities, statuses } = connect({ token, webSocket });
    await waitFor(() => texts(activities).some((t) => t.startsWith(zhCN.greeting.slice(0, 8))));
    expect(statuses).toContain(ConnectionStatus.Online);
    const id = await new Promise<string>((resolve, reject) =>
      client.postActivity({ type: 'message', from: { id: userId }, text: '51是什么意思', channelData: { clientActivityID: 'client-1' } } as Activity).subscribe(resolve, reject),
    );
    const echo = await waitFor(() => activities.find((a) => a.id === id));
    expect(echo.from.id).toBe(userId);
    expect((echo.channelData as { clientActivityID?: string }).clientActivityID).toBe('client-1');
    await waitFor(() => texts(activities).some((t) => t.includes('余额不足')));
    client.end();
  });
});

describe('DirectLineJS reconnecting', () => {
  it('resumes a conversation from a watermark with its history, and keeps talking', async () => {
    const { token, userId, conversationId } = await widgetToken();
    // DirectLineJS's end() leaves an open socket behind; the first client polls so it holds none.
    const first = connect({ token, webSocket: false });
    await waitFor(() => first.activities.length >= 2);
    first.client.end();

    const { body: refreshed } = await postJson(`${server.url}/v3/directline/tokens/refresh`, undefined, token);
    const second = connect({ token: refreshed.token as string, webSocket: true, conversationId, watermark: '0' });
    await waitFor(() => texts(second.activities).some((t) => t.startsWith(zhCN.greeting.slice(0, 8))));
    await new Promise<string>((resolve, reject) =>
      second.client.postActivity({ type: 'message', from: { id: userId }, text: '你好' } as Activity).subscribe(resolve, reject),
    );
    await waitFor(() => texts(second.activities).some((t) => zhCN.askDescription.includes(t)));
    second.client.end();
  });

  it('refreshes a token into a new one for the same conversation', async () => {
    const { token, conversationId } = await widgetToken();
    const { status, body } = await postJson(`${server.url}/v3/directline/tokens/refresh`, undefined, token);
    expect(status).toBe(200);
    expect(body.conversationId).toBe(conversationId);
    expect(body.token).not.toBe(token);
    expect(body.expires_in).toBe(1800);
  });
});

describe('DirectLineJS after a server restart', () => {
  it('resumes the stored conversation from its watermark', async () => {
    const { token, userId, conversationId } = await widgetToken();
    const before = connect({ token, webSocket: false });
    await waitFor(() => before.activities.length >= 2);
    await new Promise<string>((resolve, reject) =>
      before.client.postActivity({ type: 'message', from: { id: userId }, text: '刷卡的钱一直没到账' } as Activity).subscribe(resolve, reject),
    );
    await waitFor(() => texts(before.activities).some((t) => zhCN.ask.time.includes(t)));
    before.client.end();
    await server.close();

    server = await startTestServer({ DATA_DIR: server.dataDir });
    const after = connect({ token, webSocket: true, conversationId, watermark: '0' });
    await waitFor(() => texts(after.activities).some((t) => t.includes('刷卡的钱一直没到账')));
    await new Promise<string>((resolve, reject) =>
      after.client.postActivity({ type: 'message', from: { id: userId }, text: '昨天下午3点' } as Activity).subscribe(resolve, reject),
    );
    await waitFor(() => texts(after.activities).some((t) => t.includes('结算未到期')));
    after.client.end();
  });
});
