// Composition root: config → knowledge → data-dir lock → storage → bot → channels (Bot Framework, Direct Line, pages) → app → listen.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from './app.js';
import { apiMessagesRouter } from './channels/bot-framework/api-messages-router.js';
import { createCloudAdapter } from './channels/bot-framework/create-cloud-adapter.js';
import { createDirectLine } from './channels/direct-line/create-direct-line.js';
import { ConfigError, readConfig, type Config } from './config.js';
import { AgentSessions } from './console/agent-auth.js';
import { agentApiRouter } from './console/agent-api-router.js';
import { consolePagesRouter } from './console/console-pages-router.js';
import { openHelpDesk } from './help-desk.js';
import { KnowledgeError, loadKnowledge } from './knowledge/load-knowledge.js';
import type { KnowledgeBase } from './core/knowledge/types.js';
import type { DiagnosisModel } from './core/diagnosis/diagnosis-model.js';
import { COMPILED_MODELS, openDiagnosisModel } from './knowledge/compiled-model.js';
import { LowdbAgentStore } from './storage/lowdb-agent-store.js';
import { DataDirBusyError, lockDataDir } from './storage/data-dir-lock.js';
import { advertiseServer } from './server-file.js';
import { createLogger, type Logger } from './shared/logger.js';
import { botFrameworkSender } from './channels/bot-framework/bot-framework-sender.js';
import { serviceUrlPolicy } from './channels/bot-framework/service-url-policy.js';
import type { Clock } from './core/ports.js';

export interface RunningServer {
  readonly url: string;
  /** Resolves once every turn accepted so far has run. */
  idle(): Promise<void>;
  /** Stops taking requests, lets accepted turns finish, closes sockets and releases DATA_DIR. */
  close(): Promise<void>;
}

/** What the server takes from the outside world besides its config. */
export interface ServerDeps {
  /** The clock: the one source of "now" for the bot, tokens, tickets and the desk. */
  readonly now: Clock;
  readonly logger: Logger;
  /** Where compiled diagnosis models are looked for (dist/knowledge-model; a test may pass any folder). */
  readonly compiledModels: string;
}

/** Starts the bot server for `config`; resolves once it listens. */
export async function startServer(config: Config, deps: ServerDeps): Promise<RunningServer> {
  const knowledge = await loadKnowledge(config.knowledgeDir, config.settlementRules);
  const { model, source } = await openDiagnosisModel(knowledge, deps.compiledModels);
  if (source === 'trained') deps.logger.info('trained the diagnosis model at start-up (no compiled model matches this knowledge base; `npm run build` compiles one)');
  const release = await lockDataDir(config.dataDir, `bot server (HOST ${config.host}, PORT ${config.port})`);
  try {
    return await serve(config, deps, knowledge, model, release);
  } catch (error) {
    await release();
    throw error;
  }
}

/** Everything after the data folder is locked: stores, bot, channels, app, listen. */
async function serve(config: Config, deps: ServerDeps, knowledge: KnowledgeBase, model: DiagnosisModel, release: () => Promise<void>): Promise<RunningServer> {
  const { now: clock, logger } = deps;
  const { runtime, handoff, senders } = await openHelpDesk({ config, knowledge, model, folder: config.dataDir, clock, logger });
  const adapter = createCloudAdapter(config.botAuth, runtime.middleware, runtime.onTurnError);
  const allowsServiceUrl = serviceUrlPolicy(config.authenticated);
  senders.set('*', botFrameworkSender(adapter, config.botAuth.appId, allowsServiceUrl));
  const directLine = await createDirectLine({ config, runtime, clock, logger });
  senders.set('directline', (reference, logic) => directLine.adapter.continueConversation(reference, logic));
  handoff.readTranscriptsWith(async (link) => (link.channel === 'directline' ? directLine.transcriptMessages(link.conversationId) : []));
  const agents = await new LowdbAgentStore(join(config.dataDir, 'agents.json')).open();
  const sessions = new AgentSessions(directLine.secret, () => Math.floor(clock().getTime() / 1000));
  const app = createApp({
    routers: [
      apiMessagesRouter({ adapter, bot: runtime.bot, allowsServiceUrl }),
      ...directLine.routers,
      agentApiRouter({ agents, sessions, handoff, clock, loginsPerMinute: config.agentLoginsPerMinute, causes: knowledge.causes, timeZone: config.defaultTimeZone }),
      consolePagesRouter(),
    ],
    logger,
    isReady: () => true,
  });
  const server = createServer(app);
  server.on('upgrade', (request, socket, head) => {
    if (!directLine.streams.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const unadvertise = await advertiseServer(config.dataDir, url);
  logger.info({ url, dataDir: config.dataDir, authenticated: config.authenticated }, `bot listening: web chat ${url}/chat, agent console ${url}/console${config.demoPortal ? `, demo portal ${url}/` : ''}`);
  if (!config.authenticated) {
    logger.warn(
      config.allowUnauthenticatedRemote
        ? `No MicrosoftAppId: Bot Framework authentication is OFF and the server listens on ${config.host} (ALLOW_UNAUTHENTICATED_REMOTE). Development only.`
        : 'No MicrosoftAppId: Bot Framework authentication is off, so the server listens on loopback only. Set MicrosoftAppId to accept channels from the network.',
    );
  }
  return {
    url,
    idle: () => directLine.idle(),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await directLine.idle();
      directLine.streams.close();
      await closed;
      server.closeAllConnections();
      await unadvertise();
      await release();
    },
  };
}

/**
 * Process-wide safety nets, installed by main() only. A promise rejected with nobody listening is
 * logged with its context and the server keeps serving (one failed send must not drop every
 * merchant's conversation). An exception thrown with nobody to catch it leaves the process in an
 * unknown state: it is logged and the process exits with code 1, for a supervisor to restart it.
 */
function guardProcess(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection; still serving');
  });
  process.on('uncaughtException', (error, origin) => {
    logger.fatal({ err: error, origin }, 'uncaught exception; exiting for a restart');
    process.exit(1);
  });
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  guardProcess(logger);
  try {
    const server = await startServer(config, { now: () => new Date(), logger, compiledModels: COMPILED_MODELS });
    const stop = () => {
      logger.info('shutting down');
      server.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    if (error instanceof DataDirBusyError) {
      logger.fatal(error.message);
      process.exit(3);
    }
    if (error instanceof KnowledgeError) {
      logger.fatal({ problems: error.problems }, 'invalid knowledge base: refusing to start');
      process.stderr.write(`${error.message}\n`);
      process.exit(4);
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
