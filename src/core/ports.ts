// The small interfaces the core and the dialogs need from the outside world, injected by main.ts.

/** Reads the current instant. Production passes the system clock; tests pass a fixed or stepping one. */
export type Clock = () => Date;

/** A conversation a channel keeps a transcript for (Direct Line today, tickets later). */
export interface StoredConversation {
  readonly id: string;
  readonly channel: string;
  /** The merchant-side user the conversation belongs to. */
  readonly user: { readonly id: string; readonly name?: string };
  readonly merchant?: { readonly id: string; readonly name?: string };
  readonly createdAt: string;
}

/** One activity as JSON, stored exactly as it was delivered (card data already masked). */
export type TranscriptActivity = Readonly<Record<string, unknown>> & { readonly id?: string; readonly type?: string };

/**
 * The ordered transcript of each conversation. Sequence numbers start at 1 and are the Direct Line
 * watermark: `since(id, w)` returns the activities after the first `w`. Appends to one conversation
 * are serialised by the implementation; a write never touches other conversations' data.
 */
export interface TranscriptStore {
  createConversation(conversation: StoredConversation): Promise<void>;
  getConversation(id: string): Promise<StoredConversation | null>;
  /** Stores the activity with id `${conversationId}|${sequence}` and returns it with that id. */
  append(conversationId: string, activity: TranscriptActivity): Promise<{ readonly sequence: number; readonly activity: TranscriptActivity }>;
  since(conversationId: string, watermark: number): Promise<{ readonly activities: readonly TranscriptActivity[]; readonly watermark: number }>;
}

/** The id a transcript gives the activity at `sequence`. */
export function transcriptActivityId(conversationId: string, sequence: number): string {
  return `${conversationId}|${String(sequence).padStart(7, '0')}`;
}
