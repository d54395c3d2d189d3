// `cli classify` and `cli kb check|export|eval` as other tools call them: real processes, JSON lines.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/bot-harness.js';

const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

function runCli(args: string[], input = '', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, KNOWLEDGE_DIR, ...env } });
  return { status: result.status, stdout: result.stdout, lines: result.stdout.split('\n').filter(Boolean), stderr: result.stderr };
}

describe('cli classify', () => {
  it('writes cause, confidence, decision, at least three candidates and evidence per line', () => {
    const { status, lines } = runCli(['classify'], '{"text":"pos机显示55是什么意思"}\n{"text":"今天天气不错","lang":"zh"}\n{"nope":1}\n');
    expect(status).toBe(0);
    const [pin, offTopic, bad] = lines.map((l) => JSON.parse(l));
    expect(pin).toMatchObject({ cause: 'wrong_pin', decision: 'answer' });
    expect(pin.confidence).toBeGreaterThan(0.5);
    expect(pin.candidates.length).toBeGreaterThanOrEqual(3);
    expect(pin.candidates[0]).toEqual({ cause: 'wrong_pin', score: expect.any(Number) });
    expect(pin.evidence[0]).toMatchObject({ kind: 'code', cause: 'wrong_pin' });
    expect(offTopic.cause).toBeNull();
    expect(offTopic.decision).not.toBe('answer');
    expect(bad).toHaveProperty('error');
  });
});

describe('cli kb', () => {
  it('check passes on the shipped knowledge base', () => {
    const { status, stdout } = runCli(['kb', 'check']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/knowledge base OK: 44 causes/);
  });

  it('check names the bad file and field and exits 1', () => {
    const dir = join(tempDir(), 'knowledge');
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    const path = join(dir, 'causes', 'expired_card.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^class: decline$/m, 'class: hardware'));
    const { status, stderr } = runCli(['kb', 'check'], '', { KNOWLEDGE_DIR: dir });
    expect(status).toBe(1);
    expect(stderr).toContain(`${join('causes', 'expired_card.yaml')}: class:`);
  });

  it('export writes every example phrasing with its cause and language', () => {
    const { lines } = runCli(['kb', 'export']);
    const rows = lines.map((l) => JSON.parse(l) as { cause: string; text: string; lang: string });
    expect(rows.length).toBeGreaterThan(44 * 20);
    expect(new Set(rows.map((r) => r.cause)).size).toBe(44);
    expect(rows.every((r) => (r.lang === 'zh' || r.lang === 'en') && r.text.length > 0)).toBe(true);
  });

  it('eval prints top-1, top-3, recall per cause, confused pairs and answer precision', () => {
    const file = join(tempDir(), 'eval.jsonl');
    writeFileSync(file, ['{"text":"刷卡提示余额不足","cause":"insufficient_funds"}', '{"text":"哈哈哈哈","cause":null}', '{"text":"顾客的密码不对 提示密码错误","cause":"wrong_pin","lang":"zh"}'].join('\n'));
    const { status, stdout } = runCli(['kb', 'eval', file]);
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ cases: 3, inScope: 2, top1: 1, top3: 1, offTopic: { cases: 1, answered: 0 } });
    expect(report.recallByCause.insufficient_funds).toEqual({ right: 1, of: 1, recall: 1 });
    expect(report).toHaveProperty('confusedPairs');
    expect(report).toHaveProperty('answeredPrecision');
  });

  it('eval refuses a file of the wrong shape with a clear message', () => {
    const file = join(tempDir(), 'bad.jsonl');
    writeFileSync(file, '{"text":"x"}\n');
    const { status, stderr } = runCli(['kb', 'eval', file]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/bad\.jsonl:1: needs "text"/);
  });
});
