// Builds botbuilder's CloudAdapter: Bot Framework authentication from config, middleware, turn-error handling.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Middleware,
  type TurnContext,
} from 'botbuilder';

export interface BotAuthSettings {
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: string;
  readonly tenantId: string;
}

/**
 * With an app id, incoming requests must carry a valid Bot Framework token; without one there is no
 * authentication at all (which is why config.ts keeps that mode on loopback). Middleware runs in the
 * order given.
 */
export function createCloudAdapter(
  auth: BotAuthSettings,
  middleware: readonly Middleware[],
  onTurnError: (context: TurnContext, error: Error) => Promise<void>,
): CloudAdapter {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: auth.appId,
      MicrosoftAppPassword: auth.appPassword,
      MicrosoftAppType: auth.appType,
      MicrosoftAppTenantId: auth.tenantId,
    }),
  );
  for (const m of middleware) adapter.use(m);
  adapter.onTurnError = onTurnError;
  return adapter;
}
