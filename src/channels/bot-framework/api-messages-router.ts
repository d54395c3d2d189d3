// POST /api/messages: the Bot Framework channel endpoint (Emulator, Azure Bot Service: Teams, Slack, Telegram).
import express, { Router } from 'express';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import { HttpError } from '../../http/http-error.js';

export interface ApiMessagesOptions {
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  /** Whether the bot may send to an activity's serviceUrl (service-url-policy.ts); checked in every delivery mode. */
  readonly allowsServiceUrl: (serviceUrl: unknown) => boolean;
}

export function apiMessagesRouter(options: ApiMessagesOptions): Router {
  const router = Router();
  router.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    const serviceUrl = (req.body as { serviceUrl?: unknown } | undefined)?.serviceUrl;
    if (!options.allowsServiceUrl(serviceUrl)) {
      throw new HttpError(400, 'serviceUrl must be a loopback address when the bot runs without MicrosoftAppId');
    }
    await options.adapter.process(req, res, (context) => options.bot.run(context));
  });
  return router;
}
