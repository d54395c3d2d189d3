// Builds botbuilder's CloudAdapter: Bot Framework authentication from config, middleware, turn-error handling.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../../shared/logger.js';

export interface BotAuthSettings {
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: string;
  readonly tenantId: string;
}

/**
 * With an app id, incoming requests must carry a valid Bot Framework token; without one there is no
 * authentication at all (which is why config.ts keeps that mode on loopback). Middleware runs in the
 * order given. A turn error is logged without message text and the merchant gets a short apology;
 * conversation state is kept.
 */
export function createCloudAdapter(auth: BotAuthSettings, middleware: readonly Middleware[], logger: Logger, apology: (context: TurnContext) => string): CloudAdapter {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: auth.appId,
      MicrosoftAppPassword: auth.appPassword,
      MicrosoftAppType: auth.appType,
      MicrosoftAppTenantId: auth.tenantId,
    }),
  );
  for (const m of middleware) adapter.use(m);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, conversation: context.activity.conversation?.id }, 'turn failed');
    await context.sendActivity(apology(context)).catch(() => undefined);
  };
  return adapter;
}
