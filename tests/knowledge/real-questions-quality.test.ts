// Guards the figures the README reports on questions real merchants wrote (tests/fixtures/real-questions, held-out half).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, type LabelledText } from '../../src/core/diagnosis/evaluate.js';
import { diagnoseText } from '../../src/knowledge/diagnoser.js';
import { MODEL } from '../support/bot-harness.js';

const read = (half: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/real-questions/${half}.jsonl`, import.meta.url)), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LabelledText);

describe('diagnosis on real merchant questions', () => {
  const heldout = evaluate(read('heldout'), (c) => diagnoseText(MODEL, c.text));

  it('has both halves, both languages and both scripts, and off-topic lines', () => {
    expect(read('dev').length + read('heldout').length).toBeGreaterThanOrEqual(400);
    expect(Object.keys(heldout.byLanguage).sort()).toEqual(['en', 'zh-hans', 'zh-hant']);
    expect(heldout.offTopic.cases).toBeGreaterThanOrEqual(30);
  });

  // A floor at the measured figures (README): the targets (top-1 90 %, top-3 97 %, precision 95 %) are not met yet.
  it('keeps the held-out figures at or above the measured floor', () => {
    expect(heldout.top1).toBeGreaterThanOrEqual(0.65);
    expect(heldout.top3).toBeGreaterThanOrEqual(0.8);
    expect(heldout.answeredPrecision).toBeGreaterThanOrEqual(0.92);
    expect(heldout.offTopic.answeredShare).toBeLessThanOrEqual(0.1);
  });

  it('never answers a vague question confidently in most cases', () => {
    expect(heldout.vague.answered).toBeLessThanOrEqual(Math.ceil(heldout.vague.cases * 0.1));
  });
});
