// One entry point for reading a merchant message: redact, then identifiers, amount and time, in that order.
import { extractAmount } from './extract-amount.js';
import { extractIdentifiers } from './extract-identifiers.js';
import { extractTransactionTime } from './extract-transaction-time.js';
import { blankSpans, normaliseText } from './normalise-text.js';
import { redactCardData } from './redact-card-data.js';
import type { AmountExtraction, ExtractionContext, Identifiers, Span, TimeExtraction } from './types.js';

export interface MessageDetails {
  /** The message with card data masked: the only form of the text that may go further. */
  readonly redacted: string;
  /** True when card data was masked out of the message. */
  readonly cardDataMasked: boolean;
  readonly time: TimeExtraction;
  readonly amount: AmountExtraction;
  readonly identifiers: Identifiers;
  /** The message without its transaction details (times, amounts, identifiers): what diagnosis reads. */
  readonly problemWords: string;
}

/**
 * Reads every transaction detail in one message. Identifiers go first and are blanked out, so that a
 * reference is never read as an amount or a time; then the amount, whose span is blanked for the time.
 * Pure: `now`, the zone and the default currency come from `context`.
 */
export function extractDetails(text: string, context: ExtractionContext): MessageDetails {
  const redaction = redactCardData(text);
  const normalised = normaliseText(redaction.text);
  const identifiers = extractIdentifiers(normalised, context.expecting);
  const { defaultCurrency } = context;
  const stated = extractAmount(normalised, identifiers.spans, defaultCurrency, 2);
  const time = extractTransactionTime(blankSpans(normalised, [...identifiers.spans, ...spansOf(stated)]), context.now, context.timeZone);
  const timeSpans = time.kind === 'ok' ? [time.range.span] : [];
  // A bare number is an amount only once identifiers and the time have claimed theirs.
  const amount = stated.kind === 'none' ? extractAmount(normalised, [...identifiers.spans, ...timeSpans], defaultCurrency, 1) : stated;
  const detailSpans = [...identifiers.spans, ...spansOf(amount), ...timeSpans];
  return {
    problemWords: blankSpans(normalised, detailSpans).replace(/\s+/g, ' ').trim(),
    redacted: redaction.text,
    cardDataMasked: redaction.masked,
    time,
    amount,
    identifiers: redaction.cardLast4 && !identifiers.cardLast4 ? { ...identifiers, cardLast4: redaction.cardLast4 } : identifiers,
  };
}

function spansOf(amount: AmountExtraction): Span[] {
  return amount.kind === 'none' ? [] : [amount.span];
}
