// The held-out conversation scripts (written apart, never tuned on): their figures must stay at or above the measured floor.
import { describe, expect, it } from 'vitest';
import { loadScripts, runScript, scoreRun, type ScriptScore } from '../support/conversation-scripts.js';

describe('held-out conversation scripts', () => {
  it('keep the README\'s figures: no loops, the right cause named, few dead ends', async () => {
    const scripts = loadScripts('heldout');
    const scores: ScriptScore[] = [];
    for (const script of scripts) scores.push(scoreRun(script, await runScript(script)));
    const withCause = scripts.map((s, i) => ({ s, score: scores[i]! })).filter(({ s }) => s.expect.cause !== null);
    const named = withCause.filter(({ score }) => score.causeNamedAt !== null).length / withCause.length;
    expect(scripts.length).toBeGreaterThanOrEqual(20);
    expect(scores.reduce((n, s) => n + s.loops, 0)).toBe(0);
    // Floors at the measured figures (README); the targets are 95 % and 0 dead ends.
    expect(named).toBeGreaterThanOrEqual(0.89);
    expect(scores.filter((s) => s.deadEnd).length).toBeLessThanOrEqual(1);
  }, 120_000);
});
