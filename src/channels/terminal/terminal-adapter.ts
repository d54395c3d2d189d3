// An in-process Bot Framework adapter for a terminal: lines in, the bot's messages (and buttons) out.
import { randomUUID } from 'node:crypto';
import { ActivityTypes, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';
import { InProcessAdapter } from '../in-process-adapter.js';

export interface TerminalAdapterOptions {
  readonly conversationId: string;
  /** Stamps the merchant's activities (the composition root's clock). */
  readonly clock: () => Date;
  /** The merchant's user id (the same across their conversations, so their records follow them). */
  readonly userId?: string;
  readonly locale?: string;
  /** Where the bot's words go (a line per message). */
  readonly write: (line: string) => void;
  /** Sees every outgoing activity, events included (tests). */
  readonly observe?: (activity: Partial<Activity>) => void;
}

/**
 * Runs the bot's middleware and turn logic in-process for one terminal conversation. Suggested actions
 * are shown as [buttons] after the text; other output degrades to plain text.
 */
export class TerminalAdapter extends InProcessAdapter {
  constructor(private readonly options: TerminalAdapterOptions) {
    super();
  }

  /** Sends the merchant's line to the bot and resolves when the turn has finished. */
  async say(text: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runTurn(this.activity({ type: ActivityTypes.Message, text }), logic);
  }

  /** Starts the conversation the way channels do: the merchant joins. */
  async join(logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runTurn(this.activity({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'merchant', name: 'merchant' }] }), logic);
  }

  override async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    for (const activity of activities) {
      this.options.observe?.(activity);
      if (activity.type !== ActivityTypes.Message) continue;
      const buttons = activity.suggestedActions?.actions.map((a) => `[${a.title}]`).join(' ');
      this.options.write(buttons ? `${activity.text ?? ''}\n  ${buttons}` : (activity.text ?? ''));
    }
    return activities.map(() => ({ id: randomUUID() }));
  }


  private activity(fields: Partial<Activity>): Partial<Activity> {
    return {
      id: randomUUID(),
      channelId: 'terminal',
      serviceUrl: 'terminal://local',
      conversation: { id: this.options.conversationId, isGroup: false, conversationType: 'personal', name: 'terminal' },
      from: { id: this.options.userId ?? 'merchant', name: 'merchant', role: 'user' },
      recipient: { id: 'bot', name: 'bot', role: 'bot' },
      timestamp: this.options.clock(),
      ...(this.options.locale ? { locale: this.options.locale } : {}),
      ...fields,
    };
  }
}
