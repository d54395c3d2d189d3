// The Direct Line 3.0 REST surface at /v3/directline, for the unmodified DirectLineJS and Web Chat clients.
import express, { Router, type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { DirectLineError } from './direct-line-errors.js';
import type { DirectLineService } from './direct-line-service.js';
import type { ConversationClaims, DirectLineTokens } from './direct-line-tokens.js';
import { readUpload } from './read-upload.js';
import type { UploadStore } from './upload-store.js';

/** Largest activity accepted (Direct Line's limit is 256K characters). */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

type Auth = { readonly kind: 'secret' } | { readonly kind: 'token'; readonly claims: ConversationClaims };

function bearer(req: Request): string {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match) throw new DirectLineError(401, 'MissingAuthorization', 'Authorization: Bearer <secret or token> is required');
  return match[1]!.trim();
}

function authenticate(req: Request, tokens: DirectLineTokens): Auth {
  const credential = bearer(req);
  if (tokens.isSecret(credential)) return { kind: 'secret' };
  const check = tokens.checkConversationToken(credential);
  if (!check.ok) throw new DirectLineError(403, check.reason === 'expired' ? 'TokenExpired' : 'BadToken', check.reason === 'expired' ? 'the token has expired' : 'the token is not valid');
  return { kind: 'token', claims: check.claims };
}

/** The conversation a request may act on: its token's own, or any existing one for the secret. */
async function conversationFor(req: Request, tokens: DirectLineTokens, service: DirectLineService): Promise<ConversationClaims> {
  const auth = authenticate(req, tokens);
  const id = String(req.params.conversationId ?? '');
  if (auth.kind === 'token' && auth.claims.conversationId !== id) throw new DirectLineError(403, 'BadToken', 'the token is for another conversation');
  const conversation = await service.exists(id);
  if (!conversation) throw new DirectLineError(404, 'NotFound', `conversation ${id} does not exist`);
  return auth.kind === 'token' ? auth.claims : { conversationId: id, ...conversation.user, ...(conversation.merchant ? { merchant: conversation.merchant } : {}) };
}

function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

function streamUrl(req: Request, claims: ConversationClaims, tokens: DirectLineTokens, watermark: string): string {
  const ws = req.protocol === 'https' ? 'wss' : 'ws';
  const t = encodeURIComponent(tokens.streamToken(claims));
  return `${ws}://${req.get('host') ?? 'localhost'}/v3/directline/conversations/${encodeURIComponent(claims.conversationId)}/stream?watermark=${watermark}&t=${t}`;
}

function watermarkOf(req: Request): number {
  const raw = typeof req.query.watermark === 'string' ? req.query.watermark : '';
  const value = Number.parseInt(raw, 10);
  return Number.isFinite(value) && value >= 0 ? value : 0;
}

const handle =
  (work: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req: Request, res: Response, next: NextFunction) => {
    work(req, res).catch(next);
  };

/** The user a secret-holder named when generating a token or starting a conversation (`dl_` prefixed). */
function userFromBody(body: unknown, tokens: DirectLineTokens): { id: string; name?: string } {
  const user = (body as { user?: { id?: unknown; name?: unknown } } | undefined)?.user;
  if (typeof user?.id !== 'string' || user.id.length === 0) return { id: tokens.anonymousUserId() };
  const id = user.id.startsWith('dl_') ? user.id : `dl_${user.id}`;
  return typeof user.name === 'string' ? { id, name: user.name } : { id };
}

export function directLineRouter(tokens: DirectLineTokens, service: DirectLineService, uploads: UploadStore): Router {
  const router = Router();
  router.use('/v3/directline', express.json({ limit: MAX_ACTIVITY_BYTES }));

  router.post('/v3/directline/tokens/generate', handle(async (req, res) => {
    if (authenticate(req, tokens).kind !== 'secret') throw new DirectLineError(403, 'BadToken', 'generating a token needs the Direct Line secret');
    const claims = { conversationId: tokens.newConversationId(), ...userFromBody(req.body, tokens) };
    const { token, expiresIn } = tokens.conversationToken(claims);
    res.json({ conversationId: claims.conversationId, token, expires_in: expiresIn });
  }));

  router.post('/v3/directline/tokens/refresh', handle(async (req, res) => {
    const auth = authenticate(req, tokens);
    if (auth.kind !== 'token') throw new DirectLineError(403, 'BadToken', 'only a token can be refreshed');
    const { token, expiresIn } = tokens.conversationToken(auth.claims);
    res.json({ conversationId: auth.claims.conversationId, token, expires_in: expiresIn });
  }));

  router.post('/v3/directline/conversations', handle(async (req, res) => {
    const auth = authenticate(req, tokens);
    const claims = auth.kind === 'token' ? auth.claims : { conversationId: tokens.newConversationId(), ...userFromBody(req.body, tokens) };
    const locale = typeof (req.body as { locale?: unknown } | undefined)?.locale === 'string' ? (req.body as { locale: string }).locale : undefined;
    const created = await service.start(claims, origin(req), locale);
    const { token, expiresIn } = tokens.conversationToken(claims);
    // The stream replays what was sent between now and the socket opening (the bot's greeting, for one).
    const from = created ? 0 : await service.watermark(claims.conversationId);
    res.status(created ? 201 : 200).json({ conversationId: claims.conversationId, token, expires_in: expiresIn, streamUrl: streamUrl(req, claims, tokens, String(from)) });
  }));

  router.get('/v3/directline/conversations/:conversationId', handle(async (req, res) => {
    const claims = await conversationFor(req, tokens, service);
    const { token, expiresIn } = tokens.conversationToken(claims);
    const watermark = typeof req.query.watermark === 'string' && /^\d+$/.test(req.query.watermark) ? req.query.watermark : String(await service.watermark(claims.conversationId));
    res.json({ conversationId: claims.conversationId, token, expires_in: expiresIn, streamUrl: streamUrl(req, claims, tokens, watermark) });
  }));

  router.get('/v3/directline/conversations/:conversationId/activities', handle(async (req, res) => {
    const claims = await conversationFor(req, tokens, service);
    const { activities, watermark } = await service.read(claims.conversationId, watermarkOf(req));
    res.json({ activities, watermark: String(watermark) });
  }));

  router.post('/v3/directline/conversations/:conversationId/activities', handle(async (req, res) => {
    const claims = await conversationFor(req, tokens, service);
    try {
      res.json({ id: await service.post(claims, req.body, origin(req)) });
    } catch (error) {
      throw new DirectLineError(400, 'BadArgument', (error as Error).message);
    }
  }));

  router.post('/v3/directline/conversations/:conversationId/upload', handle(async (req, res) => {
    const claims = await conversationFor(req, tokens, service);
    const upload = await readUpload(req, claims.conversationId, uploads);
    const activity = upload.activity ?? { type: 'message' };
    const attachments = upload.attachments.map((a) => ({ ...a, contentUrl: `${origin(req)}${a.contentUrl}` }));
    try {
      res.json({ id: await service.post(claims, activity, origin(req), attachments) });
    } catch (error) {
      throw new DirectLineError(400, 'BadArgument', (error as Error).message);
    }
  }));

  router.get('/v3/directline/attachments/:conversationId/:file', handle(async (req, res) => {
    const found = await uploads.read(String(req.params.conversationId), String(req.params.file), String(req.query.sig ?? ''));
    if (!found) throw new DirectLineError(404, 'NotFound', 'no such attachment');
    res.type(found.contentType).set('Content-Disposition', 'attachment').send(found.data);
  }));

  const onError: ErrorRequestHandler = (err: unknown, _req, res, next) => {
    if (err instanceof DirectLineError) return err.send(res);
    const status = (err as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return new DirectLineError(400, 'BadArgument', status === 413 ? `the activity is larger than ${MAX_ACTIVITY_BYTES} bytes` : 'the body is not valid JSON').send(res);
    }
    next(err);
  };
  router.use('/v3/directline', onError);
  return router;
}
