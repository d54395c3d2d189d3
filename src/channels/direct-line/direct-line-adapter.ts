// The bot's side of Direct Line: an in-process adapter whose replies go to the transcript and the stream.
import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { TranscriptActivity, TranscriptStore } from '../../core/ports.js';
import type { StreamHub } from './stream-hub.js';

/**
 * Runs turns for Direct Line conversations in-process. The bot's messages are stored in the
 * transcript (so polling, reconnects and reloads see them) and pushed to the conversation's socket;
 * typing indicators go to the socket only, as on Azure Direct Line.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly transcripts: TranscriptStore,
    private readonly streams: StreamHub,
    private readonly clock: () => Date,
  ) {
    super();
  }

  /** Runs one turn for an activity that is already stored (the merchant's message, or a join event). */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  override async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const conversationId = activity.conversation?.id ?? '';
      const outgoing = { ...activity, timestamp: this.clock().toISOString() } as unknown as TranscriptActivity;
      if (activity.type === ActivityTypes.Typing) {
        const id = `${conversationId}|typing-${randomUUID()}`;
        this.streams.push(conversationId, [{ ...outgoing, id }], null);
        responses.push({ id });
        continue;
      }
      if (activity.type === ActivityTypes.Trace) continue;
      const { sequence, activity: stored } = await this.transcripts.append(conversationId, JSON.parse(JSON.stringify(outgoing)) as TranscriptActivity);
      this.streams.push(conversationId, [stored], sequence);
      responses.push({ id: stored.id ?? '' });
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new Error('Direct Line does not support updating a sent activity');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('Direct Line does not support deleting a sent activity');
  }

  /** Proactive messages (an agent's reply later on): a turn on an event addressed to the stored conversation. */
  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
