// Scores the classifier on labelled phrasings: top-1/top-3 accuracy, recall per cause, confusions, answer precision, per language.
import type { Diagnosis } from './types.js';

export interface LabelledText {
  readonly text: string;
  /** zh or en; with `script`, the slice a line is reported in (zh-hans, zh-hant, en). */
  readonly lang?: string;
  readonly script?: string;
  /** The right cause, or null for off-topic. */
  readonly cause: string | null;
  /** Other causes that are also a right answer for this line (it allows two readings). */
  readonly also?: readonly string[];
  /** The line does not say enough for one cause: the right behaviour is a question, not an answer. */
  readonly vague?: boolean;
}

/** The figures for one set of lines. */
export interface Figures {
  readonly cases: number;
  readonly inScope: number;
  readonly top1: number;
  readonly top3: number;
  /** Share of in-scope cases answered without asking. */
  readonly answeredShare: number;
  /** Of the in-scope cases answered without asking, the share answered right. */
  readonly answeredPrecision: number;
  readonly offTopic: { readonly cases: number; readonly recognised: number; readonly answered: number; readonly answeredShare: number };
  /** Lines that do not name one cause: how many the bot answered instead of asking. */
  readonly vague: { readonly cases: number; readonly answered: number };
}

export interface EvaluationReport extends Figures {
  readonly recallByCause: Readonly<Record<string, { readonly right: number; readonly of: number; readonly recall: number }>>;
  /** Most frequent (expected → predicted) mistakes. */
  readonly confusedPairs: readonly { readonly expected: string; readonly predicted: string; readonly count: number }[];
  /** The same figures per language (and script, where lines name one): zh-hans, zh-hant, en. */
  readonly byLanguage: Readonly<Record<string, Figures>>;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

const sliceOf = (c: LabelledText): string => (c.lang === 'zh' && c.script ? `zh-${c.script}` : (c.lang ?? 'unknown'));

function figures(scored: readonly { c: LabelledText; d: Diagnosis }[]): Figures {
  let inScope = 0;
  let top1 = 0;
  let top3 = 0;
  let answered = 0;
  let answeredRight = 0;
  let offCases = 0;
  let offRecognised = 0;
  let offAnswered = 0;
  let vague = 0;
  let vagueAnswered = 0;
  for (const { c, d } of scored) {
    if (c.cause === null) {
      offCases += 1;
      if (d.offTopic) offRecognised += 1;
      if (d.decision === 'answer') offAnswered += 1;
      continue;
    }
    inScope += 1;
    const right = new Set([c.cause, ...(c.also ?? [])]);
    const predicted = d.offTopic ? null : (d.candidates[0]?.cause ?? null);
    if (predicted !== null && right.has(predicted)) top1 += 1;
    if (!d.offTopic && d.candidates.slice(0, 3).some((s) => right.has(s.cause))) top3 += 1;
    if (d.decision === 'answer') {
      answered += 1;
      if (d.cause !== null && right.has(d.cause)) answeredRight += 1;
    }
    if (c.vague) {
      vague += 1;
      if (d.decision === 'answer') vagueAnswered += 1;
    }
  }
  return {
    cases: scored.length,
    inScope,
    top1: ratio(top1, inScope),
    top3: ratio(top3, inScope),
    answeredShare: ratio(answered, inScope),
    answeredPrecision: ratio(answeredRight, answered),
    offTopic: { cases: offCases, recognised: offRecognised, answered: offAnswered, answeredShare: ratio(offAnswered, offCases) },
    vague: { cases: vague, answered: vagueAnswered },
  };
}

/** Runs `classify` on every case and reports the figures `kb eval` prints. */
export function evaluate(cases: readonly LabelledText[], classify: (c: LabelledText) => Diagnosis): EvaluationReport {
  const scored = cases.map((c) => ({ c, d: classify(c) }));
  const recall = new Map<string, { right: number; of: number }>();
  const confusions = new Map<string, number>();
  for (const { c, d } of scored) {
    if (c.cause === null) continue;
    const entry = recall.get(c.cause) ?? { right: 0, of: 0 };
    entry.of += 1;
    const predicted = d.offTopic ? null : (d.candidates[0]?.cause ?? null);
    if (predicted !== null && (predicted === c.cause || (c.also ?? []).includes(predicted))) entry.right += 1;
    else {
      const key = `${c.cause}→${predicted ?? 'off-topic'}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    recall.set(c.cause, entry);
  }
  const slices = new Map<string, { c: LabelledText; d: Diagnosis }[]>();
  for (const item of scored) slices.set(sliceOf(item.c), [...(slices.get(sliceOf(item.c)) ?? []), item]);
  return {
    ...figures(scored),
    recallByCause: Object.fromEntries([...recall].sort().map(([k, v]) => [k, { ...v, recall: ratio(v.right, v.of) }])),
    confusedPairs: [...confusions]
      .map(([key, count]) => {
        const [expected = '', predicted = ''] = key.split('→');
        return { expected, predicted, count };
      })
      .sort((a, b) => b.count - a.count)
      .slice(0, 10),
    byLanguage: Object.fromEntries([...slices].sort().map(([name, items]) => [name, figures(items)])),
  };
}
