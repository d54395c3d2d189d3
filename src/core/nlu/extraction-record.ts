// The JSON shape of `cli extract` (a contract other tools read): one flat record per message.
import { toZonedIso } from '../time/zoned-time.js';
import type { MessageDetails } from './extract-details.js';

export interface ExtractionRecord {
  time: { start: string; end: string } | null;
  amount: { value: number; currency: string; min?: number; max?: number } | null;
  reference: { kind: 'rrn' | 'trace' | 'auth'; value: string } | null;
  terminalId: string | null;
  responseCode: string | null;
  redacted: string;
}

/** Flattens extracted details into the contract record; times carry the merchant zone's offset. */
export function toExtractionRecord(details: MessageDetails, timeZone: string): ExtractionRecord {
  const { time, amount, identifiers } = details;
  const reference = identifiers.references[0];
  return {
    time: time.kind === 'ok' ? { start: toZonedIso(time.range.start, timeZone), end: toZonedIso(time.range.end, timeZone) } : null,
    amount:
      amount.kind === 'ok'
        ? {
            value: amount.amount.value,
            currency: amount.amount.currency,
            ...(amount.amount.min !== undefined ? { min: amount.amount.min } : {}),
            ...(amount.amount.max !== undefined ? { max: amount.amount.max } : {}),
          }
        : null,
    reference: reference ? { kind: reference.kind, value: reference.value } : null,
    terminalId: identifiers.terminalId,
    responseCode: identifiers.responseCode,
    redacted: details.redacted,
  };
}
