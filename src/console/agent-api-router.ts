// The agent API at /api (a contract other tools use): login, the queue and tickets, claim, messages, resolve, live events.
import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AgentStore } from '../core/ports.js';
import type { Ticket } from '../core/tickets/ticket.js';
import { TicketError, type HandoffService } from '../handoff/handoff-service.js';
import { HttpError } from '../http/http-error.js';
import { AgentInputError, putAgent, verifyLogin, type AgentSession, type AgentSessions } from './agent-auth.js';

const STATUSES = new Set(['open', 'assigned', 'waiting_on_merchant', 'resolved', 'closed']);
const MAX_TEXT = 4000;

export interface AgentApiOptions {
  readonly agents: AgentStore;
  readonly sessions: AgentSessions;
  readonly handoff: HandoffService;
  readonly clock: () => Date;
  /** Login attempts per address per minute. */
  readonly loginsPerMinute: number;
  /** The causes an agent may confirm when resolving (id and titles). */
  readonly causes: readonly { readonly id: string; readonly title: { readonly zh: string; readonly en: string } }[];
  /** The desk's time zone, sent with tickets so the console shows merchants' clock times. */
  readonly timeZone: string;
}

type Handler = (req: Request, res: Response, agent: AgentSession) => Promise<void>;

function text(body: unknown, field: string, required: boolean): string | null {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  if (value === undefined || value === null || value === '') {
    if (required) throw new HttpError(400, `"${field}" is required`);
    return null;
  }
  if (typeof value !== 'string' || value.length > MAX_TEXT) throw new HttpError(400, `"${field}" must be a string of at most ${MAX_TEXT} characters`);
  return value;
}

/** What agents see of a ticket: everything but the raw conversation reference. */
function view(ticket: Ticket, timeZone: string) {
  const { link, ...rest } = ticket;
  return { ...rest, channel: link.channel, conversationId: link.conversationId, timeZone };
}

export function agentApiRouter(options: AgentApiOptions): Router {
  const router = Router();
  const { agents, sessions, handoff } = options;
  const show = (ticket: Ticket) => view(ticket, options.timeZone);
  const json = express.json({ limit: '32kb' });

  const authed =
    (handler: Handler, role: 'agent' | 'admin' = 'agent'): RequestHandler =>
    (req: Request, res: Response, next: NextFunction) => {
      const token = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? (typeof req.query.token === 'string' ? req.query.token : '');
      const agent = token ? sessions.check(token) : null;
      if (!agent) return next(new HttpError(401, 'log in first: Authorization: Bearer <token from POST /api/agent/login>'));
      if (role === 'admin' && agent.role !== 'admin') return next(new HttpError(403, 'only an admin may do this'));
      handler(req, res, agent).catch((error: unknown) => next(error instanceof TicketError ? new HttpError(error.status, error.message) : error));
    };

  const loginLimit = rateLimit({
    windowMs: 60_000,
    limit: options.loginsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ error: 'too many login attempts; wait a minute' });
    },
  });

  router.post('/api/agent/login', loginLimit, json, (req, res, next) => {
    const name = text(req.body, 'name', true)!;
    const password = text(req.body, 'password', true)!;
    verifyLogin(agents, name, password)
      .then((account) => {
        if (!account) throw new HttpError(401, 'wrong name or password');
        res.json({ token: sessions.issue({ name: account.name, role: account.role }), name: account.name, role: account.role });
      })
      .catch(next);
  });

  router.get('/api/tickets', authed(async (req, res) => {
    const status = typeof req.query.status === 'string' ? req.query.status : undefined;
    if (status !== undefined && !STATUSES.has(status)) throw new HttpError(400, `"status" must be one of ${[...STATUSES].join(', ')}`);
    const tickets = status === 'open' ? await handoff.queue() : await handoff.list(status as Ticket['status'] | undefined);
    res.json({ tickets: tickets.map(show) });
  }));

  router.get('/api/tickets/:id', authed(async (req, res) => {
    res.json(show(await handoff.get(String(req.params.id))));
  }));

  router.post('/api/tickets/:id/claim', authed(async (req, res, agent) => {
    const account = await agents.get(agent.name);
    res.json(show(await handoff.claim(String(req.params.id), agent.name, account?.maxOpen ?? 5)));
  }));

  router.post('/api/tickets/:id/messages', json, authed(async (req, res, agent) => {
    const body = text(req.body, 'text', true)!;
    const isPrivate = (req.body as { private?: unknown }).private === true;
    res.json(show(await handoff.agentMessage(String(req.params.id), agent.name, body, isPrivate)));
  }));

  router.post('/api/tickets/:id/resolve', json, authed(async (req, res, agent) => {
    const note = text(req.body, 'note', true)!;
    const cause = text(req.body, 'cause', false);
    if (cause !== null && !options.causes.some((c) => c.id === cause)) throw new HttpError(400, `"cause" must be a cause id from the knowledge base`);
    res.json(show(await handoff.resolve(String(req.params.id), agent.name, note, cause)));
  }));

  router.post('/api/tickets/:id/status', json, authed(async (req, res, agent) => {
    const status = text(req.body, 'status', true)!;
    if (!STATUSES.has(status)) throw new HttpError(400, `"status" must be one of ${[...STATUSES].join(', ')}`);
    res.json(show(await handoff.setStatus(String(req.params.id), agent.name, status as Ticket['status'])));
  }));

  router.post('/api/tickets/:id/hand-back', authed(async (req, res, agent) => {
    res.json(show(await handoff.handBack(String(req.params.id), agent.name)));
  }));

  router.get('/api/causes', authed(async (_req, res) => {
    res.json({ causes: options.causes.map((c) => ({ id: c.id, title: c.title })) });
  }));

  router.get('/api/agents', authed(async (_req, res) => {
    res.json({ agents: (await agents.list()).map(({ name, role, maxOpen, createdAt }) => ({ name, role, maxOpen, createdAt })) });
  }, 'admin'));

  router.post('/api/agents', json, authed(async (req, res) => {
    const role = (req.body as { role?: unknown }).role === 'admin' ? 'admin' : 'agent';
    const maxOpen = Number((req.body as { maxOpen?: unknown }).maxOpen ?? 5);
    if (!Number.isInteger(maxOpen) || maxOpen < 1 || maxOpen > 50) throw new HttpError(400, '"maxOpen" must be a whole number from 1 to 50');
    try {
      const account = await putAgent(agents, { name: text(req.body, 'name', true)!, password: text(req.body, 'password', true)!, role, maxOpen }, options.clock());
      res.status(201).json({ name: account.name, role: account.role, maxOpen: account.maxOpen });
    } catch (error) {
      if (error instanceof AgentInputError) throw new HttpError(400, error.message);
      throw error;
    }
  }, 'admin'));

  // Live updates for the console: server-sent events, one 'ticket' event per change.
  let listeners = 0;
  handoff.countAgentsWith(() => Math.max(1, listeners));
  router.get('/api/events', authed(async (req, res) => {
    res.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.flushHeaders();
    listeners += 1;
    const send = (ticket: Ticket) => res.write(`event: ticket\ndata: ${JSON.stringify(show(ticket))}\n\n`);
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    handoff.events.on('ticket', send);
    req.on('close', () => {
      listeners -= 1;
      clearInterval(ping);
      handoff.events.off('ticket', send);
    });
  }));

  return router;
}
