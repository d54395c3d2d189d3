// The knowledge base is content reviewed like code: complete, consistent, and refused whole when broken.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDiagnosisModel } from '../../src/core/diagnosis/diagnosis-model.js';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { KNOWLEDGE, tempDir } from '../support/bot-harness.js';

const knowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));
const taxonomy = JSON.parse(readFileSync(join(knowledgeDir, 'causes.json'), 'utf8')) as { causes: { id: string; codes: string[] }[] };

function brokenCopy(edit: (dir: string) => void): string {
  const dir = join(tempDir(), 'knowledge');
  cpSync(knowledgeDir, dir, { recursive: true });
  edit(dir);
  return dir;
}

async function problemsOf(dir: string) {
  try {
    await loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) return error.problems;
    throw error;
  }
  return [];
}

describe('the knowledge base', () => {
  it('has exactly one entry for every cause id in causes.json', () => {
    expect(KNOWLEDGE.causes.map((c) => c.id).sort()).toEqual(taxonomy.causes.map((c) => c.id).sort());
  });

  it('has at least 10 example phrasings per language for every cause', () => {
    for (const cause of KNOWLEDGE.causes) {
      expect(cause.examples.zh.length, cause.id).toBeGreaterThanOrEqual(10);
      expect(cause.examples.en.length, cause.id).toBeGreaterThanOrEqual(10);
    }
  });

  it('maps every code of causes.json to its cause in the response-code table', () => {
    const table = new Map(KNOWLEDGE.responseCodes.map((r) => [r.code, r.cause]));
    for (const cause of taxonomy.causes) for (const code of cause.codes) expect(table.get(code), code).toBe(cause.id);
  });

  it("lets each cause's own examples pick that cause", () => {
    const model = buildDiagnosisModel(KNOWLEDGE);
    for (const cause of KNOWLEDGE.causes) {
      const examples = [...cause.examples.zh, ...cause.examples.en];
      const picked = examples.map((text) => diagnose(model, { text }).candidates.map((c) => c.cause));
      const top1 = picked.filter((ranked) => ranked[0] === cause.id).length;
      expect(top1 / examples.length, `${cause.id}: ${top1} of ${examples.length} examples pick it first`).toBeGreaterThanOrEqual(0.85);
      picked.forEach((ranked, i) => expect(ranked.slice(0, 3), `${cause.id}: "${examples[i]}"`).toContain(cause.id));
    }
  });

  it('names the file, field and problem of an invalid entry', async () => {
    const dir = brokenCopy((d) => {
      const path = join(d, 'causes', 'wrong_pin.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^action: fix$/m, 'action: maybe'));
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: join('causes', 'wrong_pin.yaml'), field: 'action' }));
  });

  it('refuses a missing cause entry, an unknown question id and an unparseable file, all at once', async () => {
    const dir = brokenCopy((d) => {
      rmSync(join(d, 'causes', 'printer_paper.yaml'));
      const pin = join(d, 'causes', 'wrong_pin.yaml');
      writeFileSync(pin, readFileSync(pin, 'utf8').replace(/^questions: \[(.*)\]$/m, 'questions: [$1, no_such_question]'));
      writeFileSync(join(d, 'lexicon.yaml'), 'concept: [unclosed');
    });
    const problems = await problemsOf(dir);
    expect(problems.some((p) => p.field === 'printer_paper')).toBe(true);
    expect(problems.some((p) => p.problem.includes('no_such_question'))).toBe(true);
    expect(problems.some((p) => p.file === 'lexicon.yaml')).toBe(true);
  });

  it('refuses a response code mapped to another cause than causes.json says', async () => {
    const dir = brokenCopy((d) => {
      const path = join(d, 'response-codes.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace(/(- code: "51"[\s\S]*?cause: )insufficient_funds/, '$1wrong_pin'));
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'response-codes.yaml', field: '51.cause' }));
  });
});
