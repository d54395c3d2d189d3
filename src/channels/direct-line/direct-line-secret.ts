// The Direct Line secret: DIRECT_LINE_SECRET, or one generated once and kept in DATA_DIR so tokens survive restarts.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Returns the configured secret, else the one stored in `dataDir` (created, mode 0600, on first start). */
export async function directLineSecret(configured: string | undefined, dataDir: string): Promise<{ secret: string; generated: boolean }> {
  if (configured) return { secret: configured, generated: false };
  const path = join(dataDir, 'direct-line.secret');
  try {
    const stored = (await readFile(path, 'utf8')).trim();
    if (stored.length >= 32) return { secret: stored, generated: false };
  } catch {
    // not there yet
  }
  const secret = randomBytes(32).toString('base64url');
  await writeFile(path, `${secret}\n`, { mode: 0o600 });
  return { secret, generated: true };
}
