// Direct Line over raw HTTP and WebSocket: the exact shapes, every error case, the widget token route, card data.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { postJson, startTestServer, TEST_SECRET, waitFor } from '../support/server-harness.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const dl = (path: string) => `${server.url}/v3/directline${path}`;

async function started(body?: unknown) {
  const { body: issued } = await postJson(`${server.url}/api/widget/token`, body, body ? TEST_SECRET : undefined);
  const token = issued.token as string;
  const { status, body: conversation } = await postJson(dl('/conversations'), undefined, token);
  return { token, status, conversation: conversation as { conversationId: string; streamUrl: string; token: string } };
}

describe('Direct Line conversations', () => {
  it('starts with 201 and a ws:// stream URL, and answers 200 when started again with the same token', async () => {
    const { token, status, conversation } = await started();
    expect(status).toBe(201);
    expect(conversation.streamUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?watermark=0&t=/);
    const again = await postJson(dl('/conversations'), undefined, token);
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(conversation.conversationId);
  });

  it('acks a posted activity with its id at once and lists it (with the bot\'s replies) after a watermark', async () => {
    const { token, conversation } = await started();
    const posted = await postJson(dl(`/conversations/${conversation.conversationId}/activities`), { type: 'message', text: '你好', from: { id: 'spoofed' } }, token);
    expect(posted.status).toBe(200);
    expect(posted.body.id).toMatch(new RegExp(`^${conversation.conversationId}\\|\\d+$`));
    const read = async (watermark: string) =>
      (await (await fetch(dl(`/conversations/${conversation.conversationId}/activities?watermark=${watermark}`), { headers: { authorization: `Bearer ${token}` } })).json()) as {
        activities: { id: string; from: { id: string; role?: string }; text?: string }[];
        watermark: string;
      };
    let page = await read('0');
    for (let tries = 0; page.activities.at(-1)?.from.role !== 'bot' && tries < 50; tries += 1) {
      await new Promise((r) => setTimeout(r, 100));
      page = await read('0');
    }
    const mine = page.activities.find((a) => a.id === posted.body.id)!;
    expect(mine.from.id).not.toBe('spoofed');
    expect(mine.from.role).toBe('user');
    expect(page.activities.at(-1)?.from.role).toBe('bot');
    const later = await read(page.watermark);
    expect(later.activities).toEqual([]);
    expect(later.watermark).toBe(page.watermark);
  });

  it('streams ActivitySets over the WebSocket, replaying from the watermark', async () => {
    const { conversation } = await started();
    await new Promise((r) => setTimeout(r, 300));
    const url = conversation.streamUrl;
    const frames: { activities: { text?: string }[]; watermark?: string }[] = [];
    const socket = new WebSocket(url);
    socket.on('message', (data) => {
      const text = String(data);
      if (text) frames.push(JSON.parse(text));
    });
    await waitFor(() => frames.length > 0);
    expect(frames[0]!.activities.length).toBeGreaterThanOrEqual(2);
    expect(frames[0]!.watermark).toMatch(/^\d+$/);
    socket.close();
  });

  it('refuses a stream with a bad stream token', async () => {
    const { conversation } = await started();
    const bad = conversation.streamUrl.replace(/t=[^&]+/, 't=nonsense');
    const outcome = await new Promise<string>((resolve) => {
      const socket = new WebSocket(bad);
      socket.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      socket.on('open', () => resolve('open'));
      socket.on('error', () => resolve('error'));
    });
    expect(outcome).toBe('403');
  });

  it('masks a card number before it is stored or echoed', async () => {
    const { token, conversation } = await started();
    await postJson(dl(`/conversations/${conversation.conversationId}/activities`), { type: 'message', text: '卡号 4111 1111 1111 1111 刷不了' }, token);
    await new Promise((r) => setTimeout(r, 500));
    const files = readdirSync(join(server.dataDir, 'transcripts'), { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    const stored = files.map((f) => readFileSync(join(server.dataDir, 'transcripts', f), 'utf8')).join('\n');
    expect(stored).toContain('****1111');
    expect(stored).not.toContain('4111 1111 1111 1111');
  });
});

describe('Direct Line bad input', () => {
  it('answers a missing token with 401, and a wrong or expired one with 403, changing nothing', async () => {
    const { conversation } = await started();
    const path = dl(`/conversations/${conversation.conversationId}/activities`);
    expect((await postJson(path, { type: 'message', text: 'x' })).status).toBe(401);
    const wrong = await postJson(path, { type: 'message', text: 'x' }, 'not-a-token');
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual({ error: { code: 'BadToken', message: expect.any(String) } });
    const forged = `${conversation.token.split('.').slice(0, 2).join('.')}.AAAA`;
    expect((await postJson(path, { type: 'message', text: 'x' }, forged)).status).toBe(403);
    const { activities } = (await (await fetch(`${path}?watermark=0`, { headers: { authorization: `Bearer ${TEST_SECRET}` } })).json()) as { activities: { text?: string }[] };
    expect(activities.some((a) => a.text === 'x')).toBe(false);
  });

  it('answers a malformed or oversized activity with 400 and a JSON error', async () => {
    const { token, conversation } = await started();
    const path = dl(`/conversations/${conversation.conversationId}/activities`);
    for (const body of ['{"type": "message",', '[1,2]', JSON.stringify({ type: 'message', text: 5 }), JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) })]) {
      const res = await postJson(path, body, token);
      expect(res.status, body.slice(0, 30)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BadArgument' });
    }
  });

  it('answers an unknown conversation with 404', async () => {
    const res = await fetch(dl('/conversations/no-such-conversation/activities'), { headers: { authorization: `Bearer ${TEST_SECRET}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NotFound' } });
  });

  it('only lets the secret generate tokens', async () => {
    const { token } = await started();
    expect((await postJson(dl('/tokens/generate'), undefined, token)).status).toBe(403);
    const generated = await postJson(dl('/tokens/generate'), { user: { id: 'dl_portal_user' } }, TEST_SECRET);
    expect(generated.status).toBe(200);
    expect(generated.body).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1800 });
  });
});

describe('POST /api/widget/token', () => {
  it('carries the merchant the portal vouches for into the conversation', async () => {
    const { token, conversation } = await started({ merchantId: 'M822100058120001', name: '张记面馆', locale: 'zh-CN' });
    await postJson(dl(`/conversations/${conversation.conversationId}/activities`), { type: 'message', text: '你好' }, token);
    type Listed = { from: { name?: string; role?: string }; text?: string; channelData?: { merchant?: { id: string } } };
    const list = async () =>
      ((await (await fetch(dl(`/conversations/${conversation.conversationId}/activities?watermark=0`), { headers: { authorization: `Bearer ${token}` } })).json()) as { activities: Listed[] }).activities;
    let activities = await list();
    for (let tries = 0; activities.filter((a) => a.from.role === 'bot').length < 3 && tries < 50; tries += 1) {
      await new Promise((r) => setTimeout(r, 100));
      activities = await list();
    }
    const mine = activities.find((a) => a.from.role === 'user')!;
    expect(mine.channelData?.merchant).toEqual({ id: 'M822100058120001', name: '张记面馆' });
    expect(mine.from.name).toBe('张记面馆');
    expect(activities.find((a) => a.from.role === 'bot')?.text).toMatch(/^张记面馆，您好/);
  });

  it('refuses a wrong secret with 403 and a bad merchant id with 400', async () => {
    expect((await postJson(`${server.url}/api/widget/token`, { merchantId: 'M1' }, 'wrong-secret')).status).toBe(403);
    expect((await postJson(`${server.url}/api/widget/token`, { merchantId: '<script>' }, TEST_SECRET)).status).toBe(400);
  });

  it('gives anonymous tokens without a secret', async () => {
    const { status, body } = await postJson(`${server.url}/api/widget/token`, undefined);
    expect(status).toBe(200);
    expect(body.userId).toMatch(/^dl_/);
  });
});

describe('Direct Line upload', () => {
  it('stores an attached file, hands it to the bot as an attachment, and serves it back by its signed URL', async () => {
    const { token, conversation } = await started();
    const form = new FormData();
    form.append('activity', new Blob([JSON.stringify({ type: 'message', text: '小票照片' })], { type: 'application/vnd.microsoft.activity' }));
    form.append('file', new Blob([Buffer.from('receipt-bytes')], { type: 'image/png' }), 'receipt.png');
    const res = await fetch(dl(`/conversations/${conversation.conversationId}/upload?userId=dl_x`), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const { activities } = (await (await fetch(dl(`/conversations/${conversation.conversationId}/activities?watermark=0`), { headers: { authorization: `Bearer ${token}` } })).json()) as {
      activities: { id: string; text?: string; attachments?: { contentType: string; contentUrl: string; name: string }[] }[];
    };
    const posted = activities.find((a) => a.id === id)!;
    expect(posted.text).toBe('小票照片');
    expect(posted.attachments).toEqual([{ contentType: 'image/png', name: 'receipt.png', contentUrl: expect.stringMatching(/\/v3\/directline\/attachments\/.+\?sig=/) }]);
    const file = await fetch(posted.attachments![0]!.contentUrl);
    expect(await file.text()).toBe('receipt-bytes');
    const tampered = await fetch(posted.attachments![0]!.contentUrl.replace(/sig=.*/, 'sig=forged'));
    expect(tampered.status).toBe(404);
  });

  it('refuses an oversized file with 400', async () => {
    const { token, conversation } = await started();
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(5 * 1024 * 1024 + 10)], { type: 'application/pdf' }), 'big.pdf');
    const res = await fetch(dl(`/conversations/${conversation.conversationId}/upload?userId=dl_x`), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'BadArgument' } });
  });
});

describe('typing indicator', () => {
  it('streams a typing activity while the bot works on a message (never stored for polling)', async () => {
    const { token, conversation } = await started();
    const frames: { activities: { type: string }[] }[] = [];
    const socket = new WebSocket(conversation.streamUrl);
    socket.on('message', (data) => {
      const text = String(data);
      if (text) frames.push(JSON.parse(text));
    });
    await new Promise((resolve) => socket.once('open', resolve));
    await postJson(dl(`/conversations/${conversation.conversationId}/activities`), { type: 'message', text: '51是什么意思' }, token);
    await waitFor(() => frames.some((f) => f.activities.some((a) => a.type === 'typing')));
    socket.close();
    const { activities } = (await (await fetch(dl(`/conversations/${conversation.conversationId}/activities?watermark=0`), { headers: { authorization: `Bearer ${token}` } })).json()) as { activities: { type: string }[] };
    expect(activities.some((a) => a.type === 'typing')).toBe(false);
  });
});
