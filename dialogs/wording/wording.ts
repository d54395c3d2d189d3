// The shape of everything the bot says; each language file must provide all of it (the compiler checks).
import type { AmountRejection } from '../../src/core/nlu/types.js';
import type { CorrectableField, ReportSlot, TransactionReport } from '../../src/core/report/transaction-report.js';

export type Locale = 'zh-CN' | 'en-US';

export interface Wording {
  readonly greeting: string;
  /** The greeting for a merchant the portal named. */
  readonly greetingNamed: (name: string) => string;
  readonly cardDataNotice: string;
  readonly cardDataMasked: string;
  readonly askDescription: string;
  readonly help: string;
  readonly cancelled: string;
  readonly ask: Readonly<Record<ReportSlot, string>>;
  /** Shown after a reply that did not contain what was asked. */
  readonly retry: Readonly<Record<ReportSlot, string>>;
  readonly futureTime: string;
  readonly invalidAmount: Readonly<Record<AmountRejection, string>>;
  readonly unlabelledSixDigits: (digits: string) => string;
  readonly confirm: (summary: string) => string;
  readonly confirmYes: string;
  readonly confirmNo: string;
  readonly whichField: string;
  readonly fieldNames: Readonly<Record<CorrectableField, string>>;
  readonly noReceiptOption: string;
  readonly collected: (summary: string) => string;
  /** One line listing what the report holds, in the merchant's zone. */
  readonly summary: (report: TransactionReport, timeZone: string) => string;
  readonly diagnosis: DiagnosisWording;
  readonly handoff: HandoffWording;
}

/** What the merchant is told about their ticket and place in the queue. */
export interface HandoffWording {
  /** Queued in staffed hours: ticket, place, wait in minutes. */
  readonly queued: (ticketId: string, position: number, waitMinutes: number) => string;
  /** Outside staffed hours: ticket and when someone will answer (already formatted). */
  readonly afterHours: (ticketId: string, opensAt: string) => string;
  readonly alreadyQueued: (ticketId: string) => string;
  /** The merchant added something while queued. */
  readonly added: (ticketId: string, position: number | null) => string;
  readonly cancelled: (ticketId: string) => string;
  /** Sent on the agent's behalf: they took the conversation, they resolved it, they handed it back. */
  readonly agentJoined: (agent: string) => string;
  readonly resolved: (agent: string, note: string) => string;
  readonly handedBack: string;
}

/** What the bot says when it explains a cause, asks a follow-up question or offers a person. */
export interface DiagnosisWording {
  readonly offTopic: string;
  readonly likelyCause: (title: string, summary: string) => string;
  readonly evidence: (items: readonly string[]) => string;
  readonly codeEvidence: (code: string, meaning: string) => string;
  readonly unknownCodeEvidence: (code: string) => string;
  readonly screenTextEvidence: (text: string) => string;
  readonly wordsEvidence: (words: string) => string;
  readonly answerEvidence: (label: string) => string;
  readonly settlementEvidence: (dueBy: string, mode: string) => string;
  readonly steps: (steps: readonly string[]) => string;
  readonly askHelped: string;
  readonly helpedYes: string;
  readonly helpedNo: string;
  readonly resolved: (title: string) => string;
  readonly offerHuman: string;
  readonly needsPerson: string;
  readonly uncertain: (bestGuess: string) => string;
  readonly humanYes: string;
  readonly humanNo: string;
  readonly goodbye: string;
}
