// The Bot Framework turn handler: greets, fixes the turn's settings, passes ticket traffic to the desk, runs the root dialog, saves state.
import { ActivityHandler, type BotState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { runDialog, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { Said } from '../../dialogs/say.js';
import { setTurnSettings } from '../../dialogs/turn-settings.js';
import { wordingFor, type Wording } from '../../dialogs/wording/index.js';
import type { Clock } from '../core/ports.js';
import type { HandoffService } from '../handoff/handoff-service.js';
import type { ConversationData } from './conversation-data.js';
import { passThroughHandoff } from './handoff-gate.js';
import { cardDataWasMasked } from './redact-middleware.js';
import { channelLocale, languageOfText, resolveLocale, type BotLocale } from './resolve-locale.js';

export interface MerchantDefaults {
  readonly timeZone: string;
  readonly currency: string;
  readonly locale: BotLocale;
}

export interface HelpdeskBotOptions {
  /** Conversation and merchant state, saved after every turn. */
  readonly states: readonly BotState[];
  readonly dialogState: StatePropertyAccessor<DialogState>;
  readonly conversationData: StatePropertyAccessor<ConversationData>;
  /** The root dialog (dialogs/main-dialog.ts). */
  readonly dialog: Dialog;
  readonly clock: Clock;
  readonly defaults: MerchantDefaults;
  readonly handoff: HandoffService;
}

/**
 * Reads the clock once per turn and hands now, zone, currency, locale and what was said to the
 * dialogs; greets each conversation once with the card-data notice; lets the handoff gate take a
 * message that belongs to a ticket; runs the root dialog; saves state after every turn (also after a
 * failed one, so half-entered details survive).
 */
export class HelpdeskBot extends ActivityHandler {
  constructor(private readonly options: HelpdeskBotOptions) {
    super();
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) await this.greetOnce(context, await this.prepareTurn(context));
      await next();
    });

    this.onMessage(async (context, next) => {
      const data = await this.prepareTurn(context);
      await this.greetOnce(context, data);
      if (cardDataWasMasked(context)) await context.sendActivity(wordingFor(data.locale ?? options.defaults.locale).cardDataMasked);
      if (!(await passThroughHandoff(context, options.handoff, data.merchant?.id ?? null))) await runDialog(options.dialog, context, options.dialogState);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
    } finally {
      for (const state of this.options.states) await state.saveChanges(context, false);
    }
  }

  private async prepareTurn(context: TurnContext): Promise<ConversationData> {
    const data = await this.options.conversationData.get(context, {});
    const { defaults } = this.options;
    data.locale = resolveLocale(context.activity.locale, context.activity.text ?? '', data.locale, defaults.locale);
    data.merchant = merchantOf(context) ?? data.merchant;
    data.said ??= {};
    setTurnSettings(context, { now: this.options.clock(), timeZone: defaults.timeZone, currency: defaults.currency, locale: data.locale, said: new Said(data.said) });
    return data;
  }

  /**
   * Greets once per conversation, with the card-data notice. When nothing yet tells the language (a
   * channel without a locale, before the merchant's first words) the greeting comes in the default
   * language and the other one.
   */
  private async greetOnce(context: TurnContext, data: ConversationData): Promise<void> {
    if (data.greeted) return;
    data.greeted = true;
    const known = channelLocale(context.activity.locale) !== null || languageOfText(context.activity.text ?? '') !== null;
    const locales: BotLocale[] = known ? [data.locale ?? this.options.defaults.locale] : [this.options.defaults.locale, this.options.defaults.locale === 'en-US' ? 'zh-CN' : 'en-US'];
    const lines = (pick: (w: Wording) => string) => locales.map((l) => pick(wordingFor(l))).join('\n\n');
    const name = data.merchant?.name;
    await context.sendActivities([
      { type: 'message', text: lines((w) => (name ? w.greetingNamed(name) : w.greeting)), channelData: { notice: 'greeting' } },
      { type: 'message', text: lines((w) => w.cardDataNotice), channelData: { notice: 'card-data' } },
    ]);
  }
}

/** The merchant a channel put on the activity (Direct Line sets it from the portal's token, never from the client). */
function merchantOf(context: TurnContext): ConversationData['merchant'] {
  const merchant = (context.activity.channelData as { merchant?: { id?: unknown; name?: unknown } } | undefined)?.merchant;
  if (typeof merchant?.id !== 'string') return undefined;
  return typeof merchant.name === 'string' ? { id: merchant.id, name: merchant.name } : { id: merchant.id };
}
