// `cli chat`: talk to the real bot in the terminal through an in-process adapter, with state kept in DATA_DIR.
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { TerminalAdapter } from '../channels/terminal/terminal-adapter.js';
import type { Config } from '../config.js';
import { openHelpDesk } from '../help-desk.js';
import { COMPILED_MODELS, openDiagnosisModel } from '../knowledge/compiled-model.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { lockDataDir } from '../storage/data-dir-lock.js';
import { createLogger } from '../shared/logger.js';
import { UsageError } from './usage-error.js';

export const CHAT_USAGE = 'chat [--locale zh-CN|en-US] [--new]   (type /quit to leave; the conversation resumes next time unless --new)';

export async function chatCommand(args: string[], io: { stdin: Readable; stdout: Writable; config: Config }): Promise<number> {
  const { values } = parseArgs({ args, options: { locale: { type: 'string' }, new: { type: 'boolean', default: false } }, strict: true });
  if (values.locale !== undefined && !['zh-CN', 'en-US'].includes(values.locale)) throw new UsageError('--locale must be zh-CN or en-US');
  const { config } = io;
  const knowledge = await loadKnowledge(config.knowledgeDir);
  const { model } = await openDiagnosisModel(knowledge, COMPILED_MODELS);
  const folder = join(config.dataDir, 'terminal-chat');
  const release = await lockDataDir(folder, 'terminal chat');
  try {
    const { runtime, senders } = await openHelpDesk({ config, knowledge, model, folder, clock: () => new Date(), logger: createLogger('silent') });
    const conversationId = 'terminal-conversation';
    if (values.new) await runtime.storage.delete([`terminal/conversations/${conversationId}/`]);
    const adapter = new TerminalAdapter({
      conversationId,
      clock: () => new Date(),
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
