// One contract suite for the transcript stores (Direct Line history, watermarks): in-memory and lowdb.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredConversation, TranscriptStore } from '../../src/core/ports.js';
import { LowdbTranscriptStore } from '../../src/storage/lowdb-transcript-store.js';
import { MemoryTranscriptStore } from '../../src/storage/memory-transcript-store.js';
import { tempDir } from '../support/bot-harness.js';

const conversation = (id: string): StoredConversation => ({ id, channel: 'directline', user: { id: 'dl_u1', name: '张三' }, createdAt: '2026-11-26T02:00:00.000Z' });

describe.each([
  ['MemoryTranscriptStore', async () => new MemoryTranscriptStore() as TranscriptStore],
  ['LowdbTranscriptStore', async () => (await new LowdbTranscriptStore(join(tempDir(), 'transcripts')).open()) as TranscriptStore],
])('%s', (_name, create) => {
  it('creates a conversation once and reads it back', async () => {
    const store = await create();
    await store.createConversation(conversation('c1'));
    await store.createConversation({ ...conversation('c1'), user: { id: 'dl_other' } });
    expect(await store.getConversation('c1')).toEqual(conversation('c1'));
    expect(await store.getConversation('nope')).toBeNull();
  });

  it('numbers appended activities from 1 and ids them conversation|sequence', async () => {
    const store = await create();
    await store.createConversation(conversation('c2'));
    const first = await store.append('c2', { type: 'message', text: 'a' });
    const second = await store.append('c2', { type: 'message', text: 'b' });
    expect([first.sequence, second.sequence]).toEqual([1, 2]);
    expect(second.activity.id).toBe('c2|0000002');
  });

  it('lists what came after a watermark, and the new watermark', async () => {
    const store = await create();
    await store.createConversation(conversation('c3'));
    for (const text of ['a', 'b', 'c']) await store.append('c3', { type: 'message', text });
    expect((await store.since('c3', 1)).activities.map((a) => a.text)).toEqual(['b', 'c']);
    expect(await store.since('c3', 3)).toEqual({ activities: [], watermark: 3 });
    expect((await store.since('c3', 0)).watermark).toBe(3);
  });

  it('keeps every append when many race on one conversation', async () => {
    const store = await create();
    await store.createConversation(conversation('c4'));
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.append('c4', { type: 'message', text: String(i) })));
    const { activities } = await store.since('c4', 0);
    expect(activities).toHaveLength(40);
    expect(new Set(activities.map((a) => a.id)).size).toBe(40);
  });

  it('refuses to append to a conversation that does not exist', async () => {
    const store = await create();
    await expect(store.append('ghost', { type: 'message' })).rejects.toThrow(/unknown conversation/);
  });
});

describe('LowdbTranscriptStore on disk', () => {
  it('is read back after a restart (a fresh instance on the same folder)', async () => {
    const dir = join(tempDir(), 'transcripts');
    const before = await new LowdbTranscriptStore(dir).open();
    await before.createConversation(conversation('r1'));
    await before.append('r1', { type: 'message', text: 'kept' });
    const after = await new LowdbTranscriptStore(dir).open();
    expect((await after.since('r1', 0)).activities.map((a) => a.text)).toEqual(['kept']);
  });
});
