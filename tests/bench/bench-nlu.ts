// `npm run bench:nlu`: extraction and classification latency, cold start, knowledge load, RSS, as JSON (a benchmark, not a test).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { extractDetails } from '../../src/core/nlu/extract-details.js';
import { diagnoseText } from '../../src/knowledge/diagnoser.js';
import { COMPILED_MODELS, openDiagnosisModel } from '../../src/knowledge/compiled-model.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { loadCases } from '../support/extraction-fixtures.js';

const ROUNDS = 20;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** A fresh process: import the extractor and read one message; ms from process start to the answer. */
function coldStartMs(): number {
  const module = fileURLToPath(new URL('../../src/core/nlu/extract-details.js', import.meta.url));
  const script = `const t0 = performance.now(); const { extractDetails } = await import(${JSON.stringify(module)});
    extractDetails('昨晚八点多刷了3千 参考号123456789012 yesterday at 3pm', { now: new Date('2026-11-26T10:00:00+08:00'), timeZone: 'Asia/Shanghai', defaultCurrency: 'CNY' });
    console.log(JSON.stringify({ sinceProcessStart: performance.now(), sinceImport: performance.now() - t0 }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return Math.round(JSON.parse(run.stdout).sinceProcessStart as number);
}

const cases = [...loadCases('extraction-dev.jsonl'), ...loadCases('extraction-heldout.jsonl')];
const colds = [coldStartMs(), coldStartMs(), coldStartMs()].sort((a, b) => a - b);
for (const c of cases) extractDetails(c.text, { now: new Date(c.now), timeZone: c.tz, defaultCurrency: 'CNY' }); // warm-up
const timings: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  for (const c of cases) {
    const context = { now: new Date(c.now), timeZone: c.tz, defaultCurrency: 'CNY' };
    const start = performance.now();
    extractDetails(c.text, context);
    timings.push(performance.now() - start);
  }
}
timings.sort((a, b) => a - b);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** p50, p95 and max of sorted timings, in ms with two decimals. */
function summary(sorted: readonly number[]) {
  return { messages: sorted.length, warmP50Ms: round2(percentile(sorted, 50)), warmP95Ms: round2(percentile(sorted, 95)), warmMaxMs: round2(sorted[sorted.length - 1] ?? NaN) };
}

/**
 * A fresh process: load and validate the knowledge base and open the diagnosis model as the server does
 * (the classifier compiled by `npm run build`); ms for that alone.
 */
function knowledgeLoadMs(): number {
  const loader = fileURLToPath(new URL('../../src/knowledge/load-knowledge.js', import.meta.url));
  const opener = fileURLToPath(new URL('../../src/knowledge/compiled-model.js', import.meta.url));
  const script = `const [{ loadKnowledge }, { openDiagnosisModel, COMPILED_MODELS }, { fileURLToPath }] = await Promise.all([import(${JSON.stringify(loader)}), import(${JSON.stringify(opener)}), import('node:url')]);
    const t0 = performance.now(); const { source } = await openDiagnosisModel(await loadKnowledge('knowledge'), COMPILED_MODELS);
    console.log(JSON.stringify({ ms: performance.now() - t0, source }));`;
  const run = JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout) as { ms: number; source: string };
  if (run.source !== 'compiled') throw new Error('no compiled model for the knowledge base: run npm run build first');
  return Math.round(run.ms);
}

const knowledgeRuns = [knowledgeLoadMs(), knowledgeLoadMs(), knowledgeLoadMs()].sort((a, b) => a - b);
const { model } = await openDiagnosisModel(await loadKnowledge('knowledge'), COMPILED_MODELS);
const phrasings = ['diagnosis-heldout.jsonl', 'diagnosis-dev.jsonl'].flatMap((file) =>
  readFileSync(fileURLToPath(new URL(`../../../tests/fixtures/${file}`, import.meta.url)), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text),
);
for (const text of phrasings) diagnoseText(model, text); // warm-up
const classifyTimings: number[] = [];
for (let round = 0; round < 10; round += 1) {
  for (const text of phrasings) {
    const start = performance.now();
    diagnoseText(model, text);
    classifyTimings.push(performance.now() - start);
  }
}
classifyTimings.sort((a, b) => a - b);
console.log(
  JSON.stringify(
    {
      extraction: {
        ...summary(timings),
        coldStartMs: colds[1],
        coldStartRunsMs: colds,
        targets: { warmP95Ms: 10, coldStartMs: 1500 },
      },
      classification: {
        ...summary(classifyTimings),
        knowledgeLoadMs: knowledgeRuns[1],
        knowledgeLoadRunsMs: knowledgeRuns,
        targets: { warmP95Ms: 5, knowledgeLoadMs: 500 },
      },
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
    },
    null,
    2,
  ),
);
