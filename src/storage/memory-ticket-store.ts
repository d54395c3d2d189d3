// In-memory TicketStore (tests, and the cache under the lowdb store): versions checked on every replace.
import type { TicketStore } from '../core/ports.js';
import { isActive, linksOf, referenceKey, type Ticket, type TicketStatus } from '../core/tickets/ticket.js';

export class MemoryTicketStore implements TicketStore {
  protected readonly tickets = new Map<string, Ticket>();

  async create(ticket: Ticket): Promise<void> {
    if (this.tickets.has(ticket.id)) throw new Error(`ticket ${ticket.id} exists`);
    this.tickets.set(ticket.id, structuredClone(ticket));
    await this.persist(ticket);
  }

  async get(id: string): Promise<Ticket | null> {
    const ticket = this.tickets.get(id);
    return ticket ? structuredClone(ticket) : null;
  }

  async replace(ticket: Ticket, expectedVersion: number): Promise<boolean> {
    const stored = this.tickets.get(ticket.id);
    if (!stored || stored.version !== expectedVersion) return false;
    this.tickets.set(ticket.id, structuredClone(ticket));
    await this.persist(ticket);
    return true;
  }

  async list(filter: { readonly status?: TicketStatus } = {}): Promise<Ticket[]> {
    return [...this.tickets.values()]
      .filter((t) => filter.status === undefined || t.status === filter.status)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((t) => structuredClone(t));
  }

  async findActiveByConversation(conversationId: string): Promise<Ticket | null> {
    return this.find((t) => isActive(t) && linksOf(t).some((l) => l.conversationId === conversationId));
  }

  async findActiveByReference(key: string): Promise<Ticket | null> {
    return this.find((t) => isActive(t) && referenceKey(t.report, t.merchant.id) === key);
  }

  async nextSequence(day: string): Promise<number> {
    let max = 0;
    for (const id of this.tickets.keys()) if (id.startsWith(`T-${day}-`)) max = Math.max(max, Number(id.slice(-4)));
    return max + 1;
  }

  /** Called after every change; the lowdb store writes the ticket's file here. */
  protected async persist(_ticket: Ticket): Promise<void> {}

  private find(predicate: (t: Ticket) => boolean): Ticket | null {
    for (const t of this.tickets.values()) if (predicate(t)) return structuredClone(t);
    return null;
  }
}
