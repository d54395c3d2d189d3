// TranscriptStore on lowdb: one JSON file per conversation, so a write never grows with the number of conversations.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { transcriptActivityId, type StoredConversation, type TranscriptActivity, type TranscriptStore } from '../core/ports.js';
import { KeyedMutex } from '../shared/keyed-mutex.js';

/** Conversations kept in memory; older ones are read from disk again when needed. */
const MAX_CACHED = 500;

interface ConversationFile {
  conversation: StoredConversation;
  activities: TranscriptActivity[];
}

/**
 * Keeps each conversation (its record and ordered activities) in its own lowdb file under
 * `directory`. Appends to one conversation are serialised in-process; the folder belongs to one
 * server (DATA_DIR is locked). A file holds one conversation, so its size grows with that
 * conversation only.
 */
export class LowdbTranscriptStore implements TranscriptStore {
  private readonly mutex = new KeyedMutex();
  /** One loaded file per conversation, shared by every caller (single flight: never two copies of one file). */
  private readonly cache = new Map<string, Promise<Low<ConversationFile | null>>>();

  constructor(private readonly directory: string) {}

  async open(): Promise<this> {
    await mkdir(this.directory, { recursive: true });
    return this;
  }

  async createConversation(conversation: StoredConversation): Promise<void> {
    await this.mutex.run(conversation.id, async () => {
      const db = await this.load(conversation.id);
      if (db.data) return;
      await mkdir(dirname(this.pathFor(conversation.id)), { recursive: true });
      db.data = { conversation, activities: [] };
      await db.write();
    });
  }

  async getConversation(id: string): Promise<StoredConversation | null> {
    return (await this.load(id)).data?.conversation ?? null;
  }

  async append(conversationId: string, activity: TranscriptActivity) {
    return this.mutex.run(conversationId, async () => {
      const db = await this.load(conversationId);
      if (!db.data) throw new Error(`unknown conversation ${conversationId}`);
      const sequence = db.data.activities.length + 1;
      const stored = { ...activity, id: transcriptActivityId(conversationId, sequence) };
      db.data.activities.push(stored);
      await db.write();
      return { sequence, activity: structuredClone(stored) };
    });
  }

  async since(conversationId: string, watermark: number) {
    const activities = (await this.load(conversationId)).data?.activities ?? [];
    return { activities: structuredClone(activities.slice(Math.max(0, watermark))), watermark: activities.length };
  }

  /** Reads a conversation's file once and keeps it; later callers share the same copy (one writer per folder). */
  private load(id: string): Promise<Low<ConversationFile | null>> {
    let loading = this.cache.get(id);
    if (loading) {
      // Most recently used last, so eviction never drops a conversation in use.
      this.cache.delete(id);
      this.cache.set(id, loading);
    } else {
      const db = new Low<ConversationFile | null>(new JSONFile<ConversationFile | null>(this.pathFor(id)), null);
      loading = db.read().then(() => db);
      this.cache.set(id, loading);
      if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    }
    return loading;
  }

  private pathFor(id: string): string {
    const hash = createHash('sha256').update(id).digest('hex');
    return join(this.directory, hash.slice(0, 2), `${hash}.json`);
  }
}
