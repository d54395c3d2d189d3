// What a diagnosis says: the likely cause, how sure, what to do next, and the evidence behind it.
import type { FollowUpQuestion } from '../knowledge/types.js';

export type Decision = 'answer' | 'clarify' | 'escalate';

export interface CauseScore {
  readonly cause: string;
  readonly score: number;
}

/** One reason behind the diagnosis, as data: the wording layer renders it for the merchant, evidence-detail.ts for agents and tools. */
export type Evidence =
  | { readonly kind: 'code'; readonly cause: string; readonly code: string }
  | { readonly kind: 'unknown-code'; readonly cause: string; readonly code: string }
  | { readonly kind: 'screen-text'; readonly cause: string; readonly text: string }
  | { readonly kind: 'words'; readonly cause: string; readonly words: readonly string[] }
  | { readonly kind: 'answer'; readonly cause: string; readonly questionId: string; readonly optionIndex: number }
  | { readonly kind: 'settlement-rule'; readonly cause: string; readonly finding: SettlementFinding };

export type EvidenceKind = Evidence['kind'];

/** Why money is not there yet: the settlement rule that makes it due later (see core/settlement). */
export interface SettlementFinding {
  /** holiday_delay, cutoff_time or settlement_delay. */
  readonly cause: string;
  /** When the money is due (ISO-8601 with the merchant's offset). */
  readonly dueBy: string;
  /** The settlement mode that applies (T1, D0 …), after any fallback. */
  readonly mode: string;
  /** The mode the merchant has, when the trade fell back from it (D0 outside its window → T1). */
  readonly fellBackFrom: string | null;
  /** The trade came after the daily cut-off: its business day (ISO date). */
  readonly afterCutoff: string | null;
  /** Weekend days and holidays the payout waits over (ISO dates, with the holiday's name when known). */
  readonly waitsOver: readonly { readonly date: string; readonly holiday: string | null }[];
}

export interface AnsweredQuestion {
  readonly questionId: string;
  readonly optionIndex: number;
}

export interface Diagnosis {
  /** The likely cause, or null for an off-topic message. */
  readonly cause: string | null;
  /** For an off-topic message: the out-of-scope topic it asks about (knowledge/topics.yaml), when it is one. */
  readonly topic: string | null;
  /** 0..1: the share of belief on the top cause. */
  readonly confidence: number;
  readonly decision: Decision;
  readonly offTopic: boolean;
  /** Best first; at least three. */
  readonly candidates: readonly CauseScore[];
  readonly evidence: readonly Evidence[];
  /** With decision 'clarify' (in scope): the question that best separates the top candidates. */
  readonly question: FollowUpQuestion | null;
}
