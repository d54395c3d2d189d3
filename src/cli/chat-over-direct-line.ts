// `cli chat` while a server holds DATA_DIR: the terminal becomes a Direct Line client of that server, so its tickets are the desk's.
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import WebSocket from 'ws';
import { saveConversation, savedConversation } from './terminal-chat-state.js';

export interface DirectLineChat {
  readonly url: string;
  readonly secret: string;
  readonly dataDir: string;
  readonly locale?: string;
  readonly fresh: boolean;
}

interface Frame {
  readonly activities?: readonly { type?: string; text?: string; from?: { role?: string }; suggestedActions?: { actions?: readonly { title?: string }[] } }[];
}

const USER = 'terminal-merchant';

/**
 * Opens (or resumes) a Direct Line conversation on the running server with the secret, prints the
 * bot's and agents' messages as they stream in, and posts each line typed. Resolves when stdin ends
 * or the merchant types /quit.
 */
export async function chatOverDirectLine(chat: DirectLineChat, io: { stdin: Readable; stdout: Writable }): Promise<void> {
  const auth = { authorization: `Bearer ${chat.secret}`, 'content-type': 'application/json' };
  const resumed = await savedConversation(chat.dataDir, 'directline', chat.fresh);
  const opened = resumed ? await fetch(`${chat.url}/v3/directline/conversations/${encodeURIComponent(resumed)}`, { headers: auth }) : null;
  const response = opened?.ok ? opened : await fetch(`${chat.url}/v3/directline/conversations`, { method: 'POST', headers: auth, body: JSON.stringify({ user: { id: USER }, ...(chat.locale ? { locale: chat.locale } : {}) }) });
  if (!response.ok) throw new Error(`the server at ${chat.url} refused the chat (${response.status})`);
  const { conversationId, streamUrl } = (await response.json()) as { conversationId: string; streamUrl: string };
  await saveConversation(chat.dataDir, 'directline', conversationId);
  io.stdout.write(`(chatting with the server at ${chat.url}; its help desk sees this conversation)\n`);

  const socket = new WebSocket(streamUrl);
  socket.on('message', (data: Buffer) => {
    if (data.length === 0) return;
    for (const activity of (JSON.parse(data.toString('utf8')) as Frame).activities ?? []) {
      if (activity.type !== 'message' || activity.from?.role === 'user') continue;
      const buttons = activity.suggestedActions?.actions?.map((a) => `[${a.title}]`).join(' ');
      io.stdout.write(`\nbot> ${(activity.text ?? '').replace(/\n/g, '\n     ')}${buttons ? `\n     ${buttons}` : ''}\nyou> `);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const lines = createInterface({ input: io.stdin, terminal: false });
  io.stdout.write('you> ');
  for await (const line of lines) {
    if (/^\/(quit|exit)$/.test(line.trim())) break;
    if (line.trim().length === 0) continue;
    const posted = await fetch(`${chat.url}/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', text: line, from: { id: `dl_${USER}` }, ...(chat.locale ? { locale: chat.locale } : {}) }),
    });
    if (!posted.ok) io.stdout.write(`(not sent: ${posted.status})\nyou> `);
  }
  socket.close();
  io.stdout.write('\n');
}
