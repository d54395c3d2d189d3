// Scores the classifier on labelled phrasings: top-1/top-3 accuracy, recall per cause, confusions, answer precision.
import type { Diagnosis } from './types.js';

export interface LabelledText {
  readonly text: string;
  readonly lang?: string;
  /** The right cause, or null for off-topic. */
  readonly cause: string | null;
}

export interface EvaluationReport {
  readonly cases: number;
  readonly inScope: number;
  readonly top1: number;
  readonly top3: number;
  /** Share of in-scope cases answered without asking. */
  readonly answeredShare: number;
  /** Of the in-scope cases answered without asking, the share answered right. */
  readonly answeredPrecision: number;
  readonly offTopic: { readonly cases: number; readonly recognised: number; readonly answered: number; readonly answeredShare: number };
  readonly recallByCause: Readonly<Record<string, { readonly right: number; readonly of: number; readonly recall: number }>>;
  /** Most frequent (expected → predicted) mistakes. */
  readonly confusedPairs: readonly { readonly expected: string; readonly predicted: string; readonly count: number }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

/** Runs `classify` on every case and reports the figures `kb eval` prints. */
export function evaluate(cases: readonly LabelledText[], classify: (c: LabelledText) => Diagnosis): EvaluationReport {
  let inScope = 0;
  let top1 = 0;
  let top3 = 0;
  let answered = 0;
  let answeredRight = 0;
  let offCases = 0;
  let offRecognised = 0;
  let offAnswered = 0;
  const recall = new Map<string, { right: number; of: number }>();
  const confusions = new Map<string, number>();
  for (const c of cases) {
    const d = classify(c);
    if (c.cause === null) {
      offCases += 1;
      if (d.offTopic) offRecognised += 1;
      if (d.decision === 'answer') offAnswered += 1;
      continue;
    }
    inScope += 1;
    const entry = recall.get(c.cause) ?? { right: 0, of: 0 };
    entry.of += 1;
    const predicted = d.candidates[0]?.cause ?? null;
    if (!d.offTopic && predicted === c.cause) {
      top1 += 1;
      entry.right += 1;
    } else {
      const key = `${c.cause}→${d.offTopic ? 'off-topic' : predicted}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    recall.set(c.cause, entry);
    if (!d.offTopic && d.candidates.slice(0, 3).some((s) => s.cause === c.cause)) top3 += 1;
    if (d.decision === 'answer') {
      answered += 1;
      if (d.cause === c.cause) answeredRight += 1;
    }
  }
  return {
    cases: cases.length,
    inScope,
    top1: ratio(top1, inScope),
    top3: ratio(top3, inScope),
    answeredShare: ratio(answered, inScope),
    answeredPrecision: ratio(answeredRight, answered),
    offTopic: { cases: offCases, recognised: offRecognised, answered: offAnswered, answeredShare: ratio(offAnswered, offCases) },
    recallByCause: Object.fromEntries([...recall].sort().map(([k, v]) => [k, { ...v, recall: ratio(v.right, v.of) }])),
    confusedPairs: [...confusions]
      .map(([key, count]) => {
        const [expected = '', predicted = ''] = key.split('→');
        return { expected, predicted, count };
      })
      .sort((a, b) => b.count - a.count)
      .slice(0, 10),
  };
}
