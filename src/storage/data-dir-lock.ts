// Holds an exclusive lock on DATA_DIR so a second server on the same folder refuses to start, and a dead holder's lock is taken over at once.
import { readFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who holds a data folder: enough to tell whether that process still lives. */
export interface LockHolder {
  readonly pid: number;
  /** The process's start time as the OS counts it (/proc/<pid>/stat), or null where it cannot be read. */
  readonly started: string | null;
  readonly host: string;
  /** What the holder is (the server's address, "terminal chat"), for the message a second starter sees. */
  readonly label: string;
}

/** Thrown when another live process holds the data folder. */
export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `Another process (pid ${holder.pid} on ${holder.host}: ${holder.label}) is using DATA_DIR=${dataDir}. ` +
        'Stop it, or start this one with a different DATA_DIR.',
    );
    this.name = 'DataDirBusyError';
  }
}

const LOCK_FILE = 'server.lock';

/** The start time of process `pid` (field 22 of /proc/<pid>/stat, in clock ticks since boot), or null off Linux. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** True when `holder` is a process that still runs: same host, pid alive, and (where known) the same start time. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // another machine (a shared folder): assume it lives
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = startTimeOf(holder.pid);
  return holder.started === null || started === null || started === holder.started;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    return typeof value.pid === 'number' && typeof value.host === 'string' ? { pid: value.pid, started: value.started ?? null, host: value.host, label: value.label ?? '' } : null;
  } catch {
    return null;
  }
}

/**
 * Locks `dataDir` for this process: `server.lock` is created exclusively and names this process (pid
 * and OS start time). A lock whose holder no longer runs (killed, crashed, the machine rebooted and
 * the pid reused by another program) is taken over at once; a live holder's is refused with
 * DataDirBusyError. Resolves with the release function. `label` says what holds it.
 */
export async function lockDataDir(dataDir: string, label: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, started: startTimeOf(process.pid), host: hostname(), label };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const file = await open(path, 'wx', 0o600);
      await file.writeFile(JSON.stringify(me));
      await file.close();
      return async () => {
        const current = parseHolder(await readFile(path, 'utf8').catch(() => ''));
        if (current?.pid === me.pid && current.host === me.host) await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null) continue; // released meanwhile
    const holder = parseHolder(text);
    if (holder && isAlive(holder)) throw new DataDirBusyError(dataDir, holder);
    // A dead holder (or a torn file from a crash while writing it): move it aside, unless someone else already did.
    const aside = `${path}.stale-${process.pid}`;
    await rename(path, aside).catch(() => undefined);
    const moved = await readFile(aside, 'utf8').catch(() => null);
    if (moved !== null && moved !== text) await rename(aside, path).catch(() => undefined); // not the one judged dead: put it back
    await rm(aside, { force: true });
  }
  throw new Error(`could not take the lock on ${dataDir}: it keeps changing hands`);
}
