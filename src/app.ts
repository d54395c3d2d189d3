// Builds the express app: routers (each parses its own bodies), health check, one JSON error handler. Never listens.
import express, { type ErrorRequestHandler, type Router } from 'express';
import { HttpError } from './http/http-error.js';
import type { Logger } from './shared/logger.js';

export interface AppOptions {
  readonly routers: readonly Router[];
  readonly logger: Logger;
  /** Answers /healthz: true once storage and the bot are ready. */
  readonly isReady: () => boolean;
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    const ready = options.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'starting' });
  });
  for (const router of options.routers) app.use(router);
  app.use((_req, _res, next) => next(new HttpError(404, 'not found')));
  const onError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
    const status = err instanceof HttpError ? err.status : bodyParserStatus(err) ?? 500;
    const message = status === 500 ? 'internal error' : err instanceof Error ? err.message : 'bad request';
    if (status === 500) options.logger.error({ err }, 'request failed');
    if (!res.headersSent) res.status(status).json({ error: message });
  };
  app.use(onError);
  return app;
}

/** express.json() errors carry a status (400 malformed JSON, 413 too large). */
function bodyParserStatus(err: unknown): number | null {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}
