// What the merchant has told us about one payment, merged message by message; the latest word on a field wins.
import type { MessageDetails } from '../nlu/extract-details.js';
import type { ExpectedSlot, ReferenceKind, TimePrecision } from '../nlu/types.js';

/** A transaction report as kept in conversation state: plain JSON, times as ISO-8601 instants. */
export interface TransactionReport {
  readonly time?: { readonly start: string; readonly end: string; readonly precision: TimePrecision };
  readonly amount?: { readonly value: number; readonly currency: string; readonly min?: number; readonly max?: number };
  readonly reference?: { readonly kind: ReferenceKind; readonly value: string };
  readonly terminalId?: string;
  readonly cardLast4?: string;
  /** A QR payment's order number (from the customer's payment screen). */
  readonly orderNumber?: string;
  readonly responseCode?: string;
  /** The merchant has no receipt: time, amount and a terminal id or card last 4 stand in for a reference. */
  readonly noReceipt?: boolean;
  /** The merchant's own words (redacted), in order. */
  readonly description: readonly string[];
  /** The same words without the transaction details in them: what the diagnosis reads. */
  readonly problem: readonly string[];
}

export const EMPTY_REPORT: TransactionReport = { description: [], problem: [] };

/** The fields the bot asks for, in the order it asks. */
export type ReportSlot = 'time' | 'amount' | 'reference' | 'terminalId' | 'fallbackId';

/** Fields a merchant can correct after the read-back. */
export type CorrectableField = 'time' | 'amount' | 'reference';

/** What changed when details were merged in, so the dialog can say what it understood. */
export interface MergeOutcome {
  readonly report: TransactionReport;
  readonly changed: readonly (keyof TransactionReport)[];
}

/**
 * Merges what one message said into the report. A value present in the message replaces the stored
 * one (that is how "不对，是2000" corrects); absent values leave the report alone. Future times and
 * invalid amounts are not merged: the dialog re-asks. A bare number with nothing saying it is money
 * is taken as the amount only when the bot asked for the amount (`expecting`), so "4421" after a
 * last-4 question never replaces it; an amount stated without a currency keeps the report's currency.
 */
export function mergeDetails(report: TransactionReport, details: MessageDetails, expecting?: ExpectedSlot): MergeOutcome {
  const changed: (keyof TransactionReport)[] = [];
  const next: { -readonly [K in keyof TransactionReport]: TransactionReport[K] } = { ...report };
  if (details.time.kind === 'ok') {
    const { start, end, precision } = details.time.range;
    next.time = { start: start.toISOString(), end: end.toISOString(), precision };
    changed.push('time');
  }
  const stated = details.amount;
  if (stated.kind === 'ok' && (stated.evidence !== 'bare' || expecting === 'amount')) {
    const { value, min, max } = stated.amount;
    const currency = stated.evidence !== 'currency' && report.amount ? report.amount.currency : stated.amount.currency;
    next.amount = { value, currency, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    changed.push('amount');
  }
  const ids = details.identifiers;
  const reference = ids.references[0];
  if (reference) {
    next.reference = { kind: reference.kind, value: reference.value };
    changed.push('reference');
  }
  const simple = [
    ['terminalId', ids.terminalId],
    ['cardLast4', ids.cardLast4],
    ['orderNumber', ids.orderNumber],
    ['responseCode', ids.responseCode],
  ] as const;
  for (const [field, value] of simple) {
    if (value) {
      next[field] = value;
      changed.push(field);
    }
  }
  return { report: next, changed };
}

/** Adds a message's (redacted) words to the description, and its words without details to the problem. */
export function withDescription(report: TransactionReport, details: Pick<MessageDetails, 'redacted' | 'problemWords'>): TransactionReport {
  const text = details.redacted.trim();
  if (text.length === 0) return report;
  const problem = details.problemWords.length > 0 ? [...report.problem, details.problemWords] : report.problem;
  return { ...report, description: [...report.description, text], problem };
}

/**
 * The next field to ask for, or null when the report is complete. A reference is an RRN, an auth
 * code, or a trace together with the terminal id; without a receipt, the terminal id or the card's
 * last 4 stand in for it.
 */
export function missingSlot(report: TransactionReport): ReportSlot | null {
  if (!report.time) return 'time';
  if (!report.amount) return 'amount';
  if (report.reference?.kind === 'trace' && !report.terminalId) return 'terminalId';
  if (report.reference) return null;
  if (report.noReceipt) return report.terminalId || report.cardLast4 ? null : 'fallbackId';
  return 'reference';
}
