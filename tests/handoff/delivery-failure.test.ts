// An agent's words that cannot reach the merchant are tried again, then written on the ticket: never lost, never thrown.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { deskWording } from '../../dialogs/wording/index.js';
import { botFrameworkSender } from '../../src/channels/bot-framework/bot-framework-sender.js';
import { isLoopbackUrl } from '../../src/channels/bot-framework/service-url-policy.js';
import { createHandoff } from '../../src/handoff/create-handoff.js';
import { createLogger } from '../../src/shared/logger.js';
import { MemoryTicketStore } from '../../src/storage/memory-ticket-store.js';
import { TEST_NOW } from '../support/bot-harness.js';

function desk(send: () => Promise<void>) {
  const waits: number[] = [];
  const { handoff, senders } = createHandoff({
    wording: deskWording,
    tickets: new MemoryTicketStore(),
    businessHours: 'Mon-Sun 00:00-24:00',
    timeZone: 'Asia/Shanghai',
    urgentCauses: new Set(),
    clock: () => TEST_NOW,
    logger: createLogger('silent'),
    sendRetry: { attempts: 3, firstDelayMs: 500, sleep: async (ms) => void waits.push(ms) },
  });
  senders.set('*', send);
  return { handoff, waits };
}

async function openTicket(handoff: ReturnType<typeof desk>['handoff']): Promise<string> {
  const link = { channel: 'emulator', conversationId: 'c1', reference: { serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'c1' } } };
  const status = await handoff.requestHuman({ merchant: { id: null }, report: null, diagnosis: null, link, locale: 'zh-CN', reason: 'test', transcript: [] });
  return status.ticketId;
}

describe('delivering an agent\'s words', () => {
  it('tries three times with doubling waits, then records the failure on the ticket instead of throwing', async () => {
    let tries = 0;
    const { handoff, waits } = desk(async () => {
      tries += 1;
      throw new Error('connect ECONNREFUSED 127.0.0.1:1');
    });
    const id = await openTicket(handoff);
    const claimed = await handoff.claim(id, 'zhang', 5);
    expect(tries).toBe(3);
    expect(waits).toEqual([500, 1000]);
    expect(claimed.status).toBe('assigned');
    const note = claimed.messages.at(-1);
    expect(note).toMatchObject({ author: 'system' });
    expect(note?.text).toMatch(/Not delivered to the merchant \(emulator\) after 3 tries: connect ECONNREFUSED/);
    const replied = await handoff.agentMessage(id, 'zhang', '请换一张卡', false);
    expect(replied.messages.filter((m) => m.author === 'system' && m.text.startsWith('Not delivered'))).toHaveLength(2);
  });

  it('delivers once when the channel answers at the second try', async () => {
    let tries = 0;
    const { handoff } = desk(async () => {
      tries += 1;
      if (tries === 1) throw new Error('503');
    });
    const id = await openTicket(handoff);
    const claimed = await handoff.claim(id, 'zhang', 5);
    expect(tries).toBe(2);
    expect(claimed.messages.some((m) => m.author === 'system')).toBe(false);
  });
});

describe('the Bot Framework sender', () => {
  it('never sends to a stored reference whose serviceUrl the rule refuses, and sends to one it allows', async () => {
    const requests: string[] = [];
    const listener = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as AddressInfo).port;
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const send = botFrameworkSender(adapter, '', isLoopbackUrl);
    const reference = (serviceUrl: string) => ({ serviceUrl, channelId: 'emulator', conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' }, bot: { id: 'bot', name: 'bot' }, user: { id: 'm', name: 'm' } });
    const say = async (context: { sendActivity(text: string): Promise<unknown> }) => void (await context.sendActivity('客服回复'));
    await expect(send(reference(`http://0.0.0.0:${port}/`), say)).rejects.toThrow(/refusing to send/);
    expect(requests).toEqual([]);
    await send(reference(`http://127.0.0.1:${port}/`), say);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^POST \/v3\/conversations\/c1\/activities/);
    await new Promise((r) => listener.close(r));
  });
});
