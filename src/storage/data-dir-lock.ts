// Holds an exclusive lock on DATA_DIR so a second server on the same folder refuses to start.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/** Thrown when another live process holds the data folder. */
export class DataDirBusyError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Another bot server is already using DATA_DIR=${dataDir}. Stop it, or start this one with a different DATA_DIR. ` +
        `(If that server crashed, its lock expires within ${STALE_MS / 1000} seconds.)`,
    );
    this.name = 'DataDirBusyError';
  }
}

const STALE_MS = 10_000;

/**
 * Locks `dataDir` for this process (proper-lockfile: an atomic mkdir refreshed every few seconds, so
 * a crashed holder's lock goes stale). Resolves with the release function. `onLost` runs if the lock
 * is taken away while held (the folder was removed, or the process stalled past the stale time).
 */
export async function lockDataDir(dataDir: string, onLost: (error: Error) => void): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  try {
    return await lockfile.lock(join(dataDir, 'server'), {
      realpath: false,
      stale: STALE_MS,
      update: STALE_MS / 4,
      onCompromised: onLost,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirBusyError(dataDir);
    throw error;
  }
}
