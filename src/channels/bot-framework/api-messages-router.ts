// POST /api/messages: the Bot Framework channel endpoint (Emulator, Azure Bot Service: Teams, Slack, Telegram).
import express, { Router, type Request } from 'express';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import { HttpError } from '../../http/http-error.js';

const LOOPBACK_SERVICE_URL = /^https?:\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?(?:\/|$)/i;

export interface ApiMessagesOptions {
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  /** Without Bot Framework authentication replies may only go to a loopback serviceUrl (no open relay). */
  readonly restrictServiceUrlToLoopback: boolean;
}

function checkServiceUrl(req: Request, restrict: boolean): void {
  const body = req.body as { serviceUrl?: unknown; deliveryMode?: unknown } | undefined;
  if (!restrict || body?.deliveryMode === 'expectReplies') return;
  if (typeof body?.serviceUrl !== 'string' || !LOOPBACK_SERVICE_URL.test(body.serviceUrl)) {
    throw new HttpError(400, 'serviceUrl must be a loopback address when the bot runs without MicrosoftAppId');
  }
}

export function apiMessagesRouter(options: ApiMessagesOptions): Router {
  const router = Router();
  router.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    checkServiceUrl(req, options.restrictServiceUrlToLoopback);
    await options.adapter.process(req, res, (context) => options.bot.run(context));
  });
  return router;
}
