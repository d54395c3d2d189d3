// Bot Framework Storage on lowdb: one small JSON file per key, so a turn's write cost never grows with the store.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { KeyedMutex } from '../shared/keyed-mutex.js';

interface StoredRecord {
  key: string;
  eTag: string;
  item: StoreItem;
}

/**
 * A botbuilder `Storage` that keeps each key in its own lowdb file under `directory` (named by the
 * key's SHA-256), written atomically (temp file + rename). eTags are honoured: a write whose eTag is
 * set, not `*`, and differs from the stored one rejects, and a batch is checked whole before any of it
 * is written. Writes to one key are serialised in-process; a second process must not share the folder
 * (the server holds a lock on DATA_DIR).
 */
export class LowdbBotStorage implements Storage {
  private readonly mutex = new KeyedMutex();
  /** eTags are this instance's random prefix and a counter: unique across restarts without reading the clock. */
  private readonly eTagPrefix = randomBytes(6).toString('base64url');
  private sequence = 0;

  constructor(private readonly directory: string) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    for (const key of keys) {
      const record = await this.load(key);
      if (record) items[key] = { ...record.item, eTag: record.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes).sort();
    await this.lockAll(keys, async () => {
      const current = await Promise.all(keys.map((key) => this.load(key)));
      keys.forEach((key, i) => {
        const wanted = (changes[key] as StoreItem).eTag;
        const stored = current[i];
        if (stored && wanted && wanted !== '*' && wanted !== stored.eTag) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
      });
      for (const key of keys) {
        const { eTag: _ignored, ...item } = changes[key] as StoreItem;
        const path = this.pathFor(key);
        await mkdir(dirname(path), { recursive: true });
        const db = this.fileFor(key);
        db.data = { key, eTag: this.nextETag(), item };
        await db.write();
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await this.lockAll([...keys].sort(), async () => {
      await Promise.all(keys.map((key) => rm(this.pathFor(key), { force: true })));
    });
  }

  /** Creates the folder; call once before use. */
  async open(): Promise<this> {
    await mkdir(this.directory, { recursive: true });
    return this;
  }

  private nextETag(): string {
    this.sequence += 1;
    return `${this.eTagPrefix}.${this.sequence.toString(36)}`;
  }

  private async load(key: string): Promise<StoredRecord | null> {
    const db = this.fileFor(key);
    await db.read();
    return db.data && db.data.key === key ? db.data : null;
  }

  private fileFor(key: string): Low<StoredRecord | null> {
    return new Low<StoredRecord | null>(new JSONFile<StoredRecord | null>(this.pathFor(key)), null);
  }

  private pathFor(key: string): string {
    const hash = createHash('sha256').update(key).digest('hex');
    return join(this.directory, hash.slice(0, 2), `${hash}.json`);
  }

  private lockAll(keys: readonly string[], work: () => Promise<void>): Promise<void> {
    const [first, ...rest] = keys;
    if (first === undefined) return work();
    return this.mutex.run(first, () => this.lockAll(rest, work));
  }
}
