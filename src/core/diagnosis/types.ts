// What a diagnosis says: the likely cause, how sure, what to do next, and the evidence behind it.
import type { FollowUpQuestion } from '../knowledge/types.js';

export type Decision = 'answer' | 'clarify' | 'escalate';

export interface CauseScore {
  readonly cause: string;
  readonly score: number;
}

export type EvidenceKind = 'code' | 'unknown-code' | 'screen-text' | 'words' | 'answer' | 'settlement-rule';

/** One reason behind the diagnosis, readable by the merchant and by the agent later. */
export interface Evidence {
  readonly kind: EvidenceKind;
  readonly cause: string;
  /** What decided: the code, the matched words, the rule with its due time. */
  readonly detail: string;
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
