// Diagnosis: structured evidence (response code, screen text, settlement rule, answers) on top of what the words say.
import { OFF_TOPIC, TOPIC_PREFIX, type DiagnosisModel } from './diagnosis-model.js';
import { nextQuestion } from './next-question.js';
import { matchedTerms, normaliseForFeatures } from './text-features.js';
import type { AnsweredQuestion, CauseScore, Diagnosis, Evidence, SettlementFinding } from './types.js';

export type { SettlementFinding } from './types.js';

export interface DiagnosisInput {
  /** Everything the merchant said about the problem (redacted). */
  readonly text: string;
  readonly responseCode?: string | null;
  readonly answers?: readonly AnsweredQuestion[];
  readonly settlement?: SettlementFinding | null;
  /**
   * The causes the kind of problem allows (money not arrived: settlement causes …). Others are left
   * out, and so is off-topic: the merchant already said what kind of problem it is. A cause a response
   * code points to always stays in (a screen text may be shared: "insufficient balance" on a refund).
   */
  readonly within?: ReadonlySet<string>;
}

/**
 * Tuning, fitted on the development sets (the real-question development half and
 * tests/fixtures/diagnosis-dev.jsonl), never on a held-out set. Boosts are in logits.
 */
export const DIAGNOSIS_TUNING = {
  codeBoost: 10,
  unknownCodeBoost: 7,
  screenTextBoost: 4,
  answerBoost: 3.5,
  settlementBoost: 8,
  /** Answer without asking when the top cause holds at least this probability. */
  answerConfidence: 0.75,
  /** Follow-up questions before the bot escalates. */
  maxQuestions: 2,
} as const;

export type DiagnosisTuning = { readonly [K in keyof typeof DIAGNOSIS_TUNING]: number };

const UNKNOWN_CODE_CAUSE = 'unknown_error_code';

function softmax(logits: ReadonlyMap<string, number>): Map<string, number> {
  const max = Math.max(...logits.values());
  let total = 0;
  const exps = new Map<string, number>();
  for (const [label, z] of logits) {
    const e = Math.exp(z - max);
    exps.set(label, e);
    total += e;
  }
  for (const [label, e] of exps) exps.set(label, e / total);
  return exps;
}

const isOutOfScope = (label: string) => label === OFF_TOPIC || label.startsWith(TOPIC_PREFIX);

/**
 * Diagnoses one problem description. The classifier's scores for every cause and every out-of-scope
 * label, plus the structured evidence, give one probability per label. When an out-of-scope label
 * wins and no structured evidence speaks for a cause, the message is off-topic (with its topic, when
 * it is one the knowledge base answers). Otherwise: answer when the top cause's probability reaches
 * `answerConfidence`; clarify with the question that best separates the top candidates while fewer
 * than `maxQuestions` were answered; escalate otherwise.
 */
export function diagnose(model: DiagnosisModel, input: DiagnosisInput, tuning: DiagnosisTuning = DIAGNOSIS_TUNING): Diagnosis {
  const features = model.features(input.text);
  const logits = model.classifier.logits(features);
  const evidence: Evidence[] = [];
  const boost = (cause: string, amount: number) => logits.set(cause, (logits.get(cause) ?? 0) + amount);

  const code = input.responseCode ?? null;
  const knownCode = code !== null && model.responseCodes.has(code);
  if (code !== null) {
    const row = model.responseCodes.get(code);
    if (row?.cause) {
      boost(row.cause, tuning.codeBoost);
      evidence.push({ kind: 'code', cause: row.cause, code });
    } else if (!row) {
      boost(UNKNOWN_CODE_CAUSE, tuning.unknownCodeBoost);
      evidence.push({ kind: 'unknown-code', cause: UNKNOWN_CODE_CAUSE, code });
    }
  }
  // Screen texts count once per cause, and only where no longer term of another cause covers them.
  const normalised = normaliseForFeatures(input.text);
  for (const feature of features.keys()) {
    if (!feature.startsWith('s:')) continue;
    const cause = feature.slice(2);
    if (knownCode && cause === UNKNOWN_CODE_CAUSE) continue; // "错误码57": the code is known, the words "error code" say nothing more
    const shown = model.screenTexts.find((s) => s.cause === cause && normalised.includes(s.lower));
    boost(cause, tuning.screenTextBoost);
    evidence.push({ kind: 'screen-text', cause, text: shown?.text ?? cause });
  }
  for (const answer of input.answers ?? []) {
    const option = model.questions.get(answer.questionId)?.options[answer.optionIndex];
    for (const cause of option?.supports ?? []) boost(cause, tuning.answerBoost);
    if (option) evidence.push({ kind: 'answer', cause: option.supports[0] ?? '', questionId: answer.questionId, optionIndex: answer.optionIndex });
  }
  if (input.settlement) {
    boost(input.settlement.cause, tuning.settlementBoost);
    evidence.push({ kind: 'settlement-rule', cause: input.settlement.cause, finding: input.settlement });
  }

  if (input.within) {
    const evidenced = new Set(evidence.filter((e) => e.kind === 'code').map((e) => e.cause));
    for (const label of [...logits.keys()]) if (!input.within.has(label) && !evidenced.has(label)) logits.delete(label);
  }
  const probabilities = softmax(logits);
  const ranked = [...probabilities].sort((a, b) => b[1] - a[1]);
  const scores: CauseScore[] = ranked.filter(([label]) => !isOutOfScope(label)).map(([cause, score]) => ({ cause, score }));
  const candidates = scores.slice(0, 5).map((s) => ({ cause: s.cause, score: Math.round(s.score * 1000) / 1000 }));
  const [winner] = ranked[0]!;
  if (evidence.length === 0 && isOutOfScope(winner)) {
    const topic = winner.startsWith(TOPIC_PREFIX) ? winner.slice(TOPIC_PREFIX.length) : null;
    return { cause: null, topic, confidence: 0, decision: 'clarify', offTopic: true, candidates, evidence: [], question: null };
  }

  const top = scores[0]!;
  const words = matchedTerms(input.text, model.concepts)
    .filter((t) => !t.feature.startsWith('s:') && (model.conceptCauses.get(t.feature) ?? []).includes(top.cause))
    .map((t) => t.term);
  if (words.length > 0) evidence.push({ kind: 'words', cause: top.cause, words: [...new Set(words)] });
  const confidence = Math.round(top.score * 1000) / 1000;
  const relevant = evidence.filter((e) => e.cause === top.cause || e.kind === 'answer');
  if (confidence >= tuning.answerConfidence) {
    return { cause: top.cause, topic: null, confidence, decision: 'answer', offTopic: false, candidates, evidence: relevant, question: null };
  }
  const asked = new Set((input.answers ?? []).map((a) => a.questionId));
  const withProbabilities = scores.slice(0, 4).map((s) => ({ ...s, probability: s.score }));
  const question = asked.size < tuning.maxQuestions ? nextQuestion(withProbabilities, model.questions.values(), asked) : null;
  return { cause: top.cause, topic: null, confidence, decision: question ? 'clarify' : 'escalate', offTopic: false, candidates, evidence: relevant, question };
}
