// `npm run bench:nlu`: cold start and warm per-message extraction latency, printed as JSON (a benchmark, not a test).
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { extractDetails } from '../../src/core/nlu/extract-details.js';
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
console.log(
  JSON.stringify(
    {
      extraction: {
        messages: timings.length,
        warmP50Ms: round2(percentile(timings, 50)),
        warmP95Ms: round2(percentile(timings, 95)),
        warmP99Ms: round2(percentile(timings, 99)),
        warmMaxMs: round2(timings[timings.length - 1] ?? NaN),
        coldStartMs: colds[1],
        coldStartRunsMs: colds,
        targets: { warmP95Ms: 10, coldStartMs: 1500 },
      },
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
    },
    null,
    2,
  ),
);
