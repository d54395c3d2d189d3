// `npm run eval:conversations`: the conversation scripts against the real bot, with the figures the README reports.
import { loadScripts, runScript, scoreRun, type ConversationScript, type ScriptScore } from '../support/conversation-scripts.js';

interface SetFigures {
  readonly scripts: number;
  readonly passed: number;
  /** Of the scripts where a cause applies, the share in which the bot named it. */
  readonly rightCauseNamed: number;
  readonly loops: number;
  readonly deadEnds: number;
  /** Of the scripts whose opening holds a code, a screen text or a fault: named by the merchant's second message. */
  readonly namedBySecondMessage: number;
  /** Merchant messages until the cause was named (median, over the scripts where it was). */
  readonly medianMessagesToAnswer: number;
  readonly failures: Readonly<Record<string, readonly string[]>>;
}

const share = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function evaluate(set: 'dev' | 'heldout'): Promise<SetFigures> {
  const scored: { script: ConversationScript; score: ScriptScore }[] = [];
  for (const script of loadScripts(set)) {
    scored.push({ script, score: scoreRun(script, await runScript(script)) });
    process.stderr.write(`\r${set}: ${scored.length} scripts run`);
  }
  process.stderr.write('\n');
  const withCause = scored.filter((s) => s.script.expect.cause !== null);
  const answerFirst = scored.filter((s) => s.score.answerFirst);
  return {
    scripts: scored.length,
    passed: scored.filter((s) => s.score.failures.length === 0).length,
    rightCauseNamed: share(withCause.filter((s) => s.score.causeNamedAt !== null).length, withCause.length),
    loops: scored.reduce((n, s) => n + s.score.loops, 0),
    deadEnds: scored.filter((s) => s.score.deadEnd).length,
    namedBySecondMessage: share(answerFirst.filter((s) => s.score.causeNamedAt !== null && s.score.causeNamedAt <= 2).length, answerFirst.length),
    medianMessagesToAnswer: median(withCause.flatMap((s) => (s.score.causeNamedAt !== null ? [s.score.causeNamedAt] : []))),
    // The held-out scripts are never tuned on: their failures are counted, not shown.
    failures: set === 'dev' ? Object.fromEntries(scored.filter((s) => s.score.failures.length > 0).map((s) => [s.script.file, s.score.failures])) : {},
  };
}

const sets = process.argv.includes('--dev-only') ? (['dev'] as const) : (['dev', 'heldout'] as const);
const figures: Record<string, SetFigures> = {};
for (const set of sets) figures[set] = await evaluate(set);
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const rows = Object.entries(figures).map(
    ([set, f]) => `| ${set} | ${f.scripts} | ${f.passed} | ${pct(f.rightCauseNamed)} | ${f.loops} | ${f.deadEnds} | ${pct(f.namedBySecondMessage)} | ${f.medianMessagesToAnswer} |`,
  );
  process.stdout.write(
    ['| scripts | count | all expectations met | right cause named | loops | dead ends | named by the 2nd message (code, screen text, fault) | median messages to the answer |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n') + '\n',
  );
  for (const [set, f] of Object.entries(figures)) for (const [file, failures] of Object.entries(f.failures)) process.stdout.write(`${set}/${file}: ${failures.join('; ')}\n`);
}
