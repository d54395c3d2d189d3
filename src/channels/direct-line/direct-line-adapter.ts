// The bot's side of Direct Line: an in-process adapter whose replies go to the transcript and the stream.
import { randomUUID } from 'node:crypto';
import { ActivityTypes, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';
import { InProcessAdapter } from '../in-process-adapter.js';
import type { TranscriptActivity, TranscriptStore } from '../../core/ports.js';
import type { StreamHub } from './stream-hub.js';

/**
 * Runs turns for Direct Line conversations in-process. The bot's messages are stored in the
 * transcript (so polling, reconnects and reloads see them) and pushed to the conversation's socket;
 * typing indicators go to the socket only, as on Azure Direct Line.
 */
export class DirectLineAdapter extends InProcessAdapter {
  constructor(
    private readonly transcripts: TranscriptStore,
    private readonly streams: StreamHub,
    private readonly clock: () => Date,
  ) {
    super();
  }

  /** Runs one turn for an activity that is already stored (the merchant's message, or a join event). */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runTurn(activity, logic);
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

}
