// Proactive sends (an agent's reply) into a Bot Framework conversation, only to a serviceUrl the policy allows.
import type { CloudAdapter } from 'botbuilder';
import type { ChannelSender } from '../../handoff/create-handoff.js';

/**
 * A ChannelSender over CloudAdapter.continueConversationAsync. The stored reference's serviceUrl is
 * checked again before anything is sent (references are only stored from accepted activities, but a
 * reference must never become the way around the rule), and a refused one rejects without a request.
 */
export function botFrameworkSender(adapter: CloudAdapter, appId: string, allowsServiceUrl: (serviceUrl: unknown) => boolean): ChannelSender {
  return async (reference, logic) => {
    if (!allowsServiceUrl(reference.serviceUrl)) {
      throw new Error(`refusing to send to serviceUrl ${String(reference.serviceUrl)}: only loopback is allowed without MicrosoftAppId`);
    }
    await adapter.continueConversationAsync(appId, reference, logic);
  };
}
