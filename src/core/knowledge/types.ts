// The knowledge base as the core sees it: validated, typed, and free of file formats.

export type CauseClass = 'decline' | 'terminal' | 'settlement' | 'operator' | 'qr' | 'info';
/** fix: self-service answer · ticket: open a ticket · human: route to a person at once. */
export type CauseAction = 'fix' | 'ticket' | 'human';
export type Party = 'cardholder' | 'merchant' | 'acquirer' | 'issuer';
export type Lang = 'zh' | 'en';

export type Bilingual<T = string> = Readonly<Record<Lang, T>>;

export interface CauseEntry {
  readonly id: string;
  readonly class: CauseClass;
  readonly action: CauseAction;
  readonly whoActs: readonly Party[];
  readonly title: Bilingual;
  readonly summary: Bilingual;
  readonly symptoms: Bilingual<readonly string[]>;
  readonly codes: readonly string[];
  readonly screenTexts: readonly string[];
  readonly keywords: Bilingual<readonly string[]>;
  readonly examples: Bilingual<readonly string[]>;
  readonly questions: readonly string[];
  readonly fix: Bilingual<readonly string[]>;
  readonly escalateWhen: Bilingual;
  /** One line on how to keep it from happening again, said once the problem is solved. */
  readonly prevention: Bilingual;
  /** For problems met with a customer at the counter: what the merchant can tell the customer now. */
  readonly tellCustomer?: Bilingual;
}

export interface QuestionOption {
  readonly label: Bilingual;
  readonly supports: readonly string[];
}

export interface FollowUpQuestion {
  readonly id: string;
  readonly ask: Bilingual;
  readonly options: readonly QuestionOption[];
}

export interface LexiconConcept {
  readonly concept: string;
  readonly causes: readonly string[];
  readonly terms: Bilingual<readonly string[]>;
}

export interface ResponseCode {
  readonly code: string;
  readonly meaning: Bilingual;
  readonly actionClass: 'A' | 'B' | 'C' | 'D' | 'E';
  readonly whoActs: readonly Party[];
  /** null only for "00" (approved). */
  readonly cause: string | null;
  readonly advice: Bilingual;
}

export interface SettlementMode {
  readonly id: string;
  readonly name: Bilingual;
  /** Days after the trade day (0 = same day). */
  readonly days: number;
  /** working: count working days (weekends and holidays skipped); calendar: count every day. */
  readonly calendar: 'working' | 'calendar';
  /** Local time by which the payout is expected on its day ("HH:MM"); end of day when absent. */
  readonly payoutBy?: string;
  /** Instant-payout window; outside it the trade falls back to `fallback`. */
  readonly window?: { readonly start: string; readonly end: string };
  readonly fallback?: string;
  readonly description: Bilingual;
}

export interface SettlementRules {
  /** The market the rules are for (named when the bot says when money is due). */
  readonly market: { readonly id: string; readonly name: Bilingual };
  /** china: statutory holidays and make-up working days · weekends: Saturdays, Sundays and `holidays` off. */
  readonly calendar: 'china' | 'weekends';
  /** Days off besides weekends ("YYYY-MM-DD"), for the weekends calendar. */
  readonly holidays: readonly string[];
  /** "HH:MM": trades at or after it belong to the next business day (UnionPay 日切). */
  readonly cutoff: string;
  readonly modes: readonly SettlementMode[];
  readonly defaultMode: string;
}

/** A question the desk gets that is not a failure (rates, applying for a terminal, a term): answered briefly, never diagnosed. */
export interface Topic {
  readonly id: string;
  readonly title: Bilingual;
  /** What the bot says: where the acquirer publishes such things. */
  readonly answer: Bilingual;
  readonly examples: Bilingual<readonly string[]>;
}

export interface KnowledgeBase {
  readonly causes: readonly CauseEntry[];
  /** Out-of-scope questions the desk recognises and answers briefly (knowledge/topics.yaml). */
  readonly topics: readonly Topic[];
  /** Messages that are not about the bot's job, so the classifier can recognise and steer them back. */
  readonly offTopic: Bilingual<readonly string[]>;
  readonly questions: readonly FollowUpQuestion[];
  readonly lexicon: readonly LexiconConcept[];
  readonly responseCodes: readonly ResponseCode[];
  readonly settlement: SettlementRules;
}
