// Guards the figures reported in the README on the held-out diagnosis set (written apart, never tuned on).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDiagnosisModel } from '../../src/core/diagnosis/diagnosis-model.js';
import { evaluate, type LabelledText } from '../../src/core/diagnosis/evaluate.js';
import { diagnoseText } from '../../src/knowledge/diagnoser.js';
import { KNOWLEDGE } from '../support/bot-harness.js';

const cases = readFileSync(fileURLToPath(new URL('../fixtures/diagnosis-heldout.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as LabelledText);

describe('diagnosis on the held-out set', () => {
  const model = buildDiagnosisModel(KNOWLEDGE);
  const report = evaluate(cases, (c) => diagnoseText(model, c.text));

  it('has at least 150 in-scope phrasings and some off-topic ones', () => {
    expect(report.inScope).toBeGreaterThanOrEqual(150);
    expect(report.offTopic.cases).toBeGreaterThan(10);
  });

  it('meets the targets: top-1 ≥ 90 %, top-3 ≥ 98 %, precision ≥ 95 % when answering, ≤ 10 % off-topic answered', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.9);
    expect(report.top3).toBeGreaterThanOrEqual(0.98);
    expect(report.answeredPrecision).toBeGreaterThanOrEqual(0.95);
    expect(report.offTopic.answeredShare).toBeLessThanOrEqual(0.1);
  });
});
