// Diagnosis: structured evidence first (response code, screen text, settlement rule, answers), then the words.
import { OFF_TOPIC, type DiagnosisModel } from './diagnosis-model.js';
import { nextQuestion } from './next-question.js';
import { matchedTerms, normaliseForFeatures } from './text-features.js';
import type { AnsweredQuestion, CauseScore, Diagnosis, Evidence } from './types.js';

/** A settlement-timing finding (see core/settlement): the rule that explains why money has not arrived. */
export interface SettlementFinding {
  readonly cause: string;
  readonly detail: string;
  /** When the money is due (ISO-8601 with offset) and under which mode. */
  readonly dueBy: string;
  readonly mode: string;
}

export interface DiagnosisInput {
  /** Everything the merchant said about the problem (redacted). */
  readonly text: string;
  readonly responseCode?: string | null;
  readonly answers?: readonly AnsweredQuestion[];
  readonly settlement?: SettlementFinding | null;
}

/** Tuning, fitted on the development set (tests/fixtures/diagnosis-dev.jsonl), never on the held-out set. */
export const DIAGNOSIS_TUNING = {
  codeBoost: 0.6,
  unknownCodeBoost: 0.45,
  screenTextBoost: 0.25,
  answerBoost: 0.2,
  settlementBoost: 0.5,
  /** Softmax temperature turning scores into probabilities. */
  temperature: 0.06,
  /** Answer without asking when the top cause holds at least this share of belief ... */
  answerConfidence: 0.6,
  /** ... and its score is at least this. */
  answerMinScore: 0.3,
  /** Below this top score, with no structured evidence, a message is off-topic. */
  offTopicFloor: 0.04,
  /** Follow-up questions before the bot escalates. */
  maxQuestions: 2,
} as const;

const UNKNOWN_CODE_CAUSE = 'unknown_error_code';

function probabilities(scores: readonly CauseScore[], temperature: number): number[] {
  const top = scores[0]?.score ?? 0;
  const exps = scores.map((s) => Math.exp((s.score - top) / temperature));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/**
 * Diagnoses one problem description. Returns the likely cause with its confidence and evidence, and
 * the decision: answer when confident; clarify with the question that best separates the top
 * candidates while fewer than `maxQuestions` were answered; escalate otherwise. Off-topic messages (no
 * structured evidence and closer to the off-topic examples than to any cause) come back with cause null.
 */
export function diagnose(model: DiagnosisModel, input: DiagnosisInput, tuning = DIAGNOSIS_TUNING): Diagnosis {
  const features = model.features(input.text);
  const classified = model.classifier.score(features);
  const offTopicScore = classified.find((s) => s.label === OFF_TOPIC)?.score ?? 0;
  const boosts = new Map<string, number>();
  const evidence: Evidence[] = [];
  const boost = (cause: string, amount: number) => boosts.set(cause, (boosts.get(cause) ?? 0) + amount);

  const code = input.responseCode ?? null;
  if (code !== null) {
    const row = model.responseCodes.get(code);
    if (row?.cause) {
      boost(row.cause, tuning.codeBoost);
      evidence.push({ kind: 'code', cause: row.cause, detail: `${code}: ${row.meaning.zh} / ${row.meaning.en}` });
    } else if (!row) {
      boost(UNKNOWN_CODE_CAUSE, tuning.unknownCodeBoost);
      evidence.push({ kind: 'unknown-code', cause: UNKNOWN_CODE_CAUSE, detail: code });
    }
  }
  // Screen texts count once per cause, and only where no longer term of another cause covers them.
  const normalised = normaliseForFeatures(input.text);
  for (const feature of features.keys()) {
    if (!feature.startsWith('s:')) continue;
    const cause = feature.slice(2);
    const shown = model.screenTexts.find((s) => s.cause === cause && normalised.includes(s.lower));
    boost(cause, tuning.screenTextBoost);
    evidence.push({ kind: 'screen-text', cause, detail: shown?.text ?? cause });
  }
  for (const answer of input.answers ?? []) {
    const option = model.questions.get(answer.questionId)?.options[answer.optionIndex];
    for (const cause of option?.supports ?? []) boost(cause, tuning.answerBoost);
    if (option) evidence.push({ kind: 'answer', cause: option.supports[0] ?? '', detail: `${answer.questionId}: ${option.label.zh} / ${option.label.en}` });
  }
  if (input.settlement) {
    boost(input.settlement.cause, tuning.settlementBoost);
    evidence.push({ kind: 'settlement-rule', cause: input.settlement.cause, detail: input.settlement.detail });
  }

  const scores: CauseScore[] = classified
    .filter((s) => s.label !== OFF_TOPIC)
    .map((s) => ({ cause: s.label, score: s.score + (boosts.get(s.label) ?? 0) }))
    .sort((a, b) => b.score - a.score);
  const top = scores[0]!;
  const structured = evidence.length > 0;
  const conceptHit = [...features.keys()].some((f) => f.startsWith('c:') || f.startsWith('k:'));
  const candidates = scores.slice(0, 5).map((s) => ({ cause: s.cause, score: Math.round(s.score * 1000) / 1000 }));

  if (!structured && !conceptHit && (offTopicScore >= top.score || top.score < tuning.offTopicFloor)) {
    return { cause: null, confidence: 0, decision: 'clarify', offTopic: true, candidates, evidence: [], question: null };
  }

  const words = matchedTerms(input.text, model.concepts)
    .filter((t) => !t.feature.startsWith('s:') && (model.conceptCauses.get(t.feature) ?? []).includes(top.cause))
    .map((t) => t.term);
  if (words.length > 0) evidence.push({ kind: 'words', cause: top.cause, detail: [...new Set(words)].join(', ') });
  const probs = probabilities(scores.slice(0, 8), tuning.temperature);
  const confidence = Math.round((probs[0] ?? 0) * 1000) / 1000;
  const relevant = evidence.filter((e) => e.cause === top.cause || e.kind === 'answer');
  if (confidence >= tuning.answerConfidence && top.score >= tuning.answerMinScore) {
    return { cause: top.cause, confidence, decision: 'answer', offTopic: false, candidates, evidence: relevant, question: null };
  }
  const asked = new Set((input.answers ?? []).map((a) => a.questionId));
  const withProbabilities = scores.slice(0, 4).map((s, i) => ({ ...s, probability: probs[i] ?? 0 }));
  const question = asked.size < tuning.maxQuestions ? nextQuestion(withProbabilities, model.questions.values(), asked) : null;
  return { cause: top.cause, confidence, decision: question ? 'clarify' : 'escalate', offTopic: false, candidates, evidence: relevant, question };
}
