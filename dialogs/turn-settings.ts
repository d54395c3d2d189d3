// Per-turn facts the dialogs need but must not look up themselves: now, the merchant's zone, locale, currency, what was said.
import type { TurnContext } from 'botbuilder';
import type { Said } from './say.js';
import type { Locale } from './wording/index.js';

export interface TurnSettings {
  /** The current instant, read once per turn by the bot (the dialogs never read the clock). */
  readonly now: Date;
  readonly timeZone: string;
  /** The currency of amounts stated without one: the deployment's, or the merchant's locale's. */
  readonly currency: string;
  readonly locale: Locale;
  /** The conversation's record of what was said, for varied wording. */
  readonly said: Said;
}

const KEY = Symbol('turnSettings');

export function setTurnSettings(context: TurnContext, settings: TurnSettings): void {
  context.turnState.set(KEY, settings);
}

/** The settings the bot put on this turn; throws if the bot did not (a wiring bug, not merchant input). */
export function turnSettings(context: TurnContext): TurnSettings {
  const settings = context.turnState.get(KEY) as TurnSettings | undefined;
  if (!settings) throw new Error('turn settings missing: the bot must call setTurnSettings before running dialogs');
  return settings;
}
