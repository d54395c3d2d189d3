// `cli classify` and `cli kb check|export|eval`: the knowledge base and the classifier from the command line.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { recogniseCommand } from '../../dialogs/commands.js';
import { readReply } from '../core/conversation/read-reply.js';
import { suggestExamples, type ExampleSuggestion } from '../core/knowledge/suggest-examples.js';
import { LowdbTicketStore } from '../storage/lowdb-ticket-store.js';
import { compileDiagnosisModel, openDiagnosisModel } from '../knowledge/compiled-model.js';
import { describeEvidence } from '../core/diagnosis/evidence-detail.js';
import { evaluate, type LabelledText } from '../core/diagnosis/evaluate.js';
import { diagnoseText } from '../knowledge/diagnoser.js';
import { formatProblem, KnowledgeError, loadKnowledge } from '../knowledge/load-knowledge.js';
import { mapJsonLines, textField } from './json-lines.js';
import { UsageError } from './usage-error.js';

export const CLASSIFY_USAGE = 'classify < lines.jsonl   ({"text", "lang"?} in; cause, confidence, decision, candidates, evidence out)';
export const KB_USAGE = 'kb check | kb export | kb eval FILE | kb suggest [--text] | kb compile';

interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly knowledgeDir: string;
  /** Where compiled classifiers live (dist/knowledge-model): read by classify and eval, written by kb compile. */
  readonly compiledModels: string;
}

interface KbIo extends Io {
  /** Where the desk keeps its tickets (kb suggest reads DATA_DIR/tickets, never writes). */
  readonly dataDir: string;
}

export async function classifyCommand(_args: string[], io: Io): Promise<number> {
  const { model } = await openDiagnosisModel(await loadKnowledge(io.knowledgeDir), io.compiledModels);
  await mapJsonLines(io.stdin, io.stdout, (value) => {
    const d = diagnoseText(model, textField(value));
    return { cause: d.cause, confidence: d.confidence, decision: d.decision, candidates: d.candidates, evidence: describeEvidence(d.evidence, model) };
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
    const { text, cause, lang, script, also, vague } = value as { text?: unknown; cause?: unknown; lang?: unknown; script?: unknown; also?: unknown; vague?: unknown };
    if (typeof text !== 'string' || !(typeof cause === 'string' || cause === null)) {
      throw new UsageError(`${file}:${i + 1}: needs "text" (string) and "cause" (cause id or null)`);
    }
    const alternatives = Array.isArray(also) ? also.filter((a): a is string => typeof a === 'string') : [];
    return {
      text,
      cause,
      ...(typeof lang === 'string' ? { lang } : {}),
      ...(typeof script === 'string' ? { script } : {}),
      ...(alternatives.length > 0 ? { also: alternatives } : {}),
      ...(vague === true ? { vague: true } : {}),
    };
  });
}

export async function kbCommand(args: string[], io: KbIo): Promise<number> {
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
    const { model } = await openDiagnosisModel(kb, io.compiledModels);
    const report = evaluate(await readLabelled(file), (c) => diagnoseText(model, c.text));
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  if (sub === 'compile') {
    const path = await compileDiagnosisModel(kb, io.compiledModels);
    io.stderr.write(`compiled the diagnosis model for ${io.knowledgeDir} into ${path}\n`);
    return 0;
  }
  if (sub === 'suggest') {
    const { values } = parseArgs({ args: args.slice(1), options: { text: { type: 'boolean', default: false } }, strict: true });
    const known = new Set(kb.causes.flatMap((c) => [...c.examples.zh, ...c.examples.en]).map((t) => t.toLowerCase()));
    const tickets = await new LowdbTicketStore(join(io.dataDir, 'tickets')).open();
    const isNoise = (text: string) => recogniseCommand(text) !== null || readReply(text) !== null;
    const suggestions = suggestExamples(await tickets.list(), known, isNoise);
    io.stdout.write(values.text ? readableSuggestions(suggestions, kb.causes) : suggestions.map((s) => `${JSON.stringify(s)}\n`).join(''));
    return 0;
  }
  throw new UsageError(`unknown kb command "${sub ?? ''}"; use ${KB_USAGE}`);
}

/** The suggestions for a person to read: one block per cause, the bot's earlier guess beside each line. */
function readableSuggestions(suggestions: readonly ExampleSuggestion[], causes: readonly { id: string; title: { zh: string; en: string } }[]): string {
  if (suggestions.length === 0) return 'No candidate examples: no resolved ticket with a confirmed cause has words the knowledge base lacks.\n';
  const byCause = new Map<string, ExampleSuggestion[]>();
  for (const s of suggestions) byCause.set(s.cause, [...(byCause.get(s.cause) ?? []), s]);
  const blocks = [...byCause].map(([cause, list]) => {
    const title = causes.find((c) => c.id === cause)?.title;
    const agreed = list.filter((s) => s.agreed).length;
    const lines = list.map((s) => `  ${s.agreed ? '✓' : '✗'} ${s.text}   (${s.ticket}; bot said ${s.botCause ?? 'nothing'})`);
    return [`${cause}${title ? ` — ${title.zh} / ${title.en}` : ''}: ${list.length} candidate${list.length === 1 ? '' : 's'}, the bot had it right in ${agreed}`, ...lines].join('\n');
  });
  return `${blocks.join('\n\n')}\n\nReview each line; add the good ones to knowledge/causes/<cause>.yaml under examples, then run kb check.\n`;
}
