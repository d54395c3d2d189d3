// `cli chat`: talk to the bot in the terminal, on the same help desk as the server (its DATA_DIR, its tickets).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { directLineSecret } from '../channels/direct-line/direct-line-secret.js';
import { TerminalAdapter } from '../channels/terminal/terminal-adapter.js';
import type { Config } from '../config.js';
import { openHelpDesk } from '../help-desk.js';
import { COMPILED_MODELS, openDiagnosisModel } from '../knowledge/compiled-model.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { SERVER_FILE } from '../server-file.js';
import { createLogger } from '../shared/logger.js';
import { DataDirBusyError, lockDataDir } from '../storage/data-dir-lock.js';
import { chatOverDirectLine } from './chat-over-direct-line.js';
import { newTerminalConversationId, saveConversation, savedConversation } from './terminal-chat-state.js';
import { UsageError } from './usage-error.js';

export const CHAT_USAGE = 'chat [--locale zh-CN|zh-TW|en-US] [--new]   (type /quit to leave; the conversation resumes next time unless --new)';

interface ChatIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly config: Config;
  readonly clock: () => Date;
}

/**
 * With a server running on DATA_DIR, the chat is a Direct Line client of it (the console sees its
 * tickets, the agent's replies arrive here). Without one, the bot runs in-process on DATA_DIR itself
 * (same state, tickets and ticket numbers as the server will use). `--new` starts a new conversation;
 * otherwise the last one resumes.
 */
export async function chatCommand(args: string[], io: ChatIo): Promise<number> {
  const { values } = parseArgs({ args, options: { locale: { type: 'string' }, new: { type: 'boolean', default: false } }, strict: true });
  if (values.locale !== undefined && !['zh-CN', 'zh-TW', 'en-US'].includes(values.locale)) throw new UsageError('--locale must be zh-CN, zh-TW or en-US');
  const { config } = io;
  let release: () => Promise<void>;
  try {
    release = await lockDataDir(config.dataDir, 'terminal chat');
  } catch (error) {
    if (!(error instanceof DataDirBusyError)) throw error;
    const running = await readFile(join(config.dataDir, SERVER_FILE), 'utf8').then((text) => JSON.parse(text) as { url?: string }, () => null);
    if (!running?.url) throw error;
    const { secret } = await directLineSecret(config.directLineSecret, config.dataDir);
    await chatOverDirectLine({ url: running.url, secret, dataDir: config.dataDir, fresh: values.new, ...(values.locale ? { locale: values.locale } : {}) }, io);
    return 0;
  }
  try {
    const knowledge = await loadKnowledge(config.knowledgeDir, config.settlementRules);
    const { model } = await openDiagnosisModel(knowledge, COMPILED_MODELS);
    const { runtime, senders } = await openHelpDesk({ config, knowledge, model, folder: config.dataDir, clock: io.clock, logger: createLogger('silent') });
    const conversationId = (await savedConversation(config.dataDir, 'terminal', values.new)) ?? newTerminalConversationId();
    await saveConversation(config.dataDir, 'terminal', conversationId);
    const adapter = new TerminalAdapter({
      conversationId,
      clock: io.clock,
      userId: 'terminal-merchant',
      ...(values.locale ? { locale: values.locale } : {}),
      write: (line) => io.stdout.write(`bot> ${line.replace(/\n/g, '\n     ')}\n`),
    });
    for (const m of runtime.middleware) adapter.use(m);
    senders.set('terminal', (reference, logic) => adapter.continueConversation(reference, logic));
    adapter.onTurnError = async (context, error) => {
      io.stdout.write(`(turn failed: ${error.message})\n`);
      await context.sendActivity(runtime.apology(context));
    };
    const logic = (context: Parameters<typeof runtime.bot.run>[0]) => runtime.bot.run(context);
    await adapter.join(logic);
    const lines = createInterface({ input: io.stdin, output: io.stdout, terminal: false });
    io.stdout.write('you> ');
    for await (const line of lines) {
      if (/^\/(quit|exit)$/.test(line.trim())) break;
      if (line.trim().length > 0) await adapter.say(line, logic);
      io.stdout.write('you> ');
    }
    io.stdout.write('\n');
    return 0;
  } finally {
    await release();
  }
}
