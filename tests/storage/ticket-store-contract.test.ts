// One contract suite for the ticket stores (in-memory and lowdb): versions, lookups, ids, persistence.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TicketStore } from '../../src/core/ports.js';
import { openTicket } from '../../src/core/tickets/open-ticket.js';
import { claim } from '../../src/core/tickets/ticket-transitions.js';
import type { Ticket } from '../../src/core/tickets/ticket.js';
import { LowdbTicketStore } from '../../src/storage/lowdb-ticket-store.js';
import { MemoryTicketStore } from '../../src/storage/memory-ticket-store.js';
import { tempDir } from '../support/bot-harness.js';

function ticket(id: string, conversationId: string, createdAt = '2026-11-26T02:00:00.000Z'): Ticket {
  return openTicket({
    id,
    now: createdAt,
    merchant: { id: 'M1' },
    report: { description: ['刷卡失败'], problem: ['刷卡失败'], reference: { kind: 'rrn', value: '123456789012' } },
    diagnosis: null,
    link: { channel: 'directline', conversationId, reference: {} },
    locale: 'zh-CN',
    reason: 'test',
    transcript: [],
  });
}

describe.each([
  ['MemoryTicketStore', async () => new MemoryTicketStore() as TicketStore],
  ['LowdbTicketStore', async () => (await new LowdbTicketStore(join(tempDir(), 'tickets')).open()) as TicketStore],
])('%s', (_name, create) => {
  it('creates and reads back a ticket, and refuses a duplicate id', async () => {
    const store = await create();
    await store.create(ticket('T-20261126-0001', 'c1'));
    expect((await store.get('T-20261126-0001'))?.link.conversationId).toBe('c1');
    await expect(store.create(ticket('T-20261126-0001', 'c2'))).rejects.toThrow();
    expect(await store.get('T-19990101-0001')).toBeNull();
  });

  it('replaces only over the version it read', async () => {
    const store = await create();
    await store.create(ticket('T-20261126-0002', 'c1'));
    const read = (await store.get('T-20261126-0002'))!;
    const claimed = claim(read, 'a', '2026-11-26T03:00:00.000Z');
    if (claimed.kind !== 'ok') throw new Error('claim failed');
    expect(await store.replace(claimed.ticket, read.version)).toBe(true);
    expect(await store.replace(claimed.ticket, read.version)).toBe(false);
    expect((await store.get('T-20261126-0002'))?.status).toBe('assigned');
  });

  it('finds the active ticket of a conversation and of a reference, not a closed one', async () => {
    const store = await create();
    await store.create(ticket('T-20261126-0003', 'c3'));
    expect((await store.findActiveByConversation('c3'))?.id).toBe('T-20261126-0003');
    expect((await store.findActiveByReference('M1|rrn|123456789012'))?.id).toBe('T-20261126-0003');
    const t = (await store.get('T-20261126-0003'))!;
    await store.replace({ ...t, status: 'closed', version: t.version + 1 }, t.version);
    expect(await store.findActiveByConversation('c3')).toBeNull();
  });

  it('numbers tickets per day and lists newest first, by status', async () => {
    const store = await create();
    expect(await store.nextSequence('20261126')).toBe(1);
    await store.create(ticket('T-20261126-0001', 'a', '2026-11-26T01:00:00.000Z'));
    await store.create(ticket('T-20261126-0002', 'b', '2026-11-26T02:00:00.000Z'));
    expect(await store.nextSequence('20261126')).toBe(3);
    expect(await store.nextSequence('20261127')).toBe(1);
    expect((await store.list()).map((t) => t.id)).toEqual(['T-20261126-0002', 'T-20261126-0001']);
    expect(await store.list({ status: 'resolved' })).toEqual([]);
  });
});

describe('LowdbTicketStore on disk', () => {
  it('keeps tickets across a restart', async () => {
    const dir = join(tempDir(), 'tickets');
    await (await new LowdbTicketStore(dir).open()).create(ticket('T-20261126-0009', 'c9'));
    expect((await (await new LowdbTicketStore(dir).open()).get('T-20261126-0009'))?.link.conversationId).toBe('c9');
  });
});
