// Drives the real bot (all middleware, dialogs, state) in-process and collects what it says.
import { deskWording } from '../../dialogs/wording/index.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Activity, type Storage, type TurnContext } from 'botbuilder';
import { createBotRuntime, type BotRuntime } from '../../src/bot-runtime.js';
import type { TicketStore } from '../../src/core/ports.js';
import { createHandoff } from '../../src/handoff/create-handoff.js';
import type { HandoffService } from '../../src/handoff/handoff-service.js';
import { MemoryTicketStore } from '../../src/storage/memory-ticket-store.js';
import { TerminalAdapter } from '../../src/channels/terminal/terminal-adapter.js';
import { COMPILED_MODELS, openDiagnosisModel } from '../../src/knowledge/compiled-model.js';
import { projectRoot } from '../../src/shared/project-root.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createLogger } from '../../src/shared/logger.js';
import { LowdbBotStorage } from '../../src/storage/lowdb-bot-storage.js';

/** The project's real knowledge base, loaded once per test file. */
export const KNOWLEDGE = await loadKnowledge(join(projectRoot(), 'knowledge'));

/** Where `npm run build` compiles the classifier (the tests use it when it matches, else train once per file). */
export { COMPILED_MODELS } from '../../src/knowledge/compiled-model.js';

/** The diagnosis model of the real knowledge base. */
export const MODEL = (await openDiagnosisModel(KNOWLEDGE, COMPILED_MODELS)).model;

/** What a server under test takes besides its config: a clock fixed to TEST_NOW's day, silence, the compiled models. */
export function serverDeps(start: Date = TEST_NOW) {
  return { now: clockFrom(start), logger: createLogger('silent'), compiledModels: COMPILED_MODELS };
}

/** Thursday 26 Nov 2026, 10:00 in Shanghai: the tests' "now". */
export const TEST_NOW = new Date('2026-11-26T10:00:00+08:00');

/**
 * A clock for a whole server under test: it starts at `start` and moves on with real time, so
 * tokens age and timestamps order as in life, while every date the bot reasons about is fixed.
 */
export function clockFrom(start: Date = TEST_NOW): () => Date {
  const realStart = performance.now();
  return () => new Date(start.getTime() + Math.round(performance.now() - realStart));
}

export interface BotHarness {
  readonly runtime: BotRuntime;
  readonly storage: Storage;
  /** The help desk behind the bot; agents' words reach the conversation like the bot's. */
  readonly handoff: HandoffService;
  /** Every activity the bot sent, events included. */
  readonly sent: Partial<Activity>[];
  /** Runs `work` (an agent's action) and resolves with what the merchant saw meanwhile. */
  watch(work: () => Promise<unknown>): Promise<string[]>;
  /** Sends one merchant message; resolves with the bot's replies to it (text, with [buttons] on a new line). */
  say(text: string): Promise<string[]>;
  /** Starts the conversation (the merchant joins); resolves with the greeting. */
  join(): Promise<string[]>;
  /** The conversation's and the merchant's stored state, as saved in storage. */
  storedState(): Promise<Record<string, unknown>>;
}

export interface HarnessOptions {
  readonly storage?: Storage;
  readonly tickets?: TicketStore;
  readonly businessHours?: string;
  readonly locale?: string;
  /** The deployment's currency (CNY unless a test says otherwise). */
  readonly currency?: string;
  readonly conversationId?: string;
  readonly now?: Date;
}

export function tempDir(prefix = 'helpdesk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function lowdbStorage(dir: string = tempDir()): Promise<LowdbBotStorage> {
  return new LowdbBotStorage(join(dir, 'state')).open();
}

export function createHarness(options: HarnessOptions = {}): BotHarness {
  const storage = options.storage ?? new MemoryStorage();
  const clock = () => options.now ?? TEST_NOW;
  const { handoff, senders } = createHandoff({
    wording: deskWording,
    tickets: options.tickets ?? new MemoryTicketStore(),
    businessHours: options.businessHours ?? 'Mon-Sun 09:00-21:00',
    timeZone: 'Asia/Shanghai',
    urgentCauses: new Set(['risk_control_hold']),
    clock,
    logger: createLogger('silent'),
  });
  const runtime = createBotRuntime(storage, {
    clock,
    defaults: { timeZone: 'Asia/Shanghai', currency: options.currency ?? 'CNY', locale: 'zh-CN' },
    logger: createLogger('silent'),
    knowledge: KNOWLEDGE,
    model: MODEL,
    handoff,
  });
  const conversationId = options.conversationId ?? 'conversation-1';
  let replies: string[] = [];
  const sent: Partial<Activity>[] = [];
  const adapter = new TerminalAdapter({
    conversationId,
    clock,
    ...(options.locale ? { locale: options.locale } : {}),
    write: (line) => replies.push(line),
    observe: (activity) => sent.push(activity),
  });
  for (const m of runtime.middleware) adapter.use(m);
  senders.set('terminal', (reference, logic) => adapter.continueConversation(reference, logic));
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  const logic = (context: TurnContext) => runtime.bot.run(context);
  const collect = async (turn: () => Promise<void>) => {
    replies = [];
    await turn();
    return replies;
  };
  return {
    runtime,
    storage,
    handoff,
    sent,
    watch: (work) => collect(async () => void (await work())),
    say: (text) => collect(() => adapter.say(text, logic)),
    join: () => collect(() => adapter.join(logic)),
    storedState: async () => storage.read([`terminal/conversations/${conversationId}/`, 'terminal/users/merchant/']),
  };
}

/** The last reply of a turn (the question the bot is waiting on). */
export function last(replies: readonly string[]): string {
  return replies[replies.length - 1] ?? '';
}
