// `cli classify` and `cli kb check|export|eval`: the knowledge base and the classifier from the command line.
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { buildDiagnosisModel } from '../core/diagnosis/diagnosis-model.js';
import { evaluate, type LabelledText } from '../core/diagnosis/evaluate.js';
import { diagnoseText } from '../knowledge/diagnoser.js';
import { formatProblem, KnowledgeError, loadKnowledge } from '../knowledge/load-knowledge.js';
import { mapJsonLines, textField } from './json-lines.js';
import { UsageError } from './usage-error.js';

export const CLASSIFY_USAGE = 'classify < lines.jsonl   ({"text", "lang"?} in; cause, confidence, decision, candidates, evidence out)';
export const KB_USAGE = 'kb check | kb export | kb eval FILE';

interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly knowledgeDir: string;
}

export async function classifyCommand(_args: string[], io: Io): Promise<number> {
  const model = buildDiagnosisModel(await loadKnowledge(io.knowledgeDir));
  await mapJsonLines(io.stdin, io.stdout, (value) => {
    const d = diagnoseText(model, textField(value));
    return { cause: d.cause, confidence: d.confidence, decision: d.decision, candidates: d.candidates, evidence: d.evidence };
  });
  return 0;
}

async function readLabelled(file: string): Promise<LabelledText[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim().length > 0);
  return lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError(`${file}:${i + 1}: not valid JSON`);
    }
    const { text, cause, lang } = value as { text?: unknown; cause?: unknown; lang?: unknown };
    if (typeof text !== 'string' || !(typeof cause === 'string' || cause === null)) {
      throw new UsageError(`${file}:${i + 1}: needs "text" (string) and "cause" (cause id or null)`);
    }
    return { text, cause, ...(typeof lang === 'string' ? { lang } : {}) };
  });
}

export async function kbCommand(args: string[], io: Io): Promise<number> {
  const [sub, file] = args;
  if (sub === 'check') {
    try {
      const kb = await loadKnowledge(io.knowledgeDir);
      const examples = kb.causes.reduce((n, c) => n + c.examples.zh.length + c.examples.en.length, 0);
      io.stdout.write(`knowledge base OK: ${kb.causes.length} causes, ${examples} example phrasings, ${kb.questions.length} questions, ${kb.lexicon.length} concepts, ${kb.responseCodes.length} response codes\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof KnowledgeError)) throw error;
      io.stderr.write(`knowledge base INVALID (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}):\n${error.problems.map(formatProblem).join('\n')}\n`);
      return 1;
    }
  }
  const kb = await loadKnowledge(io.knowledgeDir);
  if (sub === 'export') {
    for (const cause of kb.causes) {
      for (const lang of ['zh', 'en'] as const) {
        for (const text of cause.examples[lang]) io.stdout.write(`${JSON.stringify({ cause: cause.id, text, lang })}\n`);
      }
    }
    return 0;
  }
  if (sub === 'eval') {
    if (!file) throw new UsageError('kb eval needs a FILE of JSON lines {"text", "cause", "lang"?}');
    const model = buildDiagnosisModel(kb);
    const report = evaluate(await readLabelled(file), (c) => diagnoseText(model, c.text));
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  throw new UsageError(`unknown kb command "${sub ?? ''}"; use ${KB_USAGE}`);
}
