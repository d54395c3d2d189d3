// The ticket model on its own: transitions and their conflicts, the queue, business hours.
import { describe, expect, it } from 'vitest';
import { isStaffed, nextOpening, parseBusinessHours } from '../../src/core/tickets/business-hours.js';
import { openTicket, priorityOf } from '../../src/core/tickets/open-ticket.js';
import { estimatedWaitMinutes, queueOrder, queuePosition } from '../../src/core/tickets/queue.js';
import { addMessage, cancelByMerchant, claim, resolve } from '../../src/core/tickets/ticket-transitions.js';
import type { Ticket } from '../../src/core/tickets/ticket.js';
import { conversationOwner, ticketId } from '../../src/core/tickets/ticket.js';

const base = (id: string, createdAt: string, amount = 100, cause: string | null = null): Ticket =>
  openTicket({
    id,
    now: createdAt,
    merchant: { id: 'M1' },
    report: { description: [], problem: [], amount: { value: amount, currency: 'CNY' } },
    diagnosis: cause ? { cause, confidence: 0.9, evidence: [], suggestedSteps: [] } : null,
    link: { channel: 'directline', conversationId: id, reference: {} },
    locale: 'zh-CN',
    reason: 'test',
    transcript: [],
    urgentCauses: new Set(['risk_control_hold']),
  });

const ok = (t: ReturnType<typeof claim>) => {
  if (t.kind !== 'ok') throw new Error(t.reason);
  return t.ticket;
};

describe('ticket transitions', () => {
  it('claims once; a second claim is a conflict naming who has it', () => {
    const claimed = ok(claim(base('T-20261126-0001', '2026-11-26T01:00:00Z'), 'zhang', '2026-11-26T01:05:00Z'));
    expect(claimed).toMatchObject({ status: 'assigned', assignee: 'zhang', version: 2 });
    expect(claim(claimed, 'li', '2026-11-26T01:06:00Z')).toEqual({ kind: 'conflict', reason: 'already claimed by zhang' });
  });

  it('records the first response time with the first public agent message only', () => {
    const claimed = ok(claim(base('T-1', '2026-11-26T01:00:00Z'), 'zhang', '2026-11-26T01:05:00Z'));
    const note = ok(addMessage(claimed, { id: 'n', at: '2026-11-26T01:06:00Z', author: 'agent', authorName: 'zhang', text: 'note', private: true }, 'agent:zhang'));
    expect(note.firstResponseAt).toBeNull();
    const reply = ok(addMessage(note, { id: 'r', at: '2026-11-26T01:07:00Z', author: 'agent', authorName: 'zhang', text: 'hi' }, 'agent:zhang'));
    expect(reply.firstResponseAt).toBe('2026-11-26T01:07:00Z');
    expect(addMessage(reply, { id: 'x', at: '2026-11-26T01:08:00Z', author: 'agent', authorName: 'li', text: 'me too' }, 'agent:li').kind).toBe('conflict');
  });

  it('resolves only by the assignee and only from a working state; a queued ticket can be cancelled by the merchant', () => {
    const queued = base('T-1', '2026-11-26T01:00:00Z');
    expect(resolve(queued, 'zhang', 'x', null, '2026-11-26T02:00:00Z').kind).toBe('conflict');
    const claimed = ok(claim(queued, 'zhang', '2026-11-26T01:05:00Z'));
    expect(resolve(claimed, 'li', 'x', null, '2026-11-26T02:00:00Z').kind).toBe('conflict');
    expect(ok(resolve(claimed, 'zhang', '已处理', 'insufficient_funds', '2026-11-26T02:00:00Z'))).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-26T02:00:00Z', resolution: { cause: 'insufficient_funds' } });
    expect(ok(cancelByMerchant(queued, '2026-11-26T01:01:00Z')).status).toBe('closed');
    expect(cancelByMerchant(claimed, '2026-11-26T01:06:00Z').kind).toBe('conflict');
  });
});

describe('the queue', () => {
  it('orders by priority, then by waiting time, and estimates the wait', () => {
    const tickets = [base('a', '2026-11-26T01:00:00Z'), base('b', '2026-11-26T00:30:00Z'), base('c', '2026-11-26T01:30:00Z', 80_000), base('d', '2026-11-26T01:40:00Z', 10, 'risk_control_hold')];
    expect(queueOrder(tickets).map((t) => t.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(queuePosition(tickets, 'a')).toBe(4);
    expect(queuePosition(tickets, 'zzz')).toBeNull();
    expect(estimatedWaitMinutes(1, 2, 10)).toBe(10);
    expect(estimatedWaitMinutes(5, 2, 10)).toBe(30);
    expect(priorityOf(null, null)).toBe('normal');
  });

  it('derives who owns the conversation from its ticket', () => {
    const queued = base('q', '2026-11-26T01:00:00Z');
    const claimed = ok(claim(queued, 'zhang', '2026-11-26T01:05:00Z'));
    const resolved = ok(resolve(claimed, 'zhang', 'done', null, '2026-11-26T02:00:00Z'));
    expect([conversationOwner(null), conversationOwner(queued), conversationOwner(claimed), conversationOwner(resolved)]).toEqual(['bot', 'queued', 'agent', 'bot']);
  });

  it('names tickets by date and daily number', () => {
    expect(ticketId({ year: 2026, month: 11, day: 6 }, 7)).toBe('T-20261106-0007');
  });
});

describe('business hours', () => {
  const hours = parseBusinessHours('Mon-Fri 09:00-18:00')!;
  it('reads the rule and refuses nonsense', () => {
    expect(parseBusinessHours('Mon-Sun 09:00-21:00')).not.toBeNull();
    expect(parseBusinessHours('weekdays 9-6')).toBeNull();
    expect(parseBusinessHours('Mon 18:00-09:00')).toBeNull();
  });
  it('knows when the desk is staffed in the merchant zone, and when it opens next', () => {
    expect(isStaffed(hours, new Date('2026-11-26T10:00:00+08:00'), 'Asia/Shanghai')).toBe(true);
    expect(isStaffed(hours, new Date('2026-11-26T19:00:00+08:00'), 'Asia/Shanghai')).toBe(false);
    expect(nextOpening(hours, new Date('2026-11-27T19:00:00+08:00'), 'Asia/Shanghai').toISOString()).toBe(new Date('2026-11-30T09:00:00+08:00').toISOString());
  });
});
