// Tickets and human takeover: opening, queueing, agents' actions, and delivering agents' words to the merchant.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { TicketStore } from '../core/ports.js';
import { isStaffed, nextOpening, type BusinessHours } from '../core/tickets/business-hours.js';
import { openTicket, type NewTicketFacts } from '../core/tickets/open-ticket.js';
import { estimatedWaitMinutes, queueOrder, queuePosition } from '../core/tickets/queue.js';
import type { TransactionReport } from '../core/report/transaction-report.js';
import { linksOf, referenceKey, ticketId, type ConversationLink, type Ticket, type TicketMessage } from '../core/tickets/ticket.js';
import { addDetails, addMessage, cancelByMerchant, claim, handBack, joinConversation, resolve, setStatus, type Transition } from '../core/tickets/ticket-transitions.js';
import { wallClockAt } from '../core/time/zoned-time.js';
import type { Logger } from '../shared/logger.js';
import { withRetry, type RetryPolicy } from '../shared/retry.js';

/** Sends an agent's (or the desk's) words into the merchant's conversation on its own channel. */
export type MessageDelivery = (link: ConversationLink, message: { text: string; from: string }) => Promise<void>;

/** What the desk says to the merchant on an agent's behalf, in the ticket's language (from dialogs/wording). */
export interface DeskWording {
  agentJoined(agent: string): string;
  resolved(agent: string, note: string): string;
  readonly handedBack: string;
}

export interface HandoffSettings {
  readonly wording: (locale: string) => DeskWording;
  readonly hours: BusinessHours;
  readonly timeZone: string;
  readonly minutesPerTicket: number;
  readonly urgentCauses: ReadonlySet<string>;
  /** How often, and how far apart, a failed delivery to the merchant is tried again. */
  readonly sendRetry: RetryPolicy;
}

/** The conversation so far, from the channel's own transcript where it keeps one (Direct Line). */
export type TranscriptSource = (link: ConversationLink) => Promise<readonly TicketMessage[]>;

/** What the merchant is told after asking for a person. */
export interface QueueStatus {
  readonly ticketId: string;
  /** True when the conversation already had an active ticket (or the transaction did). */
  readonly existing: boolean;
  readonly position: number | null;
  readonly waitMinutes: number | null;
  /** When the desk is closed: when it opens (an instant). */
  readonly opensAt: Date | null;
}

export class TicketError extends Error {
  constructor(
    readonly status: 404 | 409 | 403,
    message: string,
  ) {
    super(message);
    this.name = 'TicketError';
  }
}

export type RequestFacts = Omit<NewTicketFacts, 'id' | 'now' | 'urgentCauses'>;

/**
 * The help desk's one entrance for ticket changes. Every change is a pure transition applied with a
 * version check (retried when another change won the race) and announced on `events` ('ticket',
 * ticket) for the console's live view.
 */
export class HandoffService {
  readonly events = new EventEmitter();
  private agentsOnDuty: () => number = () => 1;
  private transcriptOf: TranscriptSource = async () => [];

  constructor(
    private readonly store: TicketStore,
    private readonly deliver: MessageDelivery,
    private readonly settings: HandoffSettings,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {
    this.events.setMaxListeners(100);
  }

  /** How many agents are on duty now (the console reports its live connections). */
  countAgentsWith(counter: () => number): void {
    this.agentsOnDuty = counter;
  }

  /** Where a new ticket's transcript comes from (main.ts wires the Direct Line transcript store). */
  readTranscriptsWith(source: TranscriptSource): void {
    this.transcriptOf = source;
  }

  activeTicket(conversationId: string): Promise<Ticket | null> {
    return this.store.findActiveByConversation(conversationId);
  }

  list(status?: Ticket['status']): Promise<Ticket[]> {
    return this.store.list(status ? { status } : {});
  }

  async get(id: string): Promise<Ticket> {
    const ticket = await this.store.get(id);
    if (!ticket) throw new TicketError(404, `no ticket ${id}`);
    return ticket;
  }

  /** Opens a ticket for the conversation, or reports the one it (or the same transaction) already has. */
  async requestHuman(facts: RequestFacts): Promise<QueueStatus> {
    const now = this.clock();
    const existing = (await this.store.findActiveByConversation(facts.link.conversationId)) ?? (await this.findByReference(facts));
    if (existing) {
      if (!linksOf(existing).some((l) => l.conversationId === facts.link.conversationId)) await this.join(existing, facts.link);
      return this.queueStatus(existing.id, true);
    }
    const day = wallClockAt(now, this.settings.timeZone);
    const dayKey = `${day.year}${String(day.month).padStart(2, '0')}${String(day.day).padStart(2, '0')}`;
    const history = await this.transcriptOf(facts.link);
    const transcript = history.length > 0 ? history : facts.transcript;
    const ticket = openTicket({ ...facts, transcript, id: ticketId(day, await this.store.nextSequence(dayKey)), now: now.toISOString(), urgentCauses: this.settings.urgentCauses });
    await this.store.create(ticket);
    this.events.emit('ticket', ticket);
    return this.queueStatus(ticket.id, false);
  }

  async queueStatus(id: string, existing: boolean): Promise<QueueStatus> {
    const now = this.clock();
    const tickets = await this.store.list({ status: 'open' });
    const position = queuePosition(tickets, id);
    const staffed = isStaffed(this.settings.hours, now, this.settings.timeZone);
    return {
      ticketId: id,
      existing,
      position,
      waitMinutes: position !== null && staffed ? estimatedWaitMinutes(position, this.agentsOnDuty(), this.settings.minutesPerTicket) : null,
      opensAt: staffed ? null : nextOpening(this.settings.hours, now, this.settings.timeZone),
    };
  }

  /** The merchant wrote while a person owns (or will own) the conversation: it goes on the ticket. */
  async merchantSays(ticket: Ticket, text: string): Promise<Ticket> {
    const now = this.clock();
    return this.change(ticket.id, (t) => {
      const added = addMessage(t, { id: randomUUID(), at: now.toISOString(), author: 'merchant', text }, 'merchant');
      return added.kind === 'ok' && added.ticket.status === 'waiting_on_merchant' ? setStatus(added.ticket, 'assigned', 'merchant', now.toISOString()) : added;
    });
  }

  /** An agent moves their ticket on: waiting on the merchant, back to working, closed, or reopened. */
  async setStatus(id: string, agent: string, status: Ticket['status']): Promise<Ticket> {
    return this.change(id, (t) => {
      if (t.assignee !== null && t.assignee !== agent && status !== 'open') return { kind: 'conflict', reason: 'only the assigned agent may change this ticket' };
      return setStatus(t, status, `agent:${agent}`, this.clock().toISOString());
    });
  }

  async cancelByMerchant(ticket: Ticket): Promise<Ticket> {
    return this.change(ticket.id, (t) => cancelByMerchant(t, this.clock().toISOString()));
  }

  /**
   * The active ticket about the same payment as `report` (same reference, same merchant), joined by
   * this conversation so the agent's words reach it too; null when there is none.
   */
  async joinByReference(report: TransactionReport, merchantId: string | null, link: ConversationLink): Promise<Ticket | null> {
    const key = referenceKey(report, merchantId);
    const ticket = key ? await this.store.findActiveByReference(key) : null;
    return ticket ? this.join(ticket, link) : null;
  }

  /** Details the merchant added while waiting fill the ticket's report. */
  async addDetails(ticket: Ticket, report: TransactionReport): Promise<Ticket> {
    return this.change(ticket.id, (t) => addDetails(t, report, this.clock().toISOString()));
  }

  async claim(id: string, agent: string, maxOpen: number): Promise<Ticket> {
    const held = (await this.store.list()).filter((t) => t.assignee === agent && (t.status === 'assigned' || t.status === 'waiting_on_merchant')).length;
    if (held >= maxOpen) throw new TicketError(409, `you already hold ${held} conversations (your limit is ${maxOpen})`);
    const ticket = await this.change(id, (t) => claim(t, agent, this.clock().toISOString()));
    return this.tellMerchant(ticket, { text: this.settings.wording(ticket.locale).agentJoined(agent), from: agent });
  }

  /** An agent's reply (delivered to the merchant) or private note (not delivered). */
  async agentMessage(id: string, agent: string, text: string, isPrivate: boolean): Promise<Ticket> {
    const now = this.clock().toISOString();
    const message: TicketMessage = { id: randomUUID(), at: now, author: 'agent', authorName: agent, text, ...(isPrivate ? { private: true } : {}) };
    const ticket = await this.change(id, (t) => addMessage(t, message, `agent:${agent}`));
    return isPrivate ? ticket : this.tellMerchant(ticket, { text, from: agent });
  }

  /** Resolves: the summary goes to the merchant and the bot owns the conversation again. */
  async resolve(id: string, agent: string, note: string, cause: string | null): Promise<Ticket> {
    const ticket = await this.change(id, (t) => resolve(t, agent, note, cause, this.clock().toISOString()));
    return this.tellMerchant(ticket, { text: this.settings.wording(ticket.locale).resolved(agent, note), from: agent });
  }

  async handBack(id: string, agent: string): Promise<Ticket> {
    const ticket = await this.change(id, (t) => handBack(t, agent, this.clock().toISOString()));
    return this.tellMerchant(ticket, { text: this.settings.wording(ticket.locale).handedBack, from: agent });
  }

  /** The agents' view of the queue: waiting tickets, best first. */
  async queue(): Promise<Ticket[]> {
    return queueOrder(await this.store.list({ status: 'open' }));
  }

  private async findByReference(facts: RequestFacts): Promise<Ticket | null> {
    const key = referenceKey(facts.report, facts.merchant.id);
    return key ? this.store.findActiveByReference(key) : null;
  }

  /**
   * Delivers words to the merchant's conversation, trying again with backoff. When every try fails
   * the failure is logged and written on the ticket as a system message, where the agent sees it;
   * it never escapes as an error (the agent's action itself succeeded). Resolves with the ticket as
   * it stands afterwards.
   */
  private async tellMerchant(ticket: Ticket, message: { text: string; from: string }): Promise<Ticket> {
    let current = ticket;
    for (const link of linksOf(ticket)) {
      try {
        await withRetry(() => this.deliver(link, message), this.settings.sendRetry);
      } catch (error) {
        this.logger.error({ err: error, ticket: ticket.id, channel: link.channel, conversation: link.conversationId }, 'could not deliver to the merchant');
        const reason = error instanceof Error ? error.message : String(error);
        const note = this.systemMessage(`Not delivered to the merchant (${link.channel}) after ${this.settings.sendRetry.attempts} tries: ${reason}`, this.clock());
        current = await this.change(ticket.id, (t) => addMessage(t, note, 'bot'));
      }
    }
    return current;
  }

  private async join(ticket: Ticket, link: ConversationLink): Promise<Ticket> {
    const now = this.clock();
    const joined = await this.change(ticket.id, (t) => joinConversation(t, link, now.toISOString()));
    return this.change(joined.id, (t) => addMessage(t, this.systemMessage(`The merchant wrote about this payment again from another conversation (${link.channel} ${link.conversationId}); it now receives the agent's messages too.`, now), 'bot'));
  }

  private systemMessage(text: string, now: Date): TicketMessage {
    return { id: randomUUID(), at: now.toISOString(), author: 'system', text };
  }

  /** Applies a transition with a version check, retrying a few times when another change got there first. */
  private async change(id: string, transition: (ticket: Ticket) => Transition): Promise<Ticket> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = await this.get(id);
      const result = transition(current);
      if (result.kind === 'conflict') throw new TicketError(409, result.reason);
      if (await this.store.replace(result.ticket, current.version)) {
        this.events.emit('ticket', result.ticket);
        return result.ticket;
      }
    }
    throw new TicketError(409, 'the ticket kept changing; try again');
  }
}
