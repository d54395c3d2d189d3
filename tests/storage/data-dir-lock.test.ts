// The DATA_DIR lock: a live holder refuses a second process; a dead holder's lock is taken over at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from '../../src/storage/data-dir-lock.js';
import { tempDir } from '../support/bot-harness.js';

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;
}

describe('the data folder lock', () => {
  it('refuses a second holder while the first lives, naming it, and frees the folder on release', async () => {
    const dir = tempDir();
    const release = await lockDataDir(dir, 'first server');
    const second = lockDataDir(dir, 'second server');
    await expect(second).rejects.toBeInstanceOf(DataDirBusyError);
    await expect(second).rejects.toThrow(new RegExp(`pid ${process.pid} .*first server`));
    await release();
    const again = await lockDataDir(dir, 'second server');
    await again();
  });

  it('takes over at once from a holder that was killed', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'server.lock'), JSON.stringify({ pid: deadPid(), started: '1', host: hostname(), label: 'killed server' }));
    const release = await lockDataDir(dir, 'restarted server');
    expect(JSON.parse(readFileSync(join(dir, 'server.lock'), 'utf8'))).toMatchObject({ pid: process.pid, label: 'restarted server' });
    await release();
    expect(existsSync(join(dir, 'server.lock'))).toBe(false);
  });

  it('takes over from a live pid that is another program (the start time differs) and from a torn lock file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'server.lock'), JSON.stringify({ pid: process.pid, started: 'not-this-process', host: hostname(), label: 'old' }));
    await (await lockDataDir(dir, 'new'))();
    writeFileSync(join(dir, 'server.lock'), '{"pid": 12');
    await (await lockDataDir(dir, 'new'))();
  });

  it('creates the folder and the lock readable by its owner only', async () => {
    const dir = join(tempDir(), 'data');
    const release = await lockDataDir(dir, 'server');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'server.lock')).mode & 0o777).toBe(0o600);
    await release();
  });
});
