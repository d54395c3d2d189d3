// Reads and validates every knowledge file; an invalid knowledge base is refused whole, never used in part.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import type { z } from 'zod';
import type { CauseEntry, FollowUpQuestion, KnowledgeBase, LexiconConcept, ResponseCode, SettlementRules, Topic } from '../core/knowledge/types.js';
import {
  causeFileSchema,
  lexiconFileSchema,
  offTopicFileSchema,
  questionsFileSchema,
  responseCodesFileSchema,
  settlementFileSchema,
  taxonomySchema,
  topicsFileSchema,
} from './knowledge-schema.js';

/** One thing wrong with one file: which file, which field, what is wrong. */
export interface KnowledgeProblem {
  readonly file: string;
  readonly field: string;
  readonly problem: string;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(`Invalid knowledge base (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

export function formatProblem(p: KnowledgeProblem): string {
  return `  ${p.file}: ${p.field || '(file)'}: ${p.problem}`;
}

type Taxonomy = z.output<typeof taxonomySchema>;

class Reader {
  readonly problems: KnowledgeProblem[] = [];
  constructor(private readonly root: string) {}

  async parse<S extends z.ZodType>(path: string, schema: S, format: 'yaml' | 'json' = 'yaml'): Promise<z.output<S> | null> {
    const file = relative(this.root, path);
    let raw: unknown;
    try {
      const content = await readFile(path, 'utf8');
      raw = format === 'json' ? JSON.parse(content) : parseYaml(content);
    } catch (error) {
      this.problems.push({ file, field: '', problem: (error as Error).message.split('\n')[0] ?? 'unreadable' });
      return null;
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) this.problems.push({ file, field: issue.path.join('.'), problem: issue.message });
      return null;
    }
    return result.data;
  }

  report(file: string, field: string, problem: string): void {
    this.problems.push({ file, field, problem });
  }
}

async function yamlFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
}

function checkCauses(reader: Reader, causes: { file: string; entry: CauseEntry }[], taxonomy: Taxonomy, questionIds: Set<string>): void {
  const known = new Map(taxonomy.causes.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (const { file, entry } of causes) {
    const expected = known.get(entry.id);
    if (basename(file).replace(/\.ya?ml$/, '') !== entry.id) reader.report(file, 'id', `must equal the file name ("${entry.id}")`);
    if (!expected) {
      reader.report(file, 'id', `"${entry.id}" is not a cause in knowledge/causes.json`);
      continue;
    }
    seen.add(entry.id);
    if (expected.class !== entry.class) reader.report(file, 'class', `must be "${expected.class}" as in causes.json`);
    if (expected.action !== entry.action) reader.report(file, 'action', `must be "${expected.action}" as in causes.json`);
    for (const c of expected.codes) if (!entry.codes.includes(c)) reader.report(file, 'signals.codes', `must include "${c}" (listed for this cause in causes.json)`);
    entry.questions.forEach((q, i) => {
      if (!questionIds.has(q)) reader.report(file, `questions.${i}`, `"${q}" is not a question in knowledge/questions/`);
    });
  }
  for (const c of taxonomy.causes) if (!seen.has(c.id)) reader.report('causes/', c.id, `cause "${c.id}" from causes.json has no entry (causes/${c.id}.yaml)`);
}

function checkCauseRefs(reader: Reader, file: string, field: string, ids: readonly (string | null)[], known: Set<string>): void {
  ids.forEach((id, i) => {
    if (id !== null && !known.has(id)) reader.report(file, `${field}.${i}`, `"${id}" is not a known cause`);
  });
}

/**
 * Loads the knowledge base under `root` (causes/, questions/, lexicon.yaml, response-codes.yaml,
 * settlement.yaml — or the deployment's own settlement file, `settlementFile` —, off-topic.yaml, topics.yaml,
 * causes.json). Throws KnowledgeError listing every problem (file, field, what) if any
 * file is invalid or any cross-reference is broken.
 */
export async function loadKnowledge(root: string, settlementFile: string = join(root, 'settlement.yaml')): Promise<KnowledgeBase> {
  const reader = new Reader(root);
  const taxonomy = await reader.parse(join(root, 'causes.json'), taxonomySchema, 'json');
  const causes: { file: string; entry: CauseEntry }[] = [];
  for (const path of await yamlFiles(join(root, 'causes'))) {
    const entry = await reader.parse(path, causeFileSchema);
    if (entry) causes.push({ file: relative(root, path), entry });
  }
  const questions: FollowUpQuestion[] = [];
  const questionFiles = new Map<string, string>();
  for (const path of await yamlFiles(join(root, 'questions'))) {
    for (const q of (await reader.parse(path, questionsFileSchema)) ?? []) {
      const file = relative(root, path);
      if (questionFiles.has(q.id)) reader.report(file, q.id, `question id also used in ${questionFiles.get(q.id)}`);
      questionFiles.set(q.id, file);
      questions.push(q);
    }
  }
  const lexicon: LexiconConcept[] = (await reader.parse(join(root, 'lexicon.yaml'), lexiconFileSchema)) ?? [];
  const responseCodes: ResponseCode[] = (await reader.parse(join(root, 'response-codes.yaml'), responseCodesFileSchema)) ?? [];
  const settlement: SettlementRules | null = await reader.parse(settlementFile, settlementFileSchema);
  const offTopic = await reader.parse(join(root, 'off-topic.yaml'), offTopicFileSchema);
  const topics: Topic[] = (await reader.parse(join(root, 'topics.yaml'), topicsFileSchema)) ?? [];
  const topicIds = new Set<string>();
  for (const t of topics) {
    if (topicIds.has(t.id)) reader.report('topics.yaml', t.id, 'topic id listed twice');
    topicIds.add(t.id);
  }

  if (taxonomy) {
    const known = new Set(taxonomy.causes.map((c) => c.id));
    for (const t of topics) if (known.has(t.id)) reader.report('topics.yaml', t.id, 'a topic must not share its id with a cause');
    checkCauses(reader, causes, taxonomy, new Set(questions.map((q) => q.id)));
    for (const q of questions) q.options.forEach((o, i) => checkCauseRefs(reader, questionFiles.get(q.id) ?? 'questions/', `${q.id}.options.${i}.supports`, o.supports, known));
    lexicon.forEach((c) => checkCauseRefs(reader, 'lexicon.yaml', `${c.concept}.causes`, c.causes, known));
    const codes = new Set<string>();
    for (const r of responseCodes) {
      if (codes.has(r.code)) reader.report('response-codes.yaml', r.code, 'code listed twice');
      codes.add(r.code);
      checkCauseRefs(reader, 'response-codes.yaml', `${r.code}.cause`, [r.cause], known);
    }
    for (const c of taxonomy.causes) for (const code of c.codes) {
      const row = responseCodes.find((r) => r.code === code);
      if (row && row.cause !== c.id) reader.report('response-codes.yaml', `${code}.cause`, `must be "${c.id}" as in causes.json`);
    }
  }
  if (settlement) {
    const modeIds = new Set(settlement.modes.map((m) => m.id));
    if (!modeIds.has(settlement.defaultMode)) reader.report('settlement.yaml', 'default_mode', `"${settlement.defaultMode}" is not one of the modes`);
    for (const m of settlement.modes) if (m.fallback && !modeIds.has(m.fallback)) reader.report('settlement.yaml', `modes.${m.id}.fallback`, `"${m.fallback}" is not one of the modes`);
  }
  if (reader.problems.length > 0 || !taxonomy || !settlement || !offTopic) {
    throw new KnowledgeError(reader.problems.length > 0 ? reader.problems : [{ file: '', field: '', problem: 'knowledge base incomplete' }]);
  }
  return { causes: causes.map((c) => c.entry), topics, offTopic, questions, lexicon, responseCodes, settlement };
}
