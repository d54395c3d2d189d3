// The shape of everything the bot says; each language file must provide all of it (the compiler checks).
import type { AmountRejection } from '../../src/core/nlu/types.js';
import type { CaseOutcome } from '../../src/core/conversation/case-state.js';
import type { TransactionReport } from '../../src/core/report/transaction-report.js';

/** zh-CN: simplified Chinese · zh-TW: traditional Chinese (Taiwan and Hong Kong merchants) · en-US: English. */
export type Locale = 'zh-CN' | 'zh-TW' | 'en-US';

/** Two or more ways of saying one thing: when the bot must say it again, it says it differently. */
export type Variants = readonly [string, string, ...string[]];

/** The kinds of problem the bot asks about, with their button titles. */
export type KindChoice = 'terminal' | 'not_arrived' | 'charged_twice' | 'qr';

/** The details an agent needs, by name, for "please add …" after a handover. */
export type DetailName = 'time' | 'amount' | 'reference' | 'orderNumber';

export interface Wording {
  readonly greeting: string;
  /** The greeting for a merchant the portal named. */
  readonly greetingNamed: (name: string) => string;
  readonly cardDataNotice: string;
  readonly cardDataMasked: string;
  readonly askDescription: Variants;
  readonly help: string;
  readonly cancelled: string;
  /** Said once when a stated value cannot be used. */
  readonly invalid: Readonly<Record<'future_time' | AmountRejection, string>>;
  readonly ask: AskWording;
  readonly diagnosis: DiagnosisWording;
  readonly handoff: HandoffWording;
  readonly records: RecordsWording;
  /** One line listing what the report holds, in the merchant's zone. */
  readonly summary: (report: TransactionReport, timeZone: string) => string;
}

/** The bot's own questions, each with other wordings for when it must ask again. */
export interface AskWording {
  readonly kind: Variants;
  readonly kindChoices: Readonly<Record<KindChoice, string>>;
  /** When the trade was, to work out when the money is due. */
  readonly time: Variants;
  /** Did the fix work? */
  readonly helped: Variants;
  readonly helpedYes: string;
  readonly helpedNo: string;
  /** Shall I pass you to a person? — after a cause that needs the acquirer, and after "still not working". */
  readonly person: Variants;
  readonly personAfterNoHelp: Variants;
  readonly personYes: string;
  readonly personNo: string;
  /** Before a question asked again because the reply did not answer it. */
  readonly notUnderstood: Variants;
  /** After the second miss: the choices come as buttons, with a person on offer. */
  readonly pickOne: string;
}

/** What the bot says when it explains a cause, is unsure, or the problem is solved. */
export interface DiagnosisWording {
  readonly offTopic: string;
  /** Before the cause when a customer is waiting at the counter. */
  readonly calm: Variants;
  readonly likelyCause: (title: string, summary: string) => string;
  readonly evidence: (items: readonly string[]) => string;
  readonly codeEvidence: (code: string, meaning: string) => string;
  readonly unknownCodeEvidence: (code: string) => string;
  readonly screenTextEvidence: (text: string) => string;
  readonly wordsEvidence: (words: string) => string;
  readonly answerEvidence: (label: string) => string;
  readonly settlementEvidence: (dueBy: string, mode: string, market: string) => string;
  readonly steps: (steps: readonly string[]) => string;
  readonly tellCustomer: (line: string) => string;
  readonly unsure: (bestGuess: string) => string;
  readonly resolved: (title: string) => string;
  readonly prevention: (line: string) => string;
  readonly goodbye: Variants;
}

/** What the merchant is told about their ticket and place in the queue. */
export interface HandoffWording {
  /** Queued in staffed hours: ticket, place, wait in minutes. */
  readonly queued: (ticketId: string, position: number, waitMinutes: number) => string;
  /** Outside staffed hours: ticket and when someone will answer (already formatted). */
  readonly afterHours: (ticketId: string, opensAt: string) => string;
  readonly alreadyQueued: (ticketId: string) => string;
  /** This conversation joined the ticket another conversation opened for the same payment. */
  readonly joined: (ticketId: string) => string;
  /** What would help the agent, asked once after the handover; "不知道" is fine. */
  readonly addDetails: (names: readonly string[]) => string;
  readonly detailNames: Readonly<Record<DetailName, string>>;
  /** The merchant added something while queued; the second form for the next time. */
  readonly added: (ticketId: string, position: number | null) => Variants;
  readonly cancelled: (ticketId: string) => string;
  /** Sent on the agent's behalf: they took the conversation, they resolved it, they handed it back. */
  readonly agentJoined: (agent: string) => string;
  readonly resolved: (agent: string, note: string) => string;
  readonly handedBack: string;
}

/** The merchant's record of problems reported ("我的记录", "my reports"). */
export interface RecordsWording {
  readonly heading: (count: number) => string;
  readonly empty: string;
  readonly outcome: Readonly<Record<CaseOutcome, string>>;
  /** A problem not yet diagnosed. */
  readonly noCause: string;
}
