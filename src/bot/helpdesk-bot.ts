// The Bot Framework turn handler: greets, fixes the turn's settings, runs the root dialog, saves state.
import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DiagnoseResult } from '../../dialogs/diagnose/diagnose-dialog.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import type { HandoffService } from '../handoff/handoff-service.js';
import { handToPerson } from './hand-to-person.js';
import { passThroughHandoff } from './handoff-gate.js';
import { runDialog, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { setTurnSettings } from '../../dialogs/turn-settings.js';
import { wordingFor, type Wording } from '../../dialogs/wording/index.js';
import { detectLanguage } from '../core/nlu/detect-language.js';
import type { Clock } from '../core/ports.js';
import type { TransactionReport } from '../core/report/transaction-report.js';
import type { ConcludedDiagnosis } from './conversation-data.js';
import type { Logger } from '../shared/logger.js';
import type { ConversationData } from './conversation-data.js';
import { cardDataWasMasked } from './redact-middleware.js';
import { resolveLocale, type BotLocale } from './resolve-locale.js';

export interface MerchantDefaults {
  readonly timeZone: string;
  readonly currency: string;
  readonly locale: BotLocale;
}

export interface HelpdeskBotOptions {
  readonly conversationState: ConversationState;
  readonly clock: Clock;
  readonly defaults: MerchantDefaults;
  readonly logger: Logger;
  readonly handoff: HandoffService;
  /** For the fix steps a ticket records; optional in tests. */
  readonly knowledge?: KnowledgeBase;
  /** The suspected cause of a report handed over before the bot diagnosed it. */
  readonly suspect?: (report: TransactionReport) => DiagnoseResult;
}

/**
 * Reads the clock once per turn and hands now, zone, currency and locale to the dialogs; greets each
 * conversation once with the card-data notice; saves conversation state after every turn (also after
 * a failed one, so half-entered details survive).
 */
export class HelpdeskBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly data: StatePropertyAccessor<ConversationData>;
  private dialog: Dialog | null = null;

  constructor(private readonly options: HelpdeskBotOptions) {
    super();
    this.dialogState = options.conversationState.createProperty<DialogState>('dialogState');
    this.data = options.conversationState.createProperty<ConversationData>('conversationData');

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) await this.greetOnce(context, await this.prepareTurn(context));
      await next();
    });

    this.onMessage(async (context, next) => {
      const data = await this.prepareTurn(context);
      await this.greetOnce(context, data);
      const w = wordingFor(data.locale ?? this.options.defaults.locale);
      if (cardDataWasMasked(context)) await context.sendActivity(w.cardDataMasked);
      if (!(await passThroughHandoff(context, this.options.handoff, w))) await runDialog(this.rootDialog(), context, this.dialogState);
      await next();
    });
  }

  /** Sets the root dialog (done once by main.ts, which builds it with hooks that use this bot's state). */
  useDialog(dialog: Dialog): this {
    this.dialog = dialog;
    return this;
  }

  override async run(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
    } finally {
      await this.options.conversationState.saveChanges(context, false);
    }
  }

  /** Hooks for the root dialog: hand the conversation to a person, and record how conversations ended. */
  readonly hooks = {
    humanRequested: async (context: TurnContext, report: TransactionReport | null, diagnosis: DiagnoseResult | null, reason: string): Promise<string> => {
      const data = await this.data.get(context, {});
      const { handoff, knowledge, suspect, defaults, logger } = this.options;
      const deps = { handoff, timeZone: defaults.timeZone, ...(knowledge ? { knowledge } : {}), ...(suspect ? { suspect } : {}) };
      const message = await handToPerson(context, deps, { data, locale: data.locale ?? defaults.locale, now: this.now(context), report, diagnosis, reason });
      logger.info({ conversation: context.activity.conversation?.id, ticket: data.humanRequest?.ticketId }, 'handed to a person');
      return message;
    },
    concluded: async (context: TurnContext, report: TransactionReport | null, diagnosis: ConcludedDiagnosis): Promise<void> => {
      const data = await this.data.get(context, {});
      const entry = { concludedAt: this.now(context).toISOString(), report, cause: diagnosis.cause, confidence: diagnosis.confidence, resolved: diagnosis.resolved };
      data.concluded = [...(data.concluded ?? []), entry];
    },
  };

  private rootDialog(): Dialog {
    if (!this.dialog) throw new Error('HelpdeskBot.useDialog was not called');
    return this.dialog;
  }

  private now(context: TurnContext): Date {
    return (context.turnState.get(NOW) as Date | undefined) ?? this.options.clock();
  }

  private async prepareTurn(context: TurnContext): Promise<ConversationData> {
    const data = await this.data.get(context, {});
    const { defaults } = this.options;
    data.locale = resolveLocale(context.activity.locale, context.activity.text ?? '', data.locale, defaults.locale);
    data.merchant = merchantOf(context) ?? data.merchant;
    const now = this.options.clock();
    context.turnState.set(NOW, now);
    setTurnSettings(context, { now, timeZone: defaults.timeZone, currency: defaults.currency, locale: data.locale });
    return data;
  }

  /**
   * Greets once per conversation, with the card-data notice. When nothing yet tells the language (a
   * channel without a locale, before the merchant's first words) the greeting comes in both.
   */
  private async greetOnce(context: TurnContext, data: ConversationData): Promise<void> {
    if (data.greeted) return;
    data.greeted = true;
    const known = Boolean(context.activity.locale) || detectLanguage(context.activity.text ?? '') !== null;
    const locales: BotLocale[] = known ? [data.locale ?? this.options.defaults.locale] : ['zh-CN', 'en-US'];
    const lines = (pick: (w: Wording) => string) => locales.map((l) => pick(wordingFor(l))).join('\n\n');
    const name = data.merchant?.name;
    await context.sendActivities([
      { type: 'message', text: lines((w) => (name ? w.greetingNamed(name) : w.greeting)) },
      { type: 'message', text: lines((w) => w.cardDataNotice) },
    ]);
  }
}

const NOW = Symbol('now');

/** The merchant a channel put on the activity (Direct Line sets it from the portal's token, never from the client). */
function merchantOf(context: TurnContext): ConversationData['merchant'] {
  const merchant = (context.activity.channelData as { merchant?: { id?: unknown; name?: unknown } } | undefined)?.merchant;
  if (typeof merchant?.id !== 'string') return undefined;
  return typeof merchant.name === 'string' ? { id: merchant.id, name: merchant.name } : { id: merchant.id };
}
