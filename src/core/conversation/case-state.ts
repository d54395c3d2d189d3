// One problem a merchant is reporting, as the conversation knows it: its kind, the details, what was asked and answered.
import type { Diagnosis, AnsweredQuestion } from '../diagnosis/types.js';
import type { AmountRejection } from '../nlu/types.js';
import { EMPTY_REPORT, type TransactionReport } from '../report/transaction-report.js';
import type { ProblemKind } from './problem-kind.js';

/** What the bot is waiting for the merchant to answer. */
export type Pending =
  /** Which kind of problem: failed at the terminal, money not arrived, charged twice, a QR payment. */
  | { readonly ask: 'kind' }
  /** A follow-up question from the knowledge base that separates the likely causes. */
  | { readonly ask: 'question'; readonly questionId: string }
  /** When the trade was (money not arrived: the settlement rule needs it). */
  | { readonly ask: 'time' }
  /** Whether the fix for `cause` worked. */
  | { readonly ask: 'helped'; readonly cause: string }
  /** Whether the merchant wants a person. */
  | { readonly ask: 'person' };

export type PendingAsk = Pending['ask'];

export interface CaseState {
  readonly kind: ProblemKind | null;
  readonly report: TransactionReport;
  readonly answers: readonly AnsweredQuestion[];
  /** What was asked already (question ids, 'kind', 'time'): nothing is asked twice as a new question. */
  readonly asked: readonly string[];
  /** The merchant said they do not know the trade time. */
  readonly timeUnknown: boolean;
  readonly pending: Pending | null;
  /** Replies in a row that did not answer `pending`. */
  readonly misses: number;
  /** Causes already explained in this case, oldest first. */
  readonly explained: readonly string[];
  /** The latest diagnosis (what a ticket records as the suspected cause). */
  readonly last: Diagnosis | null;
  /** The merchant's answer to "did it help?", when given. */
  readonly helped: boolean | null;
}

export function newCase(): CaseState {
  return { kind: null, report: EMPTY_REPORT, answers: [], asked: [], timeUnknown: false, pending: null, misses: 0, explained: [], last: null, helped: null };
}

/** Why a person is needed, in the ticket's words. */
export type HandoverReason = 'asked' | 'not_helped' | 'needs_acquirer' | 'unsure';

/** How a case ended, for the merchant's record of reported problems. */
export type CaseOutcome = 'resolved' | 'handed_over' | 'closed';

/** What the bot does this turn, in order; the dialog renders each in the merchant's language. */
export type Move =
  /** Name the cause with its evidence and the fix (and what to tell a waiting customer). */
  | { readonly type: 'explain'; readonly diagnosis: Diagnosis; readonly cause: string }
  /** Not sure: the best guess, before offering a person. */
  | { readonly type: 'unsure'; readonly diagnosis: Diagnosis }
  /** Ask (or ask again: `retry` 1 in other words, 2 and more with the choices as buttons and a person on offer). */
  | { readonly type: 'ask'; readonly pending: Pending; readonly retry: number }
  /** Outside the bot's job: the topic's answer (if any), what the bot helps with, a person on offer. */
  | { readonly type: 'outOfScope'; readonly diagnosis: Diagnosis }
  /** A stated value that cannot be used (a future time, a zero amount …), said once. */
  | { readonly type: 'invalid'; readonly problem: 'future_time' | AmountRejection }
  /** Solved: glad, and one line of prevention. */
  | { readonly type: 'resolved'; readonly cause: string | null }
  /** Open (or join) a ticket for a person. */
  | { readonly type: 'handover'; readonly reason: HandoverReason }
  /** The merchant needs nothing more for now. */
  | { readonly type: 'goodbye' };

export interface Turn {
  /** The case after this message (as it ended, when it ended). */
  readonly state: CaseState;
  readonly moves: readonly Move[];
  /** Set when the case ended with this message: how. The next message starts a new case. */
  readonly outcome?: CaseOutcome;
}
