// Direct Line tokens: bound to one conversation, expiring, refreshable, and not forgeable without the secret.
import { describe, expect, it } from 'vitest';
import { DirectLineTokens } from '../../src/channels/direct-line/direct-line-tokens.js';

const SECRET = 'a-direct-line-secret-of-at-least-32-chars';

describe('DirectLineTokens', () => {
  it('carries the conversation, the user and the merchant', () => {
    const tokens = new DirectLineTokens(SECRET, () => 1_000);
    const { token, expiresIn } = tokens.conversationToken({ conversationId: 'c1', id: 'dl_u', name: '张记', merchant: { id: 'M1', name: '张记' }, locale: 'zh-CN' });
    expect(expiresIn).toBe(1800);
    expect(tokens.checkConversationToken(token)).toEqual({ ok: true, claims: { conversationId: 'c1', id: 'dl_u', name: '张记', merchant: { id: 'M1', name: '张记' }, locale: 'zh-CN' } });
  });

  it('expires after its lifetime', () => {
    let now = 1_000;
    const tokens = new DirectLineTokens(SECRET, () => now);
    const { token } = tokens.conversationToken({ conversationId: 'c1', id: 'dl_u' });
    now += 1799;
    expect(tokens.checkConversationToken(token).ok).toBe(true);
    now += 2;
    expect(tokens.checkConversationToken(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed with another secret, and a stream token used as a conversation token', () => {
    const mine = new DirectLineTokens(SECRET, () => 1_000);
    const theirs = new DirectLineTokens('another-secret-of-at-least-32-characters', () => 1_000);
    const foreign = theirs.conversationToken({ conversationId: 'c1', id: 'dl_u' }).token;
    expect(mine.checkConversationToken(foreign)).toEqual({ ok: false, reason: 'invalid' });
    expect(mine.checkConversationToken(mine.streamToken({ conversationId: 'c1', id: 'dl_u' }))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('lets stream tokens live 60 seconds only', () => {
    let now = 1_000;
    const tokens = new DirectLineTokens(SECRET, () => now);
    const stream = tokens.streamToken({ conversationId: 'c1', id: 'dl_u' });
    now += 61;
    expect(tokens.checkStreamToken(stream)).toEqual({ ok: false, reason: 'expired' });
  });

  it('recognises the secret and gives merchants stable pseudonymous user ids', () => {
    const tokens = new DirectLineTokens(SECRET, () => 1_000);
    expect(tokens.isSecret(SECRET)).toBe(true);
    expect(tokens.isSecret(`${SECRET}x`)).toBe(false);
    expect(tokens.userIdForMerchant('M1')).toBe(tokens.userIdForMerchant('M1'));
    expect(tokens.userIdForMerchant('M1')).toMatch(/^dl_m/);
    expect(tokens.userIdForMerchant('M1')).not.toContain('M1');
  });
});
