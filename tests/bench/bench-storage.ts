// `npm run bench:storage`: a turn's state write on lowdb with few and with many stored conversations (JSON).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LowdbBotStorage } from '../../src/storage/lowdb-bot-storage.js';

const TURN_STATE = { dialogState: { dialogStack: [{ id: 'collectDetails', state: { report: { description: ['昨晚八点多刷了3千'.repeat(4)] } } }] } };

async function writeCost(stored: number): Promise<{ stored: number; p50Ms: number; p95Ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-storage-'));
  try {
    const storage = await new LowdbBotStorage(join(dir, 'state')).open();
    for (let i = 0; i < stored; i += 1) await storage.write({ [`webchat/conversations/c${i}/`]: TURN_STATE });
    const timings: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const key = `webchat/conversations/c${i % Math.max(stored, 1)}/`;
      const start = performance.now();
      const item = (await storage.read([key]))[key] ?? {};
      await storage.write({ [key]: { ...item, ...TURN_STATE, turn: i } });
      timings.push(performance.now() - start);
    }
    timings.sort((a, b) => a - b);
    const at = (p: number) => Math.round((timings[Math.floor(p * timings.length)] ?? NaN) * 100) / 100;
    return { stored, p50Ms: at(0.5), p95Ms: at(0.95) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const stored of [100, 10_000]) results.push(await writeCost(stored));
console.log(JSON.stringify({ lowdbTurnReadWrite: results }, null, 2));
