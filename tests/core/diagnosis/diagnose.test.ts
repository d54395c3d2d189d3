// The diagnosis engine: structured evidence first, off-topic recognition, questions, escalation.
import { describe, expect, it } from 'vitest';
import { buildDiagnosisModel } from '../../../src/core/diagnosis/diagnosis-model.js';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { nextQuestion } from '../../../src/core/diagnosis/next-question.js';
import { KNOWLEDGE } from '../../support/bot-harness.js';

const model = buildDiagnosisModel(KNOWLEDGE);

describe('diagnose', () => {
  it.each([
    ['51', 'insufficient_funds'],
    ['55', 'wrong_pin'],
    ['A0', 'mac_key_error'],
    ['97', 'terminal_not_registered'],
  ])('lets response code %s point straight at %s, with the code as evidence', (code, cause) => {
    const d = diagnose(model, { text: '刷卡失败', responseCode: code });
    expect(d.candidates[0]?.cause).toBe(cause);
    expect(d.evidence[0]).toMatchObject({ kind: 'code', cause });
  });

  it('sends a code the table does not know to unknown_error_code', () => {
    const d = diagnose(model, { text: '机器报了个错', responseCode: 'Z9' });
    expect(d.candidates[0]?.cause).toBe('unknown_error_code');
    expect(d.evidence).toContainEqual(expect.objectContaining({ kind: 'unknown-code', code: 'Z9' }));
  });

  it('quotes the screen text that decided', () => {
    const d = diagnose(model, { text: '屏幕上写着“请先签到”' });
    expect(d.cause).toBe('sign_in_failure');
    expect(d.evidence).toContainEqual(expect.objectContaining({ kind: 'screen-text', cause: 'sign_in_failure' }));
  });

  it.each(['今天天气真好', 'what is your name', '帮我推荐个好吃的饭店'])('recognises "%s" as off-topic', (text) => {
    const d = diagnose(model, { text });
    expect(d.offTopic).toBe(true);
    expect(d.cause).toBeNull();
    expect(d.decision).not.toBe('answer');
  });

  it('returns at least three ranked candidates', () => {
    expect(diagnose(model, { text: '钱没到账' }).candidates.length).toBeGreaterThanOrEqual(3);
  });

  it('asks a question that separates the top two when unsure, and escalates after two answers', () => {
    const unsure = diagnose(model, { text: '刷卡不成功' });
    expect(unsure.decision).toBe('clarify');
    const [first, second] = unsure.candidates;
    expect(unsure.question?.options.some((o) => o.supports.includes(first!.cause) !== o.supports.includes(second!.cause))).toBe(true);
    const answers = [...KNOWLEDGE.questions].slice(0, 2).map((q) => ({ questionId: q.id, optionIndex: q.options.length - 1 }));
    const after = diagnose(model, { text: '刷卡不成功', answers });
    expect(after.decision === 'answer' || after.decision === 'escalate').toBe(true);
  });

  it('moves the diagnosis toward the causes an answer supports', () => {
    const question = KNOWLEDGE.questions.find((q) => q.options.some((o) => o.supports.includes('communication_timeout')))!;
    const optionIndex = question.options.findIndex((o) => o.supports.includes('communication_timeout'));
    const before = diagnose(model, { text: '客人说扣钱了 我这没成功' });
    const after = diagnose(model, { text: '客人说扣钱了 我这没成功', answers: [{ questionId: question.id, optionIndex }] });
    const score = (d: typeof before) => d.candidates.find((c) => c.cause === 'communication_timeout')?.score ?? 0;
    expect(score(after)).toBeGreaterThan(score(before));
  });

  it('lets a settlement rule decide "not due yet"', () => {
    const settlement = { cause: 'cutoff_time', dueBy: '2026-11-27T14:00:00+08:00', mode: 'T1', fellBackFrom: null, afterCutoff: '2026-11-26', waitsOver: [] };
    const d = diagnose(model, { text: '钱还没到账', settlement });
    expect(d.cause).toBe('cutoff_time');
    expect(d.evidence).toContainEqual(expect.objectContaining({ kind: 'settlement-rule' }));
  });
});

describe('nextQuestion', () => {
  it('returns nothing when no question separates the top two', () => {
    const candidates = [
      { cause: 'insufficient_funds', score: 0.5, probability: 0.5 },
      { cause: 'insufficient_funds_twin', score: 0.5, probability: 0.5 },
    ];
    expect(nextQuestion(candidates, [], new Set())).toBeNull();
  });

  it('never repeats a question already asked', () => {
    const d = diagnose(model, { text: '刷卡不成功' });
    const candidates = d.candidates.slice(0, 4).map((c) => ({ ...c, probability: 0.25 }));
    const asked = new Set(KNOWLEDGE.questions.map((q) => q.id));
    expect(nextQuestion(candidates, KNOWLEDGE.questions, asked)).toBeNull();
  });
});
