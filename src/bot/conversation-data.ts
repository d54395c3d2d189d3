// What the bot keeps per conversation besides the dialog stack.
import type { TransactionReport } from '../core/report/transaction-report.js';

export interface ConversationData {
  /** The conversation's language, fixed from the activity's locale or the merchant's first words. */
  locale?: 'zh-CN' | 'en-US';
  greeted?: boolean;
  /** The merchant the channel vouched for (the portal's widget token), when known. */
  merchant?: { id: string; name?: string };
  /** The last time the merchant was handed to a person, and the ticket. */
  humanRequest?: { requestedAt: string; ticketId: string };
  /** Finished conversations, newest last: the report (null for a plain question) and the diagnosis. */
  concluded?: { concludedAt: string; report: TransactionReport | null; cause: string | null; confidence: number; resolved: boolean }[];
}

/** The part of a diagnosis outcome the bot keeps. */
export interface ConcludedDiagnosis {
  readonly cause: string | null;
  readonly confidence: number;
  readonly resolved: boolean;
}
