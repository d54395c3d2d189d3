// `npm run bench:classifiers`: the text classifiers side by side on every labelled set, as a table (and JSON with --json).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildDiagnosisModel, type ClassifierKind } from '../../src/core/diagnosis/diagnosis-model.js';
import { evaluate, type Figures, type LabelledText } from '../../src/core/diagnosis/evaluate.js';
import { diagnoseText } from '../../src/knowledge/diagnoser.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';

const SETS = {
  'real, development half': 'real-questions/dev.jsonl',
  'real, held-out half': 'real-questions/heldout.jsonl',
  'own phrasing, development': 'diagnosis-dev.jsonl',
  'own phrasing, held-out': 'diagnosis-heldout.jsonl',
} as const;

const CLASSIFIERS: Record<ClassifierKind, string> = {
  centroid: 'TF-IDF centroid + nearest example (the first version)',
  softmax: 'softmax regression (SGD) over the same features',
  blend: 'the two averaged (mean of their probabilities)',
};

function load(file: string): LabelledText[] {
  const path = fileURLToPath(new URL(`../../../tests/fixtures/${file}`, import.meta.url));
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as LabelledText);
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const kb = await loadKnowledge('knowledge');
const rows: { classifier: ClassifierKind; set: string; buildMs: number; figures: Figures }[] = [];
for (const classifier of Object.keys(CLASSIFIERS) as ClassifierKind[]) {
  const start = performance.now();
  const model = buildDiagnosisModel(kb, { classifier });
  const buildMs = Math.round(performance.now() - start);
  for (const [set, file] of Object.entries(SETS)) {
    const { recallByCause: _r, confusedPairs: _c, byLanguage: _l, ...figures } = evaluate(load(file), (c) => diagnoseText(model, c.text));
    rows.push({ classifier, set, buildMs, figures });
  }
}

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
} else {
  const lines = [
    '| classifier | set | top-1 | top-3 | answered without asking | precision when answering | off-topic answered | build |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(({ classifier, set, buildMs, figures: f }) =>
      `| ${CLASSIFIERS[classifier]} | ${set} | ${pct(f.top1)} | ${pct(f.top3)} | ${pct(f.answeredShare)} | ${pct(f.answeredPrecision)} | ${f.offTopic.answered} of ${f.offTopic.cases} | ${buildMs} ms |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
