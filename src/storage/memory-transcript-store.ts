// In-memory TranscriptStore: the reference implementation the lowdb one is tested against.
import { transcriptActivityId, type StoredConversation, type TranscriptActivity, type TranscriptStore } from '../core/ports.js';

export class MemoryTranscriptStore implements TranscriptStore {
  private readonly conversations = new Map<string, { conversation: StoredConversation; activities: TranscriptActivity[] }>();

  async createConversation(conversation: StoredConversation): Promise<void> {
    if (!this.conversations.has(conversation.id)) this.conversations.set(conversation.id, { conversation: structuredClone(conversation), activities: [] });
  }

  async getConversation(id: string): Promise<StoredConversation | null> {
    const entry = this.conversations.get(id);
    return entry ? structuredClone(entry.conversation) : null;
  }

  async append(conversationId: string, activity: TranscriptActivity) {
    const entry = this.conversations.get(conversationId);
    if (!entry) throw new Error(`unknown conversation ${conversationId}`);
    const sequence = entry.activities.length + 1;
    const stored = { ...structuredClone(activity), id: transcriptActivityId(conversationId, sequence) };
    entry.activities.push(stored);
    return { sequence, activity: structuredClone(stored) };
  }

  async since(conversationId: string, watermark: number) {
    const activities = this.conversations.get(conversationId)?.activities ?? [];
    return { activities: structuredClone(activities.slice(Math.max(0, watermark))), watermark: activities.length };
  }
}
