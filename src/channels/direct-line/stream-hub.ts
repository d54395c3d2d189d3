// The Direct Line WebSocket streams: one socket per conversation, ActivitySet frames, replay from a watermark.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TranscriptActivity, TranscriptStore } from '../../core/ports.js';
import type { DirectLineTokens } from './direct-line-tokens.js';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
/** Empty frames keep proxies from closing an idle socket (the client ignores them). */
const KEEP_ALIVE_MS = 20_000;

/**
 * Accepts WebSocket upgrades on `/v3/directline/conversations/{id}/stream?t=<stream token>&watermark=<n>`,
 * replays the transcript after the watermark, then pushes every new activity as `{activities, watermark}`.
 * A second socket for the same conversation replaces the first (closed with reason "collision").
 */
export class StreamHub {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sockets = new Map<string, WebSocket>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor(
    private readonly tokens: DirectLineTokens,
    private readonly transcripts: TranscriptStore,
  ) {
    this.keepAlive = setInterval(() => {
      for (const socket of this.sockets.values()) if (socket.readyState === socket.OPEN) socket.send('');
    }, KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  /** Handles an HTTP upgrade; returns false when the path is not a Direct Line stream (someone else's upgrade). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return false;
    const conversationId = decodeURIComponent(match[1]!);
    const check = this.tokens.checkStreamToken(url.searchParams.get('t') ?? '');
    if (!check.ok || check.claims.conversationId !== conversationId) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return true;
    }
    const watermark = Number.parseInt(url.searchParams.get('watermark') ?? '', 10);
    this.server.handleUpgrade(request, socket, head, (ws) => void this.attach(conversationId, ws, Number.isFinite(watermark) ? watermark : null));
    return true;
  }

  /** Sends activities to the conversation's socket, if one is open. */
  push(conversationId: string, activities: readonly TranscriptActivity[], watermark: number | null): void {
    const socket = this.sockets.get(conversationId);
    if (socket?.readyState === socket?.OPEN) socket?.send(JSON.stringify({ activities, ...(watermark !== null ? { watermark: String(watermark) } : {}) }));
  }

  /** Closes every socket (server shutdown). */
  close(): void {
    clearInterval(this.keepAlive);
    for (const socket of this.sockets.values()) socket.close(1001, 'server shutting down');
    this.server.close();
  }

  private async attach(conversationId: string, ws: WebSocket, watermark: number | null): Promise<void> {
    const previous = this.sockets.get(conversationId);
    this.sockets.set(conversationId, ws);
    previous?.close(4000, 'collision');
    ws.on('close', () => {
      if (this.sockets.get(conversationId) === ws) this.sockets.delete(conversationId);
    });
    ws.on('message', () => undefined); // client keep-alives
    if (watermark !== null) {
      const backlog = await this.transcripts.since(conversationId, watermark);
      if (backlog.activities.length > 0) ws.send(JSON.stringify({ activities: backlog.activities, watermark: String(backlog.watermark) }));
    }
  }
}
