// Conversation scripts (tests/fixtures/conversations): loading, running against the real bot in-process, and scoring.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage, type Activity, type TurnContext } from 'botbuilder';
import { load as parseYaml } from 'js-yaml';
import { deskWording } from '../../dialogs/wording/index.js';
import { createBotRuntime } from '../../src/bot-runtime.js';
import { languageOfText } from '../../src/bot/resolve-locale.js';
import { TerminalAdapter } from '../../src/channels/terminal/terminal-adapter.js';
import type { Ticket } from '../../src/core/tickets/ticket.js';
import { createHandoff } from '../../src/handoff/create-handoff.js';
import { createLogger } from '../../src/shared/logger.js';
import { projectRoot } from '../../src/shared/project-root.js';
import { MemoryTicketStore } from '../../src/storage/memory-ticket-store.js';
import { putAgent } from '../../src/console/agent-auth.js';
import { LowdbAgentStore } from '../../src/storage/lowdb-agent-store.js';
import { clockFrom, KNOWLEDGE, MODEL, tempDir } from './bot-harness.js';
import { postJson, startTestServer, TEST_SECRET } from './server-harness.js';

export type ScriptStep =
  | { readonly say: string; readonly in?: string }
  | { readonly agent: 'claim' }
  | { readonly agent: 'reply'; readonly text: string }
  | { readonly sees: string; readonly in?: string };

export interface ConversationScript {
  readonly file: string;
  readonly title: string;
  readonly lang: 'zh-hans' | 'zh-hant' | 'en';
  readonly channel: 'terminal' | 'directline';
  readonly now?: string | Date;
  readonly zone?: string;
  readonly currency?: string;
  readonly steps: readonly ScriptStep[];
  readonly expect: {
    readonly cause: string | null;
    readonly cause_by?: number;
    readonly person?: boolean;
    readonly ticket?: Record<string, unknown>;
    readonly topic?: string;
    readonly never?: readonly string[];
    readonly language?: 'zh-hans' | 'zh-hant' | 'en';
  };
}

const FIXTURES = join(projectRoot(), 'tests', 'fixtures', 'conversations');

/** The scripts of one set (dev or heldout), in file order. */
export function loadScripts(set: 'dev' | 'heldout'): ConversationScript[] {
  const dir = join(FIXTURES, set);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, ...(parseYaml(readFileSync(join(dir, file), 'utf8')) as Omit<ConversationScript, 'file'>) }));
}

/** One bot activity a conversation received, with the merchant message it answered (1-based; 0 before any). */
export interface Received {
  readonly activity: Partial<Activity>;
  readonly afterMessage: number;
}

/** What happened when a script ran: every conversation's received activities, the merchant's messages, the tickets. */
export interface ScriptRun {
  readonly received: ReadonlyMap<string, readonly Received[]>;
  readonly said: ReadonlyMap<string, readonly string[]>;
  readonly tickets: readonly Ticket[];
  /** `sees` steps that found nothing. */
  readonly unseen: readonly string[];
  /** Whether the merchant asked for a person (so reaching none is a dead end). */
  readonly askedForPerson: boolean;
}

const DEFAULT_NOW = new Date('2026-11-26T10:00:00+08:00');
const HUMAN = /转人工|轉人工|人工|找客服|專人|专人|agent|human|a person|someone|真人|真人客服/i;

/** Runs a script against the real bot in-process (terminal adapters; one desk, one merchant, any number of conversations). */
export async function runInProcess(script: ConversationScript): Promise<ScriptRun> {
  const clock = clockFrom(script.now ? new Date(script.now) : DEFAULT_NOW);
  const tickets = new MemoryTicketStore();
  const timeZone = script.zone ?? 'Asia/Shanghai';
  const logger = createLogger('silent');
  const { handoff, senders } = createHandoff({ wording: deskWording, tickets, businessHours: 'Mon-Sun 00:00-24:00', timeZone, urgentCauses: new Set(), clock, logger });
  const runtime = createBotRuntime(new MemoryStorage(), {
    clock,
    defaults: { timeZone, currency: script.currency ?? 'CNY', locale: 'zh-CN' },
    logger,
    knowledge: KNOWLEDGE,
    model: MODEL,
    handoff,
  });
  const received = new Map<string, Received[]>();
  const said = new Map<string, string[]>();
  const adapters = new Map<string, TerminalAdapter>();
  const messagesSoFar = () => [...said.values()].reduce((n, list) => n + list.length, 0);
  const adapterFor = (name: string): TerminalAdapter => {
    let adapter = adapters.get(name);
    if (!adapter) {
      adapter = new TerminalAdapter({ conversationId: `script-${name}`, clock, userId: 'merchant-1', write: () => undefined, observe: (activity) => received.get(name)!.push({ activity, afterMessage: messagesSoFar() }) });
      for (const m of runtime.middleware) adapter.use(m);
      adapter.onTurnError = async (_context, error) => {
        throw error;
      };
      adapters.set(name, adapter);
      received.set(name, []);
      said.set(name, []);
    }
    return adapter;
  };
  senders.set('terminal', (reference, logic) => adapterFor((reference.conversation?.id ?? '').replace(/^script-/, '')).continueConversation(reference, logic));
  const logic = (context: TurnContext) => runtime.bot.run(context);
  const unseen: string[] = [];
  let askedForPerson = false;
  for (const step of script.steps) {
    if ('say' in step) {
      const name = step.in ?? 'main';
      const adapter = adapterFor(name);
      said.get(name)!.push(step.say);
      askedForPerson ||= HUMAN.test(step.say);
      await adapter.say(step.say, logic);
    } else if ('agent' in step) {
      const ticket = (await tickets.list()).find((t) => t.status === 'open' || t.status === 'assigned');
      if (!ticket) {
        unseen.push(`agent ${step.agent}: no open ticket`);
        continue;
      }
      if (step.agent === 'claim') await handoff.claim(ticket.id, 'agent-1', 10);
      else await handoff.agentMessage(ticket.id, 'agent-1', step.text, false);
    } else if (!(received.get(step.in ?? 'main') ?? []).some((r) => (r.activity.text ?? '').includes(step.sees))) {
      unseen.push(`${step.in ?? 'main'} never saw "${step.sees}"`);
    }
  }
  return { received, said, tickets: await tickets.list(), unseen, askedForPerson };
}

/** The score of one run against its script's expectations. */
export interface ScriptScore {
  readonly failures: readonly string[];
  /** The merchant message (1-based) whose reply named the expected cause, or null. */
  readonly causeNamedAt: number | null;
  readonly loops: number;
  readonly deadEnd: boolean;
  /** The opening holds a code, a screen text or a terminal fault (cause_by is set). */
  readonly answerFirst: boolean;
}

/** The bot's messages, without the greeting and the card-data notice every conversation starts with. */
const isMessage = (r: Received) => r.activity.type === 'message' && typeof r.activity.text === 'string' && !(r.activity.channelData as { notice?: string } | undefined)?.notice;
const causeOf = (r: Received) => (r.activity.channelData as { diagnosis?: { cause?: string } } | undefined)?.diagnosis?.cause ?? null;
const topicOf = (r: Received) => (r.activity.channelData as { outOfScope?: { topic?: string | null } } | undefined)?.outOfScope;

function matches(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== 'object') return actual === expected;
  if (actual === null || typeof actual !== 'object') return false;
  return Object.entries(expected as Record<string, unknown>).every(([k, v]) => matches((actual as Record<string, unknown>)[k], v));
}

const SLICE_OF = { 'zh-hans': 'zh-CN', 'zh-hant': 'zh-TW', en: 'en-US' } as const;

/** Checks every expectation of the script, plus no loops (a bot message three times in one conversation) and no dead end. */
export function scoreRun(script: ConversationScript, run: ScriptRun): ScriptScore {
  const failures: string[] = [...run.unseen];
  const all = [...run.received.values()].flat().filter(isMessage);
  const named = all.filter((r) => causeOf(r) !== null);
  const expected = script.expect;
  const right = named.find((r) => causeOf(r) === expected.cause);
  const causeNamedAt = right ? right.afterMessage : null;
  if (expected.cause === null) {
    if (named.length > 0) failures.push(`named a cause (${causeOf(named[0]!)}) where none applies`);
  } else if (!right) {
    failures.push(`never named ${expected.cause}${named.length > 0 ? ` (named ${named.map(causeOf).join(', ')})` : ''}`);
  } else if (expected.cause_by !== undefined && causeNamedAt! > expected.cause_by) {
    failures.push(`named ${expected.cause} only after message ${causeNamedAt}, expected by ${expected.cause_by}`);
  }
  if (expected.topic !== undefined && !all.some((r) => topicOf(r)?.topic === expected.topic)) failures.push(`did not recognise the topic ${expected.topic}`);
  const ticket = run.tickets[0];
  if (expected.person === true && !ticket) failures.push('no ticket was opened');
  if (expected.person === false && ticket) failures.push(`opened ticket ${ticket.id} though no person was needed`);
  if (expected.ticket && !(ticket && matches(ticket, expected.ticket))) failures.push(`the ticket lacks ${JSON.stringify(expected.ticket)}: ${JSON.stringify(ticket?.report ?? null)}`);
  for (const text of expected.never ?? []) {
    const offending = all.find((r) => (r.activity.text ?? '').includes(text) && r.afterMessage > 0);
    if (offending) failures.push(`said "${text}": ${offending.activity.text}`);
  }
  const wanted = SLICE_OF[expected.language ?? script.lang];
  const wrongLanguage = all.filter((r) => r.afterMessage > 0 && !r.activity.channelData?.agent).map((r) => languageOfText(r.activity.text ?? '')).filter((l) => l !== null && l !== wanted);
  if (wrongLanguage.length > 0) failures.push(`answered in ${[...new Set(wrongLanguage)].join(', ')} instead of ${wanted}`);
  let loops = 0;
  for (const [name, list] of run.received) {
    const counts = new Map<string, number>();
    for (const r of list.filter(isMessage)) counts.set(r.activity.text!, (counts.get(r.activity.text!) ?? 0) + 1);
    for (const [text, n] of counts) {
      if (n >= 3) {
        loops += 1;
        failures.push(`${name}: said ${n} times: ${text.slice(0, 60)}`);
      }
    }
  }
  const lastAsked = run.said.get('main')?.length ?? 0;
  const answeredLast = (run.received.get('main') ?? []).some((r) => isMessage(r) && r.afterMessage === lastAsked);
  const withAgent = run.tickets.some((t) => t.status === 'assigned');
  const deadEnd = (run.askedForPerson && !ticket) || (!answeredLast && !withAgent && !ticket);
  if (deadEnd) failures.push('dead end: the merchant was left without an answer or a person');
  return { failures, causeNamedAt, loops, deadEnd, answerFirst: expected.cause_by !== undefined };
}

/**
 * Runs a script against the real server over HTTP: the merchant on Direct Line (one user, a token and
 * conversation per named chat), the agent through the agent API. Each message waits for the bot's turn
 * to finish (the server's idle()), not for a fixed time.
 */
export async function runOverDirectLine(script: ConversationScript): Promise<ScriptRun> {
  const dataDir = tempDir();
  const agents = await new LowdbAgentStore(join(dataDir, 'agents.json')).open();
  const start = script.now ? new Date(script.now) : DEFAULT_NOW;
  await putAgent(agents, { name: 'agent-1', password: 'agent-password', role: 'admin', maxOpen: 10 }, start);
  const server = await startTestServer(
    { DATA_DIR: dataDir, BUSINESS_HOURS: 'Mon-Sun 00:00-24:00', DEFAULT_TIME_ZONE: script.zone ?? 'Asia/Shanghai', DEFAULT_CURRENCY: script.currency ?? 'CNY', AGENT_LOGINS_PER_MINUTE: '1000' },
    start,
  );
  try {
    const chats = new Map<string, { id: string; token: string; watermark: string }>();
    const received = new Map<string, Received[]>();
    const said = new Map<string, string[]>();
    const messagesSoFar = () => [...said.values()].reduce((n, list) => n + list.length, 0);
    const collect = async () => {
      for (const [name, chat] of chats) {
        const res = await fetch(`${server.url}/v3/directline/conversations/${chat.id}/activities?watermark=${chat.watermark}`, { headers: { authorization: `Bearer ${chat.token}` } });
        const { activities, watermark } = (await res.json()) as { activities: Partial<Activity>[]; watermark: string };
        chat.watermark = watermark;
        for (const activity of activities) if (activity.from?.role !== 'user') received.get(name)!.push({ activity, afterMessage: messagesSoFar() });
      }
    };
    const chatFor = async (name: string) => {
      let chat = chats.get(name);
      if (!chat) {
        const { body: issued } = await postJson(`${server.url}/v3/directline/tokens/generate`, { user: { id: 'merchant-1' } }, TEST_SECRET);
        await postJson(`${server.url}/v3/directline/conversations`, undefined, issued.token as string);
        chat = { id: issued.conversationId as string, token: issued.token as string, watermark: '0' };
        chats.set(name, chat);
        received.set(name, []);
        said.set(name, []);
        await server.idle();
        await collect();
      }
      return chat;
    };
    const { body: login } = await postJson(`${server.url}/api/agent/login`, { name: 'agent-1', password: 'agent-password' });
    const agentToken = login.token as string;
    const unseen: string[] = [];
    let askedForPerson = false;
    for (const step of script.steps) {
      if ('say' in step) {
        const name = step.in ?? 'main';
        const chat = await chatFor(name);
        said.get(name)!.push(step.say);
        askedForPerson ||= HUMAN.test(step.say);
        await postJson(`${server.url}/v3/directline/conversations/${chat.id}/activities`, { type: 'message', text: step.say, from: { id: 'merchant-1' } }, chat.token);
        await server.idle();
        await collect();
      } else if ('agent' in step) {
        const { body } = await getJson(`${server.url}/api/tickets`, agentToken);
        const ticket = (body.tickets as { id: string; status: string }[]).find((t) => t.status === 'open' || t.status === 'assigned');
        if (!ticket) {
          unseen.push(`agent ${step.agent}: no open ticket`);
          continue;
        }
        if (step.agent === 'claim') await postJson(`${server.url}/api/tickets/${ticket.id}/claim`, {}, agentToken);
        else await postJson(`${server.url}/api/tickets/${ticket.id}/messages`, { text: step.text }, agentToken);
        await collect();
      } else if (!(received.get(step.in ?? 'main') ?? []).some((r) => (r.activity.text ?? '').includes(step.sees))) {
        unseen.push(`${step.in ?? 'main'} never saw "${step.sees}"`);
      }
    }
    const { body } = await getJson(`${server.url}/api/tickets`, agentToken);
    const tickets = await Promise.all((body.tickets as { id: string }[]).map(async (t) => (await getJson(`${server.url}/api/tickets/${t.id}`, agentToken)).body as unknown as Ticket));
    return { received, said, tickets, unseen, askedForPerson };
  } finally {
    await server.close();
  }
}

async function getJson(url: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Runs a script on the channel it names. */
export function runScript(script: ConversationScript): Promise<ScriptRun> {
  return script.channel === 'directline' ? runOverDirectLine(script) : runInProcess(script);
}
