// Direct Line conversations: start, post (ack and echo at once, turn after), read, with the bot's turns queued per conversation.
import type { Activity, TurnContext } from 'botbuilder';
import type { StoredConversation, TranscriptActivity, TranscriptStore } from '../../core/ports.js';
import { redactMessageFields } from '../../core/nlu/redact-card-data.js';
import type { Logger } from '../../shared/logger.js';
import { KeyedMutex } from '../../shared/keyed-mutex.js';
import type { DirectLineAdapter } from './direct-line-adapter.js';
import type { ConversationClaims } from './direct-line-tokens.js';
import type { StreamHub } from './stream-hub.js';

export const DIRECT_LINE_CHANNEL = 'directline';

/** A posted activity after validation: only the fields a client may set. */
interface ClientActivity {
  type: string;
  text?: unknown;
  value?: unknown;
  channelData?: unknown;
  [field: string]: unknown;
}
const BOT = { id: 'helpdesk-bot', name: 'Help desk', role: 'bot' } as const;

/** Activity types a client may post; others get 400. */
const CLIENT_TYPES = new Set(['message', 'event', 'typing', 'endOfConversation']);
/** Fields a client may set on a posted activity; everything else is the server's to say. */
const CLIENT_FIELDS = ['type', 'text', 'textFormat', 'value', 'name', 'channelData', 'locale', 'localTimestamp', 'localTimezone', 'entities', 'attachments'] as const;

export interface DirectLineServiceOptions {
  readonly transcripts: TranscriptStore;
  readonly adapter: DirectLineAdapter;
  readonly streams: StreamHub;
  readonly logic: (context: TurnContext) => Promise<void>;
  readonly clock: () => Date;
  readonly logger: Logger;
}

/**
 * The conversation side of the Direct Line endpoint, independent of HTTP: it keeps the transcript,
 * masks card data before anything is stored or echoed, sets `from` to the token's user and
 * `channelData.merchant` to the merchant the portal vouched for, and runs the bot's turns one at a
 * time per conversation, after the client has its answer.
 */
export class DirectLineService {
  private readonly turns = new KeyedMutex();

  constructor(private readonly options: DirectLineServiceOptions) {}

  /** Creates the conversation if it does not exist; the bot then gets a join (conversationUpdate). True when created. */
  async start(claims: ConversationClaims, serviceUrl: string, locale?: string): Promise<boolean> {
    const { transcripts } = this.options;
    if (await transcripts.getConversation(claims.conversationId)) return false;
    const conversation: StoredConversation = {
      id: claims.conversationId,
      channel: DIRECT_LINE_CHANNEL,
      user: { id: claims.id, ...(claims.name ? { name: claims.name } : {}) },
      ...(claims.merchant ? { merchant: claims.merchant } : {}),
      createdAt: this.options.clock().toISOString(),
    };
    await transcripts.createConversation(conversation);
    const join: Partial<Activity> = {
      ...this.envelope(claims, serviceUrl),
      ...(claims.merchant ? { channelData: { merchant: claims.merchant } } : {}),
      type: 'conversationUpdate',
      membersAdded: [{ id: claims.id, name: claims.name ?? '' }],
      ...((locale ?? claims.locale) ? { locale: locale ?? claims.locale } : {}),
    };
    this.runTurn(claims.conversationId, join);
    return true;
  }

  exists(conversationId: string): Promise<StoredConversation | null> {
    return this.options.transcripts.getConversation(conversationId);
  }

  /**
   * Stores and echoes a client activity, then queues the bot's turn on it. Returns the id the client
   * gets at once. Throws a message (for a 400) when the activity is not acceptable.
   */
  async post(claims: ConversationClaims, body: unknown, serviceUrl: string, attachments?: readonly unknown[]): Promise<string> {
    const activity = this.accept(body);
    const { activity: masked, masked: hadCardData } = redactMessageFields(activity);
    const channelData = { ...((masked.channelData as Record<string, unknown> | undefined) ?? {}) };
    delete channelData.merchant;
    delete channelData.cardDataMasked;
    if (claims.merchant) channelData.merchant = claims.merchant;
    if (hadCardData) channelData.cardDataMasked = true;
    const incoming = {
      ...masked,
      ...(attachments ? { attachments } : {}),
      ...this.envelope(claims, serviceUrl),
      channelData,
      timestamp: this.options.clock().toISOString(),
    } as unknown as TranscriptActivity;
    if (incoming.type === 'typing') return `${claims.conversationId}|typing`;
    const { sequence, activity: stored } = await this.options.transcripts.append(claims.conversationId, incoming);
    this.options.streams.push(claims.conversationId, [stored], sequence);
    this.runTurn(claims.conversationId, stored as unknown as Partial<Activity>);
    return stored.id ?? '';
  }

  /** Resolves once every turn accepted so far has run (shutdown drains them; tests wait for the bot's answer). */
  idle(): Promise<void> {
    return this.turns.idle();
  }

  /** How many activities the conversation's transcript holds (the watermark a new stream starts from). */
  async watermark(conversationId: string): Promise<number> {
    return (await this.options.transcripts.since(conversationId, Number.MAX_SAFE_INTEGER)).watermark;
  }

  /** Activities after `watermark` that clients see (messages and ends; the bot's events stay server-side). */
  async read(conversationId: string, watermark: number) {
    const { activities, watermark: next } = await this.options.transcripts.since(conversationId, watermark);
    return { activities: activities.filter((a) => a.type === 'message' || a.type === 'endOfConversation'), watermark: next };
  }

  private accept(body: unknown): ClientActivity {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('the body must be one Activity object');
    const source = body as Record<string, unknown>;
    if (typeof source.type !== 'string' || !CLIENT_TYPES.has(source.type)) throw new Error(`"type" must be one of ${[...CLIENT_TYPES].join(', ')}`);
    if (source.text !== undefined && typeof source.text !== 'string') throw new Error('"text" must be a string');
    if (source.channelData !== undefined && (typeof source.channelData !== 'object' || source.channelData === null)) throw new Error('"channelData" must be an object');
    const accepted: Record<string, unknown> = {};
    for (const field of CLIENT_FIELDS) if (source[field] !== undefined && field !== 'attachments') accepted[field] = source[field];
    return accepted as ClientActivity;
  }

  private envelope(claims: ConversationClaims, serviceUrl: string): Pick<Activity, 'channelId' | 'serviceUrl' | 'conversation' | 'from' | 'recipient'> {
    return {
      channelId: DIRECT_LINE_CHANNEL,
      serviceUrl,
      conversation: { id: claims.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: claims.id, name: claims.name ?? '', role: 'user' },
      recipient: { ...BOT },
    };
  }

  private runTurn(conversationId: string, activity: Partial<Activity>): void {
    void this.turns
      .run(conversationId, () => this.options.adapter.processActivity(activity, this.options.logic))
      .catch((error: unknown) => this.options.logger.error({ err: error, conversation: conversationId }, 'direct line turn failed'));
  }
}
