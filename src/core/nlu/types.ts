// The values the extractors produce: expected outcomes are values (ok / ambiguous / none), never exceptions.

/** Half-open character range [start, end) in the text the extractor was given. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How precisely the merchant stated a time; decides how wide the search window is. */
export type TimePrecision = 'minute' | 'hour-range' | 'approximate' | 'part-of-day' | 'day' | 'week' | 'recent';

/** A transaction time window. `start` and `end` are instants; `end` is inclusive (20:59:59 for 八点多). */
export interface TimeRange {
  readonly start: Date;
  readonly end: Date;
  readonly precision: TimePrecision;
  /** The words the window was read from, and where they stand in the message. */
  readonly text: string;
  readonly span: Span;
}

export type TimeExtraction =
  | { readonly kind: 'ok'; readonly range: TimeRange }
  /** The merchant named a time after `now`: the bot must re-ask. */
  | { readonly kind: 'future'; readonly text: string }
  | { readonly kind: 'none' };

/** An amount in currency units (yuan, dollars), never in fen or cents. */
export interface Amount {
  readonly value: number;
  /** ISO-4217 code. */
  readonly currency: string;
  /** Present for ranges (三千多 → 3000..4000, 2000左右 → 1800..2200). */
  readonly min?: number;
  readonly max?: number;
  readonly text: string;
}

export type AmountRejection = 'zero' | 'negative' | 'implausible';

export type AmountExtraction =
  | {
      readonly kind: 'ok';
      readonly amount: Amount;
      readonly span: Span;
      /** Why it is the amount: a currency was written (¥, 元, USD …), a cue word (刷了, charged), or only a bare number. */
      readonly evidence: 'currency' | 'cue' | 'bare';
    }
  /** An amount was stated but cannot be a card payment: the bot re-asks with the reason. */
  | { readonly kind: 'invalid'; readonly reason: AmountRejection; readonly text: string; readonly span: Span }
  | { readonly kind: 'none' };

export type ReferenceKind = 'rrn' | 'trace' | 'auth';

export interface Reference {
  readonly kind: ReferenceKind;
  /** Upper-cased, leading zeros kept. */
  readonly value: string;
}

/** Identifiers read from a message; each field null when absent. */
export interface Identifiers {
  /** Best first: rrn, trace, auth. */
  readonly references: readonly Reference[];
  readonly terminalId: string | null;
  readonly merchantId: string | null;
  readonly responseCode: string | null;
  readonly cardLast4: string | null;
  /** The order number of a QR payment, from the customer's payment screen. */
  readonly orderNumber: string | null;
  /** A bare 6-digit number with no label: a trace or an auth code, the merchant must say which. */
  readonly unlabelledSixDigits: string | null;
  /** Where the identifiers stood, so that amount and time extraction skip them. */
  readonly spans: readonly Span[];
}

/** What the dialog is waiting for; lets a bare "3000" or "000123" be read as that slot. */
export type ExpectedSlot = 'time' | 'amount' | 'reference' | 'terminalId' | 'cardLast4';

export interface ExtractionContext {
  /** The current instant, injected: the core never reads the clock. */
  readonly now: Date;
  /** The merchant's IANA time zone, e.g. Asia/Shanghai. */
  readonly timeZone: string;
  /** Currency for amounts stated without one (ISO-4217), e.g. CNY. */
  readonly defaultCurrency: string;
  readonly expecting?: ExpectedSlot;
}

export type Language = 'zh' | 'en';
