// Keeps debugging traces (e.g. botbuilder-dialogs' "BotState" snapshot, which holds merchant text) off real channels.
import { ActivityTypes, Channels, type Middleware, type TurnContext } from 'botbuilder';

/** Drops outgoing `trace` activities unless the channel is the Bot Framework Emulator. */
export class DropTraceMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.channelId !== Channels.Emulator) {
      context.onSendActivities(async (_ctx, activities, send) => {
        const kept = activities.filter((a) => a.type !== ActivityTypes.Trace);
        if (kept.length === 0) return [];
        activities.splice(0, activities.length, ...kept); // the array send() delivers
        return send();
      });
    }
    await next();
  }
}
