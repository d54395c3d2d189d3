// POST /api/widget/token: a Direct Line token for the web widget, carrying the merchant when the portal vouches for it.
import express, { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '../../http/http-error.js';
import type { ConversationClaims, DirectLineTokens } from '../direct-line/direct-line-tokens.js';

const MERCHANT_ID = /^[0-9A-Za-z_-]{1,64}$/;
const LOCALES = new Set(['zh-CN', 'en-US']);

/** The optional `locale` of a token request; anything else is a 400. */
function localeOf(body: unknown): { locale?: string } {
  const locale = (body as { locale?: unknown } | undefined)?.locale;
  if (locale === undefined) return {};
  if (typeof locale !== 'string' || !LOCALES.has(locale)) throw new HttpError(400, '"locale" must be zh-CN or en-US');
  return { locale };
}

export interface WidgetTokenOptions {
  readonly tokens: DirectLineTokens;
  /** Anonymous tokens per client address per minute. */
  readonly anonymousPerMinute: number;
}

function merchantClaims(body: unknown, tokens: DirectLineTokens): ConversationClaims {
  const { merchantId, name } = (body ?? {}) as { merchantId?: unknown; name?: unknown };
  if (typeof merchantId !== 'string' || !MERCHANT_ID.test(merchantId)) {
    throw new HttpError(400, '"merchantId" must be 1–64 letters, digits, "_" or "-"');
  }
  if (name !== undefined && (typeof name !== 'string' || name.length > 64)) throw new HttpError(400, '"name" must be a string of at most 64 characters');
  const merchant = { id: merchantId, ...(typeof name === 'string' && name ? { name } : {}) };
  return {
    conversationId: tokens.newConversationId(),
    id: tokens.userIdForMerchant(merchantId),
    ...(merchant.name ? { name: merchant.name } : {}),
    merchant,
  };
}

/**
 * With `Authorization: Bearer <DIRECT_LINE_SECRET>` (the acquirer portal's backend) and
 * `{merchantId, name?, locale?}`: a token for that merchant. Without Authorization: an anonymous token
 * (rate-limited per address). A wrong secret is 403. Answers `{conversationId, token, expires_in, userId}`.
 */
export function widgetTokenRouter(options: WidgetTokenOptions): Router {
  const router = Router();
  const anonymousLimit = rateLimit({
    windowMs: 60_000,
    limit: options.anonymousPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req: Request) => Boolean(req.get('authorization')),
    handler: (_req, res) => {
      res.status(429).json({ error: 'too many token requests; try again in a minute' });
    },
  });
  router.post('/api/widget/token', express.json({ limit: '4kb' }), anonymousLimit, (req, res) => {
    const { tokens } = options;
    const header = req.get('authorization');
    let claims: ConversationClaims;
    if (header) {
      const secret = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
      if (!tokens.isSecret(secret)) throw new HttpError(403, 'the secret is not valid');
      claims = { ...merchantClaims(req.body, tokens), ...localeOf(req.body) };
    } else {
      claims = { conversationId: tokens.newConversationId(), id: tokens.anonymousUserId(), ...localeOf(req.body) };
    }
    const { token, expiresIn } = tokens.conversationToken(claims);
    res.json({ conversationId: claims.conversationId, token, expires_in: expiresIn, userId: claims.id });
  });
  return router;
}
