// One contract suite for every botbuilder Storage the bot may run on: in-memory and lowdb.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { LowdbBotStorage } from '../../src/storage/lowdb-bot-storage.js';
import { tempDir } from '../support/bot-harness.js';

const implementations: [string, () => Promise<Storage>][] = [
  ['MemoryStorage', async () => new MemoryStorage()],
  ['LowdbBotStorage', async () => new LowdbBotStorage(join(tempDir(), 'state')).open()],
];

describe.each(implementations)('%s honours the Storage contract', (_name, create) => {
  it('returns an empty object for unknown keys', async () => {
    const storage = await create();
    expect(await storage.read(['unknown'])).toEqual({});
  });

  it('rejects null keys and null changes', async () => {
    const storage = await create();
    await expect(storage.read(null as unknown as string[])).rejects.toThrow(ReferenceError);
    await expect(storage.write(null as unknown as StoreItems)).rejects.toThrow(ReferenceError);
  });

  it('writes an empty batch without complaint', async () => {
    const storage = await create();
    await expect(storage.write({})).resolves.toBeUndefined();
  });

  it('creates items and gives each an eTag', async () => {
    const storage = await create();
    await storage.write({ a: { count: 1 }, b: { name: 'x' } });
    const items = await storage.read(['a', 'b']);
    expect(items.a).toMatchObject({ count: 1 });
    expect(items.b).toMatchObject({ name: 'x' });
    expect(items.a?.eTag).toBeTruthy();
    expect(items.b?.eTag).toBeTruthy();
  });

  it('round-trips keys made of punctuation, quotes and slashes', async () => {
    const storage = await create();
    const key = '!@#$%^&*()_+??><":QQ/\\..\'';
    await storage.write({ [key]: { value: 'ok' } });
    expect((await storage.read([key]))[key]).toMatchObject({ value: 'ok' });
  });

  it('updates with the current eTag, rejects a stale one, and lets "*" overwrite', async () => {
    const storage = await create();
    await storage.write({ k: { n: 1 } });
    const first = (await storage.read(['k'])).k!;
    await storage.write({ k: { ...first, n: 2 } });
    const second = (await storage.read(['k'])).k!;
    expect(second.n).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);
    await expect(storage.write({ k: { ...first, n: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['k'])).k?.n).toBe(2);
    await storage.write({ k: { n: 4, eTag: '*' } });
    expect((await storage.read(['k'])).k?.n).toBe(4);
    await storage.write({ k: { n: 5 } });
    expect((await storage.read(['k'])).k?.n).toBe(5);
  });

  it('deletes items, and deleting an unknown key is fine', async () => {
    const storage = await create();
    await storage.write({ gone: { n: 1 }, kept: { n: 2 } });
    await storage.delete(['gone', 'never-there']);
    const items = await storage.read(['gone', 'kept']);
    expect(items.gone).toBeUndefined();
    expect(items.kept).toMatchObject({ n: 2 });
  });

  it('returns copies, not live references', async () => {
    const storage = await create();
    await storage.write({ k: { list: [1] } });
    const read = (await storage.read(['k'])).k!;
    (read.list as number[]).push(2);
    expect((await storage.read(['k'])).k?.list).toEqual([1]);
  });
});

describe('LowdbBotStorage on disk', () => {
  it('checks a whole batch before writing any of it', async () => {
    const storage = await new LowdbBotStorage(join(tempDir(), 'state')).open();
    await storage.write({ a: { n: 1 }, b: { n: 1 } });
    const stale = (await storage.read(['b'])).b!;
    await storage.write({ b: { ...stale, n: 2 } });
    await expect(storage.write({ a: { n: 9, eTag: '*' }, b: { ...stale, n: 9 } })).rejects.toThrow(/eTag conflict/);
    expect((await storage.read(['a'])).a?.n).toBe(1);
  });

  it('keeps each key in its own small file, so a write never rewrites other conversations', async () => {
    const dir = join(tempDir(), 'state');
    const storage = await new LowdbBotStorage(dir).open();
    for (let i = 0; i < 300; i += 1) await storage.write({ [`test/conversations/c${i}/`]: { dialogState: { i }, padding: 'x'.repeat(200) } });
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(300);
    const before = new Map(files.map((f) => [f, statSync(join(dir, f)).mtimeMs]));
    await new Promise((r) => setTimeout(r, 20));
    await storage.write({ 'test/conversations/c7/': { dialogState: { i: 'changed' } } });
    const changed = files.filter((f) => statSync(join(dir, f)).mtimeMs !== before.get(f));
    expect(changed).toHaveLength(1);
    expect(readFileSync(join(dir, changed[0]!), 'utf8')).toContain('changed');
  });

  it('is read back by a fresh instance on the same folder', async () => {
    const dir = join(tempDir(), 'state');
    await (await new LowdbBotStorage(dir).open()).write({ k: { survives: true } });
    expect((await (await new LowdbBotStorage(dir).open()).read(['k'])).k).toMatchObject({ survives: true });
  });
});
