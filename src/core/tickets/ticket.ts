// The help-desk ticket: everything the bot collected, who owns it, what was said, and every change with who and when.
import type { TransactionReport } from '../report/transaction-report.js';

/** open: waiting in the queue · assigned: an agent owns the conversation · waiting_on_merchant: the agent asked the merchant. */
export type TicketStatus = 'open' | 'assigned' | 'waiting_on_merchant' | 'resolved' | 'closed';

export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export type MessageAuthor = 'merchant' | 'bot' | 'agent' | 'system';

export interface TicketMessage {
  readonly id: string;
  readonly at: string;
  readonly author: MessageAuthor;
  /** The agent's name, for agent messages and notes. */
  readonly authorName?: string;
  /** Redacted text; shown as text, never as HTML. */
  readonly text: string;
  /** A private note: never sent to the merchant. */
  readonly private?: boolean;
}

export interface AuditEntry {
  readonly at: string;
  /** "bot", "merchant", "system" or "agent:<name>". */
  readonly actor: string;
  readonly action: string;
  readonly detail?: string;
}

/** Where to deliver an agent's words: the channel and the stored Bot Framework conversation reference. */
export interface ConversationLink {
  readonly channel: string;
  readonly conversationId: string;
  /** A serialised ConversationReference (plain JSON). */
  readonly reference: Readonly<Record<string, unknown>>;
}

export interface TicketDiagnosis {
  readonly cause: string | null;
  readonly confidence: number;
  readonly evidence: readonly { readonly kind: string; readonly cause: string; readonly detail: string }[];
  readonly suggestedSteps: readonly string[];
  /** The merchant's answer to "did it help?", when asked. */
  readonly merchantAnswer?: 'helped' | 'not_helped';
}

export interface Ticket {
  readonly id: string;
  /** Optimistic-concurrency version: every change increments it. */
  readonly version: number;
  readonly status: TicketStatus;
  readonly priority: Priority;
  readonly merchant: { readonly id: string | null; readonly name?: string };
  readonly report: TransactionReport | null;
  readonly diagnosis: TicketDiagnosis | null;
  /** The conversation that opened the ticket (`link.conversationId` is the one other tools read). */
  readonly link: ConversationLink;
  /** Other conversations of the merchant that joined it (a new chat about the same payment); they get the agent's words too. */
  readonly links?: readonly ConversationLink[];
  readonly locale: string;
  readonly reason: string;
  readonly assignee: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly firstResponseAt: string | null;
  readonly resolvedAt: string | null;
  readonly resolution: { readonly note: string; readonly cause: string | null; readonly by: string } | null;
  readonly messages: readonly TicketMessage[];
  readonly audit: readonly AuditEntry[];
}

/** Statuses in which a ticket is still being worked on (the conversation is not the bot's). */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['open', 'assigned', 'waiting_on_merchant'];

export function isActive(ticket: Ticket): boolean {
  return ACTIVE_STATUSES.includes(ticket.status);
}

/** Every conversation the ticket speaks to: the one that opened it, then those that joined. */
export function linksOf(ticket: Ticket): readonly ConversationLink[] {
  return [ticket.link, ...(ticket.links ?? [])];
}

/** A readable id: T-20261126-0007 (the merchant's local date, the day's sequence number). */
export function ticketId(date: { year: number; month: number; day: number }, sequence: number): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `T-${pad(date.year, 4)}${pad(date.month, 2)}${pad(date.day, 2)}-${pad(sequence, 4)}`;
}

/** The key under which reports of one transaction meet: the reference, or time + amount + terminal. */
export function referenceKey(report: TransactionReport | null, merchantId: string | null): string | null {
  if (!report) return null;
  if (report.reference) return `${merchantId ?? '-'}|${report.reference.kind}|${report.reference.value}${report.reference.kind === 'trace' ? `|${report.terminalId ?? ''}` : ''}`;
  return null;
}

/** Who owns a conversation: derived from its active ticket, never stored apart from it. */
export type ConversationOwner = 'bot' | 'queued' | 'agent';

export function conversationOwner(ticket: Ticket | null): ConversationOwner {
  if (!ticket || !isActive(ticket)) return 'bot';
  return ticket.status === 'open' ? 'queued' : 'agent';
}
