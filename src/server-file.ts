// DATA_DIR/server.json: where the server that holds the folder listens, so the terminal chat can join it.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SERVER_FILE = 'server.json';

/** Writes the server's address into its data folder; resolves with the function that removes it at shutdown. */
export async function advertiseServer(dataDir: string, url: string): Promise<() => Promise<void>> {
  const path = join(dataDir, SERVER_FILE);
  await writeFile(path, JSON.stringify({ url }), { mode: 0o600 });
  return () => rm(path, { force: true });
}
