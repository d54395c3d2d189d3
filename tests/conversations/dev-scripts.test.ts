// The development conversation scripts, each run against the real bot the way a merchant types: every expectation must hold.
import { describe, expect, it } from 'vitest';
import { loadScripts, runScript, scoreRun } from '../support/conversation-scripts.js';

describe('development conversation scripts', () => {
  it.each(loadScripts('dev').map((s) => [s.file, s] as const))('%s (over its channel)', async (_file, script) => {
    const score = scoreRun(script, await runScript(script));
    expect(score.failures).toEqual([]);
  });
});
