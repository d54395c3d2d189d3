// The shared base of the project's own adapters (Direct Line, terminal): turns run in-process, sent messages are final.
import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ConversationReference } from 'botbuilder';

/**
 * A BotAdapter that runs turns in this process. Sent messages cannot be edited or withdrawn on these
 * channels; proactive messages (an agent's reply, a follow-up) run as an event turn on a stored
 * conversation reference.
 */
export abstract class InProcessAdapter extends BotAdapter {
  /** Runs one turn for `activity` through the middleware and `logic`. */
  protected async runTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  override async updateActivity(): Promise<void> {
    throw new Error(`${this.constructor.name} cannot update a sent activity`);
  }

  override async deleteActivity(): Promise<void> {
    throw new Error(`${this.constructor.name} cannot delete a sent activity`);
  }

  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runTurn(TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true), logic);
  }
}
