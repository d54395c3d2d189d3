// The entrance for every channel's turn: card data is masked out of the incoming activity before other code sees it.
import type { Middleware, TurnContext } from 'botbuilder';
import { redactMessageFields } from '../core/nlu/redact-card-data.js';

const MASKED = Symbol('cardDataMasked');

/** True when this turn's incoming text had card data masked out (here, or by the channel that stored it). */
export function cardDataWasMasked(context: TurnContext): boolean {
  return context.turnState.get(MASKED) === true;
}

/**
 * Rewrites `activity.text` (and a string `value`, such as a button payload) with card numbers, PINs and
 * CVVs masked. Registered first on every adapter, so state, logs and dialogs only ever hold masked
 * text. A channel that stores activities before the turn (Direct Line) masks with the same function
 * and marks `channelData.cardDataMasked`.
 */
export class RedactCardDataMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity, masked } = redactMessageFields(context.activity);
    context.activity.text = activity.text;
    context.activity.value = activity.value;
    const markedByChannel = (context.activity.channelData as { cardDataMasked?: unknown } | undefined)?.cardDataMasked === true;
    context.turnState.set(MASKED, masked || markedByChannel);
    await next();
  }
}
