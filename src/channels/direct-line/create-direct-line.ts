// Wires the Direct Line channel: secret, tokens, transcripts, streams, adapter, and its routers (with the widget's).
import { join } from 'node:path';
import type { Router } from 'express';
import type { BotRuntime } from '../../bot-runtime.js';
import type { Config } from '../../config.js';
import type { TicketMessage } from '../../core/tickets/ticket.js';
import type { Logger } from '../../shared/logger.js';
import { LowdbTranscriptStore } from '../../storage/lowdb-transcript-store.js';
import { pagesRouter } from '../web-widget/pages-router.js';
import { widgetTokenRouter } from '../web-widget/widget-token-router.js';
import { DirectLineAdapter } from './direct-line-adapter.js';
import { directLineRouter } from './direct-line-router.js';
import { directLineSecret } from './direct-line-secret.js';
import { DirectLineService } from './direct-line-service.js';
import { DirectLineTokens } from './direct-line-tokens.js';
import { StreamHub } from './stream-hub.js';
import { UploadStore } from './upload-store.js';

export interface DirectLineChannel {
  readonly routers: readonly Router[];
  readonly streams: StreamHub;
  readonly tokens: DirectLineTokens;
  /** For proactive messages (an agent's reply). */
  readonly adapter: DirectLineAdapter;
  /** The Direct Line secret (also the root of the agent session key). */
  readonly secret: string;
  /** Resolves once every Direct Line turn accepted so far has run. */
  idle(): Promise<void>;
  /** A conversation's messages, oldest first, as ticket messages (for the ticket's transcript). */
  transcriptMessages(conversationId: string): Promise<TicketMessage[]>;
}

/** Builds the Direct Line endpoint, the widget token route and the pages, all on the bot's own origin. */
export async function createDirectLine(options: { config: Config; runtime: BotRuntime; clock: () => Date; logger: Logger }): Promise<DirectLineChannel> {
  const { config, runtime, clock, logger } = options;
  const { secret, generated } = await directLineSecret(config.directLineSecret, config.dataDir);
  if (generated) logger.info({ path: join(config.dataDir, 'direct-line.secret') }, 'generated a Direct Line secret (set DIRECT_LINE_SECRET to choose one)');
  const tokens = new DirectLineTokens(secret, () => Math.floor(clock().getTime() / 1000));
  const transcripts = await new LowdbTranscriptStore(join(config.dataDir, 'transcripts')).open();
  const streams = new StreamHub(tokens, transcripts);
  const adapter = new DirectLineAdapter(transcripts, streams, clock);
  for (const m of runtime.middleware) adapter.use(m);
  adapter.onTurnError = runtime.onTurnError;
  const service = new DirectLineService({ transcripts, adapter, streams, logic: (context) => runtime.bot.run(context), clock, logger });
  const uploads = new UploadStore(join(config.dataDir, 'uploads'), secret);
  return {
    routers: [directLineRouter(tokens, service, uploads), widgetTokenRouter({ tokens, anonymousPerMinute: 30 }), pagesRouter({ tokens, demoPortal: config.demoPortal })],
    streams,
    tokens,
    adapter,
    secret,
    idle: () => service.idle(),
    transcriptMessages: async (conversationId) =>
      (await service.read(conversationId, 0)).activities.map((a) => {
        const from = a.from as { role?: string } | undefined;
        return { id: String(a.id ?? ''), at: String(a.timestamp ?? ''), author: from?.role === 'user' ? ('merchant' as const) : ('bot' as const), text: String(a.text ?? '') };
      }),
  };
}
