// The small interfaces the core and the dialogs need from the outside world, injected by main.ts.
import type { Ticket, TicketStatus } from './tickets/ticket.js';

/** Reads the current instant. Production passes the system clock; tests pass a fixed or stepping one. */
export type Clock = () => Date;

/** A conversation a channel keeps a transcript for (Direct Line today, tickets later). */
export interface StoredConversation {
  readonly id: string;
  readonly channel: string;
  /** The merchant-side user the conversation belongs to. */
  readonly user: { readonly id: string; readonly name?: string };
  readonly merchant?: { readonly id: string; readonly name?: string };
  readonly createdAt: string;
}

/** One activity as JSON, stored exactly as it was delivered (card data already masked). */
export type TranscriptActivity = Readonly<Record<string, unknown>> & { readonly id?: string; readonly type?: string };

/**
 * The ordered transcript of each conversation. Sequence numbers start at 1 and are the Direct Line
 * watermark: `since(id, w)` returns the activities after the first `w`. Appends to one conversation
 * are serialised by the implementation; a write never touches other conversations' data.
 */
export interface TranscriptStore {
  createConversation(conversation: StoredConversation): Promise<void>;
  getConversation(id: string): Promise<StoredConversation | null>;
  /** Stores the activity with id `${conversationId}|${sequence}` and returns it with that id. */
  append(conversationId: string, activity: TranscriptActivity): Promise<{ readonly sequence: number; readonly activity: TranscriptActivity }>;
  since(conversationId: string, watermark: number): Promise<{ readonly activities: readonly TranscriptActivity[]; readonly watermark: number }>;
}

/** The id a transcript gives the activity at `sequence`. */
export function transcriptActivityId(conversationId: string, sequence: number): string {
  return `${conversationId}|${String(sequence).padStart(7, '0')}`;
}

/** Tickets, keyed by id, with optimistic concurrency: a replace wins only over the version it read. */
export interface TicketStore {
  create(ticket: Ticket): Promise<void>;
  get(id: string): Promise<Ticket | null>;
  /** Stores `ticket` if the stored one still has `expectedVersion`; false when someone changed it meanwhile. */
  replace(ticket: Ticket, expectedVersion: number): Promise<boolean>;
  /** Newest first; only `status` when given. */
  list(filter?: { readonly status?: TicketStatus }): Promise<Ticket[]>;
  /** The conversation's ticket that is still being worked on (open, assigned, waiting on merchant). */
  findActiveByConversation(conversationId: string): Promise<Ticket | null>;
  /** An active ticket about the same transaction (see referenceKey). */
  findActiveByReference(key: string): Promise<Ticket | null>;
  /** The next sequence number for ticket ids of one day ("20261126"), starting at 1. */
  nextSequence(day: string): Promise<number>;
}

export type AgentRole = 'agent' | 'admin';

export interface AgentAccount {
  readonly name: string;
  readonly role: AgentRole;
  /** scrypt hash and salt, hex. */
  readonly passwordHash: string;
  readonly salt: string;
  /** Conversations the agent may hold at once. */
  readonly maxOpen: number;
  readonly createdAt: string;
  readonly disabled?: boolean;
}

export interface AgentStore {
  get(name: string): Promise<AgentAccount | null>;
  list(): Promise<AgentAccount[]>;
  /** Creates or replaces the account with this name. */
  put(agent: AgentAccount): Promise<void>;
}
