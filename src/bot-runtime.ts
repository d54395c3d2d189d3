// Wires one bot: state on the given storage, the desk hooks, the root dialog, and the middleware every channel must run.
import { ConversationState, UserState, type Middleware, type Storage, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { MainDialog } from '../dialogs/main-dialog.js';
import { turnSettings } from '../dialogs/turn-settings.js';
import type { ConversationData, MerchantData } from './bot/conversation-data.js';
import { createDesk } from './bot/desk.js';
import { DropTraceMiddleware } from './bot/drop-trace-middleware.js';
import { HelpdeskBot, type MerchantDefaults } from './bot/helpdesk-bot.js';
import { RedactCardDataMiddleware } from './bot/redact-middleware.js';
import { SerialTurnsMiddleware } from './bot/serial-turns-middleware.js';
import { TypingMiddleware } from './bot/typing-middleware.js';
import { chineseWorkingDays } from './calendar/chinese-working-days.js';
import { weekendDays } from './calendar/weekend-days.js';
import type { DiagnosisContext } from './core/diagnosis/diagnose-report.js';
import type { DiagnosisModel } from './core/diagnosis/diagnosis-model.js';
import type { KnowledgeBase } from './core/knowledge/types.js';
import type { Clock } from './core/ports.js';
import type { HandoffService } from './handoff/handoff-service.js';
import type { Logger } from './shared/logger.js';

export interface BotRuntime {
  readonly bot: HelpdeskBot;
  /** Where bot state lives. */
  readonly storage: Storage;
  /** Adapter middleware in the order it must run: redaction first, then one turn at a time per conversation. */
  readonly middleware: readonly Middleware[];
  /** What the merchant sees when a turn fails. */
  readonly apology: (context: TurnContext) => string;
  /** Every adapter's onTurnError: logs without message text, apologises, keeps conversation state. */
  readonly onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}

const APOLOGY = {
  'zh-CN': '抱歉，系统出了点问题，请稍后再发一次。',
  'zh-TW': '抱歉，系統出了點問題，請稍後再發一次。',
  'en-US': 'Sorry, something went wrong on my side. Please send that again in a moment.',
} as const;

function apologyFor(context: TurnContext): string {
  try {
    return APOLOGY[turnSettings(context).locale];
  } catch {
    return APOLOGY['zh-CN'];
  }
}

export interface BotRuntimeOptions {
  readonly clock: Clock;
  readonly defaults: MerchantDefaults;
  readonly logger: Logger;
  /** The validated knowledge base. */
  readonly knowledge: KnowledgeBase;
  /** The diagnosis model built from it (once per process: see knowledge/compiled-model.ts). */
  readonly model: DiagnosisModel;
  /** Tickets and human takeover. */
  readonly handoff: HandoffService;
}

export function createBotRuntime(storage: Storage, options: BotRuntimeOptions): BotRuntime {
  const { knowledge, model, handoff } = options;
  const conversationState = new ConversationState(storage);
  const merchantState = new UserState(storage);
  const conversationData = conversationState.createProperty<ConversationData>('conversationData');
  const { settlement } = knowledge;
  const calendar = settlement.calendar === 'china' ? chineseWorkingDays : weekendDays(settlement.holidays);
  const diagnosis: DiagnosisContext = { model, settlement, calendar, settlementMode: settlement.defaultMode };
  const desk = createDesk({ handoff, model, conversationData, merchantData: merchantState.createProperty<MerchantData>('merchantData') });
  const bot = new HelpdeskBot({
    states: [conversationState, merchantState],
    dialogState: conversationState.createProperty<DialogState>('dialogState'),
    conversationData,
    dialog: new MainDialog(diagnosis, desk),
    clock: options.clock,
    defaults: options.defaults,
    handoff,
  });
  return {
    bot,
    storage,
    middleware: [new RedactCardDataMiddleware(), new DropTraceMiddleware(), new SerialTurnsMiddleware(), new TypingMiddleware(options.logger)],
    apology: apologyFor,
    onTurnError: async (context, error) => {
      options.logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, conversation: context.activity.conversation?.id }, 'turn failed');
      await context.sendActivity(apologyFor(context)).catch(() => undefined);
    },
  };
}
