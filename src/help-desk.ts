// Wires the help desk on a data folder: bot state and tickets on lowdb, the desk, and the bot that uses both.
import { join } from 'node:path';
import { deskWording } from '../dialogs/wording/index.js';
import { createBotRuntime, type BotRuntime } from './bot-runtime.js';
import type { Config } from './config.js';
import type { DiagnosisModel } from './core/diagnosis/diagnosis-model.js';
import type { KnowledgeBase } from './core/knowledge/types.js';
import { createHandoff, type ChannelSender } from './handoff/create-handoff.js';
import type { HandoffService } from './handoff/handoff-service.js';
import type { Logger } from './shared/logger.js';
import { LowdbBotStorage } from './storage/lowdb-bot-storage.js';
import { LowdbTicketStore } from './storage/lowdb-ticket-store.js';

export interface HelpDesk {
  readonly runtime: BotRuntime;
  readonly handoff: HandoffService;
  /** Register each channel's way to reach a stored conversation (agents' replies). */
  readonly senders: Map<string, ChannelSender>;
}

/** The bot and its help desk on `folder` (DATA_DIR for the server, a sub-folder for the terminal chat). */
export async function openHelpDesk(options: { config: Config; knowledge: KnowledgeBase; model: DiagnosisModel; folder: string; clock: () => Date; logger: Logger }): Promise<HelpDesk> {
  const { config, knowledge, model, folder, clock, logger } = options;
  const storage = await new LowdbBotStorage(join(folder, 'state')).open();
  const tickets = await new LowdbTicketStore(join(folder, 'tickets')).open();
  const urgentCauses = new Set(knowledge.causes.filter((c) => c.action === 'human').map((c) => c.id));
  const { handoff, senders } = createHandoff({ wording: deskWording, tickets, businessHours: config.businessHours, timeZone: config.defaultTimeZone, urgentCauses, clock, logger });
  const runtime = createBotRuntime(storage, {
    clock,
    defaults: { timeZone: config.defaultTimeZone, currency: config.defaultCurrency, locale: config.defaultLocale },
    logger,
    knowledge,
    model,
    handoff,
  });
  return { runtime, handoff, senders };
}
