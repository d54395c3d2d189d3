// The entrance: card data is masked out of every incoming activity before any other code sees it.
import type { Middleware, TurnContext } from 'botbuilder';
import { redactCardData } from '../core/nlu/redact-card-data.js';

const MASKED = Symbol('cardDataMasked');

/** True when this turn's incoming text had card data masked out. */
export function cardDataWasMasked(context: TurnContext): boolean {
  return context.turnState.get(MASKED) === true;
}

/**
 * Rewrites `activity.text` (and string `value` fields such as button payloads) with card numbers, PINs
 * and CVVs masked. Registered first on the adapter, so state, transcripts, logs and dialogs only ever
 * hold the masked text.
 */
export class RedactCardDataMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    let masked = false;
    if (typeof activity.text === 'string') {
      const redaction = redactCardData(activity.text);
      activity.text = redaction.text;
      masked = redaction.masked;
    }
    if (typeof activity.value === 'string') {
      const redaction = redactCardData(activity.value);
      activity.value = redaction.text;
      masked ||= redaction.masked;
    }
    context.turnState.set(MASKED, masked);
    await next();
  }
}
