// What the conversation needs from the help desk around it: a person, and the merchant's record of problems.
import type { Activity, TurnContext } from 'botbuilder';
import type { CaseOutcome, HandoverReason } from '../../src/core/conversation/case-state.js';
import type { ProblemKind } from '../../src/core/conversation/problem-kind.js';
import type { Diagnosis } from '../../src/core/diagnosis/types.js';
import type { TransactionReport } from '../../src/core/report/transaction-report.js';

/** What a person needs to take over: what the merchant said and what the bot made of it. */
export interface HandoverRequest {
  readonly report: TransactionReport | null;
  readonly diagnosis: Diagnosis | null;
  readonly kind: ProblemKind | null;
  readonly reason: HandoverReason;
}

/** One problem the merchant reported, as kept for "我的记录" / "my reports". */
export interface CaseRecord {
  /** When it ended (ISO-8601). */
  readonly at: string;
  readonly report: TransactionReport;
  readonly kind: ProblemKind | null;
  readonly cause: string | null;
  readonly outcome: CaseOutcome;
  readonly ticketId?: string;
}

export interface DeskHooks {
  /** Opens (or joins) the ticket; resolves with what to tell the merchant and the ticket's id. */
  handOver(context: TurnContext, request: HandoverRequest): Promise<{ readonly messages: readonly Partial<Activity>[]; readonly ticketId: string }>;
  /** A problem ended: keep its record. */
  concluded(context: TurnContext, record: CaseRecord): Promise<void>;
  /** The merchant's records, newest first. */
  records(context: TurnContext): Promise<readonly CaseRecord[]>;
}
