// The agent console page at /console: static files under a strict Content-Security-Policy.
import { join } from 'node:path';
import express, { Router } from 'express';
import { projectRoot } from '../shared/project-root.js';

/** Scripts and styles from our origin only; merchant text is rendered as text, so nothing inline is needed. */
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export function consolePagesRouter(): Router {
  const router = Router();
  const dir = join(projectRoot(), 'src', 'console', 'public');
  router.use('/console', (_req, res, next) => {
    res.set({ 'Content-Security-Policy': CONSOLE_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
    next();
  });
  router.get('/console', (_req, res) => res.sendFile(join(dir, 'console.html')));
  router.use('/console', express.static(dir, { index: false }));
  return router;
}
