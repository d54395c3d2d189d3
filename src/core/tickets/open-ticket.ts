// Builds a new ticket from what the conversation collected; the priority follows the amount and the cause.
import type { TransactionReport } from '../report/transaction-report.js';
import type { Priority, Ticket, TicketMessage } from './ticket.js';

/** What the conversation knows (merchant, report, diagnosis, link, locale) and why a person is needed. */
export interface NewTicketFacts extends Pick<Ticket, 'id' | 'merchant' | 'report' | 'diagnosis' | 'link' | 'locale' | 'reason'> {
  readonly now: string;
  /** The conversation so far (redacted), oldest first. */
  readonly transcript: readonly TicketMessage[];
  /** Causes that always need a person quickly (risk holds ...). */
  readonly urgentCauses?: ReadonlySet<string>;
}

/** High above 50,000 in any currency unit, urgent for causes that must go to a person at once. */
export function priorityOf(report: TransactionReport | null, cause: string | null, urgentCauses: ReadonlySet<string> = new Set()): Priority {
  if (cause && urgentCauses.has(cause)) return 'urgent';
  const amount = report?.amount?.max ?? report?.amount?.value ?? 0;
  if (amount >= 50_000) return 'high';
  return 'normal';
}

export function openTicket(facts: NewTicketFacts): Ticket {
  return {
    id: facts.id,
    version: 1,
    status: 'open',
    priority: priorityOf(facts.report, facts.diagnosis?.cause ?? null, facts.urgentCauses),
    merchant: facts.merchant,
    report: facts.report,
    diagnosis: facts.diagnosis,
    link: facts.link,
    locale: facts.locale,
    reason: facts.reason,
    assignee: null,
    createdAt: facts.now,
    updatedAt: facts.now,
    firstResponseAt: null,
    resolvedAt: null,
    resolution: null,
    messages: facts.transcript,
    audit: [{ at: facts.now, actor: 'bot', action: 'opened', detail: facts.reason }],
  };
}
