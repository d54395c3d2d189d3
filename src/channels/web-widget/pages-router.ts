// The merchant-facing pages: /chat (full page), /widget.js (embeddable launcher), / (demo portal), Web Chat's bundle.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { Router, type Response } from 'express';
import { projectRoot } from '../../shared/project-root.js';
import type { DirectLineTokens } from '../direct-line/direct-line-tokens.js';

/** Only our own origin: scripts and connections; Web Chat styles itself with inline <style>. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors *",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const DEMO_MERCHANT = { id: 'DEMO-822100058120001', name: '演示商户' };

function webChatBundle(): string {
  // botframework-webchat's exports map hides dist/; its main entry sits in lib/, beside dist/.
  const main = createRequire(import.meta.url).resolve('botframework-webchat');
  return join(dirname(main), '..', 'dist', 'webchat.js');
}

export interface PagesOptions {
  readonly tokens: DirectLineTokens;
  /** Serve the demo portal at / and its demo-merchant token route. */
  readonly demoPortal: boolean;
}

export function pagesRouter(options: PagesOptions): Router {
  const router = Router();
  const publicDir = join(projectRoot(), 'src', 'channels', 'web-widget', 'public');
  const page = (file: string) => (_req: unknown, res: Response) => {
    res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY).sendFile(join(publicDir, file));
  };
  router.get('/chat', page('chat.html'));
  if (options.demoPortal) {
    router.get('/', page('portal.html'));
    router.post('/demo/merchant-token', (_req, res) => {
      const claims = {
        conversationId: options.tokens.newConversationId(),
        id: options.tokens.userIdForMerchant(DEMO_MERCHANT.id),
        name: DEMO_MERCHANT.name,
        merchant: DEMO_MERCHANT,
        locale: 'zh-CN',
      };
      const { token, expiresIn } = options.tokens.conversationToken(claims);
      res.json({ conversationId: claims.conversationId, token, expires_in: expiresIn, userId: claims.id });
    });
  }
  router.get('/favicon.ico', (_req, res) => res.status(204).end());
  router.get('/webchat/webchat.js', (_req, res) => res.set('Cache-Control', 'public, max-age=86400').sendFile(webChatBundle()));
  router.use(express.static(publicDir, { index: false, extensions: [] }));
  return router;
}
