// Which conversation the terminal chat resumes: kept in DATA_DIR/terminal-chat.json, one per way of chatting.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

type Mode = 'terminal' | 'directline';
type Saved = Partial<Record<Mode, string>>;

const fileOf = (dataDir: string) => join(dataDir, 'terminal-chat.json');

async function read(dataDir: string): Promise<Saved> {
  try {
    return JSON.parse(await readFile(fileOf(dataDir), 'utf8')) as Saved;
  } catch {
    return {};
  }
}

/** The conversation to resume for `mode`, or null (none yet, or the merchant asked for a new one). */
export async function savedConversation(dataDir: string, mode: Mode, fresh: boolean): Promise<string | null> {
  return fresh ? null : ((await read(dataDir))[mode] ?? null);
}

/** Remembers the conversation for next time. */
export async function saveConversation(dataDir: string, mode: Mode, conversationId: string): Promise<void> {
  await writeFile(fileOf(dataDir), JSON.stringify({ ...(await read(dataDir)), [mode]: conversationId }), { mode: 0o600 });
}

/** A new terminal conversation id. */
export const newTerminalConversationId = (): string => `terminal-${randomBytes(6).toString('base64url')}`;
