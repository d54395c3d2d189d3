// Shows "typing…" while the bot works on a message, through the turn's own send path, never outliving the turn.
import { ActivityTypes, DeliveryModes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../shared/logger.js';

/**
 * Sends one typing activity when a merchant's message arrives, alongside the turn, and waits for it
 * before the turn ends, so the send never touches a finished turn. The typing activity goes through
 * `context.sendActivity` (the same path, buffering and middleware as the bot's replies) and is skipped
 * when the caller collects the replies in the HTTP response (`expectReplies`), where it would mean
 * nothing. A failed typing send is logged and dropped: it never fails the turn.
 */
export class TypingMiddleware implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message || activity.deliveryMode === DeliveryModes.ExpectReplies) return next();
    const typing = context.sendActivity({ type: ActivityTypes.Typing }).catch((error: unknown) => {
      this.logger.warn({ err: error, channel: activity.channelId, conversation: activity.conversation?.id }, 'typing indicator not delivered');
    });
    try {
      await next();
    } finally {
      await typing;
    }
  }
}
