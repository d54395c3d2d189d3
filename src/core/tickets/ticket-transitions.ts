// Ticket status changes as pure functions: facts and the current ticket in, the new ticket (or why not) out.
import type { TransactionReport } from '../report/transaction-report.js';
import { isActive, linksOf, type AuditEntry, type ConversationLink, type Ticket, type TicketMessage, type TicketStatus } from './ticket.js';

export type Transition = { readonly kind: 'ok'; readonly ticket: Ticket } | { readonly kind: 'conflict'; readonly reason: string };

const conflict = (reason: string): Transition => ({ kind: 'conflict', reason });

function change(ticket: Ticket, now: string, entry: Omit<AuditEntry, 'at'>, fields: Partial<Ticket>): Ticket {
  return { ...ticket, ...fields, version: ticket.version + 1, updatedAt: now, audit: [...ticket.audit, { at: now, ...entry }] };
}

/** An agent takes a queued ticket. Conflict when someone else has it, or it is not queued. */
export function claim(ticket: Ticket, agent: string, now: string): Transition {
  if (ticket.status !== 'open') return conflict(ticket.assignee ? `already claimed by ${ticket.assignee}` : `the ticket is ${ticket.status}`);
  return { kind: 'ok', ticket: change(ticket, now, { actor: `agent:${agent}`, action: 'claimed' }, { status: 'assigned', assignee: agent }) };
}

/** Adds a message. An agent's public message is the first response if none came before. */
export function addMessage(ticket: Ticket, message: TicketMessage, actor: string): Transition {
  if (ticket.status === 'closed') return conflict('the ticket is closed');
  const agentReply = message.author === 'agent' && !message.private;
  if (agentReply && ticket.assignee !== message.authorName) return conflict('only the assigned agent may answer the merchant');
  const fields: Partial<Ticket> = { messages: [...ticket.messages, message] };
  if (agentReply && !ticket.firstResponseAt) Object.assign(fields, { firstResponseAt: message.at });
  const action = message.private ? 'note' : `message:${message.author}`;
  return { kind: 'ok', ticket: change(ticket, message.at, { actor, action }, fields) };
}

/** The agent resolves: the conversation returns to the bot; the confirmed cause is kept for statistics. */
export function resolve(ticket: Ticket, agent: string, note: string, cause: string | null, now: string): Transition {
  if (ticket.status !== 'assigned' && ticket.status !== 'waiting_on_merchant') return conflict(`the ticket is ${ticket.status}`);
  if (ticket.assignee !== agent) return conflict('only the assigned agent may resolve the ticket');
  return {
    kind: 'ok',
    ticket: change(ticket, now, { actor: `agent:${agent}`, action: 'resolved', detail: cause ?? undefined }, {
      status: 'resolved',
      resolvedAt: now,
      resolution: { note, cause, by: agent },
    }),
  };
}

/** The agent gives the conversation back to the bot without resolving (the ticket closes). */
export function handBack(ticket: Ticket, agent: string, now: string): Transition {
  if (ticket.assignee !== agent || (ticket.status !== 'assigned' && ticket.status !== 'waiting_on_merchant')) return conflict('only the assigned agent may hand back');
  return { kind: 'ok', ticket: change(ticket, now, { actor: `agent:${agent}`, action: 'handed back to the bot' }, { status: 'closed' }) };
}

/** The merchant leaves the queue. */
export function cancelByMerchant(ticket: Ticket, now: string): Transition {
  if (ticket.status !== 'open') return conflict(`the ticket is ${ticket.status}`);
  return { kind: 'ok', ticket: change(ticket, now, { actor: 'merchant', action: 'cancelled' }, { status: 'closed' }) };
}

/** Moves between the working states (assigned ⇄ waiting on merchant), closes a resolved ticket, or reopens it. */
export function setStatus(ticket: Ticket, status: TicketStatus, actor: string, now: string): Transition {
  const allowed: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
    open: ['closed'],
    assigned: ['waiting_on_merchant'],
    waiting_on_merchant: ['assigned'],
    resolved: ['closed', 'open'],
    closed: ['open'],
  };
  if (!allowed[ticket.status].includes(status)) return conflict(`cannot go from ${ticket.status} to ${status}`);
  const reopening = status === 'open';
  return {
    kind: 'ok',
    ticket: change(ticket, now, { actor, action: reopening ? 'reopened' : `status:${status}` }, reopening ? { status, assignee: null, resolvedAt: null, resolution: null } : { status }),
  };
}

/**
 * Another conversation of the merchant joins the ticket (they wrote about the same payment from a new
 * chat or channel): the agent's words reach it too. Joining twice changes nothing.
 */
export function joinConversation(ticket: Ticket, link: ConversationLink, now: string): Transition {
  if (!isActive(ticket)) return conflict(`the ticket is ${ticket.status}`);
  if (linksOf(ticket).some((l) => l.conversationId === link.conversationId)) return { kind: 'ok', ticket };
  return { kind: 'ok', ticket: change(ticket, now, { actor: 'merchant', action: 'joined', detail: link.conversationId }, { links: [...(ticket.links ?? []), link] }) };
}

/** Details the merchant added after the handover fill the report's gaps; what is there stays unless restated. */
export function addDetails(ticket: Ticket, report: TransactionReport, now: string): Transition {
  if (!isActive(ticket)) return conflict(`the ticket is ${ticket.status}`);
  const merged: TransactionReport = { ...(ticket.report ?? { description: [], problem: [] }), ...withoutEmpty(report) };
  return { kind: 'ok', ticket: change(ticket, now, { actor: 'merchant', action: 'details' }, { report: merged }) };
}

function withoutEmpty(report: TransactionReport): Partial<TransactionReport> {
  const { description: _d, problem: _p, ...fields } = report;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<TransactionReport>;
}
