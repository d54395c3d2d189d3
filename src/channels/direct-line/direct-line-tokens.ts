// Direct Line tokens: HS256 JWTs bound to one conversation, with the user (and merchant) they speak for.
import { createHmac, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** Who a token speaks for. `id` starts with `dl_` (Web Chat and DirectLineJS read it from the `user` claim). */
export interface DirectLineUser {
  readonly id: string;
  readonly name?: string;
  /** Set when the acquirer's portal vouched for the merchant (POST /api/widget/token with the secret). */
  readonly merchant?: { readonly id: string; readonly name?: string };
  /** The page's language (zh-CN, en-US), so the bot greets in it before the merchant writes. */
  readonly locale?: string;
}

export interface ConversationClaims extends DirectLineUser {
  readonly conversationId: string;
}

export type TokenCheck =
  | { readonly ok: true; readonly claims: ConversationClaims }
  | { readonly ok: false; readonly reason: 'expired' | 'invalid' };

/** Token lifetime (Azure's, and what DirectLineJS assumes: it refreshes at half of it). */
export const TOKEN_TTL_SECONDS = 30 * 60;
/** How long a stream URL may wait before the WebSocket connects. */
export const STREAM_TTL_SECONDS = 60;

interface TokenPayload {
  typ: 'conversation' | 'stream';
  conv: string;
  user: string;
  name?: string;
  merchant?: { id: string; name?: string };
  locale?: string;
}

/**
 * Issues and checks tokens with a key derived from the Direct Line secret, so tokens survive a
 * restart as long as the secret does. `now` is injected (seconds since the epoch) so expiry is testable.
 */
export class DirectLineTokens {
  private readonly key: Buffer;

  constructor(
    private readonly secret: string,
    private readonly nowSeconds: () => number,
    private readonly ttlSeconds = TOKEN_TTL_SECONDS,
  ) {
    this.key = createHmac('sha256', secret).update('direct-line-token-key').digest();
  }

  /** True when `candidate` is the Direct Line secret (constant-time comparison of digests). */
  isSecret(candidate: string): boolean {
    const a = createHmac('sha256', this.key).update(candidate).digest();
    const b = createHmac('sha256', this.key).update(this.secret).digest();
    return a.equals(b);
  }

  /** A new conversation id: opaque and unguessable. */
  newConversationId(): string {
    return randomBytes(12).toString('base64url');
  }

  /** A pseudonymous, stable user id for a merchant id (the real id never appears in the token's user claim). */
  userIdForMerchant(merchantId: string): string {
    return `dl_m${createHmac('sha256', this.key).update(`merchant:${merchantId}`).digest('base64url').slice(0, 22)}`;
  }

  anonymousUserId(): string {
    return `dl_${randomBytes(16).toString('base64url')}`;
  }

  conversationToken(claims: ConversationClaims): { token: string; expiresIn: number } {
    const payload: TokenPayload = { typ: 'conversation', conv: claims.conversationId, user: claims.id };
    if (claims.name) payload.name = claims.name;
    if (claims.merchant) payload.merchant = claims.merchant;
    if (claims.locale) payload.locale = claims.locale;
    return { token: this.sign(payload, this.ttlSeconds), expiresIn: this.ttlSeconds };
  }

  streamToken(claims: ConversationClaims): string {
    return this.sign({ typ: 'stream', conv: claims.conversationId, user: claims.id }, STREAM_TTL_SECONDS);
  }

  checkConversationToken(token: string): TokenCheck {
    return this.check(token, 'conversation');
  }

  checkStreamToken(token: string): TokenCheck {
    return this.check(token, 'stream');
  }

  private sign(payload: TokenPayload, ttl: number): string {
    const iat = this.nowSeconds();
    return jwt.sign({ ...payload, iat, exp: iat + ttl, jti: randomBytes(9).toString('base64url') }, this.key, { algorithm: 'HS256', noTimestamp: true });
  }

  private check(token: string, typ: TokenPayload['typ']): TokenCheck {
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'], clockTimestamp: this.nowSeconds() }) as TokenPayload;
      if (payload.typ !== typ || typeof payload.conv !== 'string' || typeof payload.user !== 'string') return { ok: false, reason: 'invalid' };
      return {
        ok: true,
        claims: {
          conversationId: payload.conv,
          id: payload.user,
          ...(payload.name ? { name: payload.name } : {}),
          ...(payload.merchant ? { merchant: payload.merchant } : {}),
          ...(payload.locale ? { locale: payload.locale } : {}),
        },
      };
    } catch (error) {
      return { ok: false, reason: error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
    }
  }
}
