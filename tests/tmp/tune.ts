import { readFileSync } from 'node:fs';
import { buildDiagnosisModel } from '../../src/core/diagnosis/diagnosis-model.js';
import { DIAGNOSIS_TUNING, diagnose } from '../../src/core/diagnosis/diagnose.js';
import { evaluate } from '../../src/core/diagnosis/evaluate.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { extractIdentifiers } from '../../src/core/nlu/extract-identifiers.js';
import { normaliseWidth } from '../../src/core/nlu/normalise-text.js';
const kb = await loadKnowledge('knowledge');
const model = buildDiagnosisModel(kb);
const cases = readFileSync(process.argv[2]!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const grid = JSON.parse(process.argv[3] ?? '[{}]') as Record<string, number>[];
for (const g of grid) {
  const tuning = { ...DIAGNOSIS_TUNING, ...g };
  const run = (c: { text: string }) => diagnose(model, { text: c.text, responseCode: extractIdentifiers(normaliseWidth(c.text)).responseCode }, tuning);
  const r = evaluate(cases, run);
  console.log(JSON.stringify(g), 'top1', r.top1, 'top3', r.top3, 'ans', r.answeredShare, 'prec', r.answeredPrecision, 'off', JSON.stringify(r.offTopic));
  if (process.argv[4] === 'top3') for (const c of cases) { const d = run(c); if (c.cause && !d.candidates.slice(0,3).some((x) => x.cause === c.cause)) console.log(`${c.cause} <- ${d.offTopic ? 'OFF' : d.candidates.slice(0,3).map((x) => x.cause + ':' + x.score).join(' ')} | ${c.text}`); }
  if (process.argv[4] === 'wrongans') for (const c of cases) { const d = run(c); if (d.decision === 'answer' && d.cause !== c.cause) console.log(`${c.cause} <- ${d.cause} ${d.confidence} | ${c.text}`); }
}
