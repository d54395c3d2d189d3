// The queue of tickets waiting for an agent: order, a ticket's place, and an honest estimate of the wait.
import type { Priority, Ticket } from './ticket.js';

const RANK: Readonly<Record<Priority, number>> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** Queued tickets first by priority, then by how long they have waited (oldest first). */
export function queueOrder(tickets: readonly Ticket[]): Ticket[] {
  return tickets
    .filter((t) => t.status === 'open')
    .sort((a, b) => RANK[a.priority] - RANK[b.priority] || a.createdAt.localeCompare(b.createdAt));
}

/** 1-based place of `ticketId` in the queue, or null when it is not queued. */
export function queuePosition(tickets: readonly Ticket[], ticketId: string): number | null {
  const index = queueOrder(tickets).findIndex((t) => t.id === ticketId);
  return index < 0 ? null : index + 1;
}

/**
 * Minutes until an agent is likely to pick up the ticket at `position`: the tickets ahead shared
 * among the agents on duty, each taking `minutesPerTicket` (at least one agent is assumed).
 */
export function estimatedWaitMinutes(position: number, agentsOnDuty: number, minutesPerTicket: number): number {
  return Math.max(1, Math.ceil(((position - 1) / Math.max(1, agentsOnDuty) + 1) * minutesPerTicket));
}
