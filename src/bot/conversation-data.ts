// What the bot keeps per conversation besides the dialog stack.
import type { TransactionReport } from '../core/report/transaction-report.js';

export interface ConversationData {
  /** The conversation's language, fixed from the activity's locale or the merchant's first words. */
  locale?: 'zh-CN' | 'en-US';
  greeted?: boolean;
  /** The merchant asked for a person (recorded until tickets take over). */
  humanRequest?: { requestedAt: string; report: TransactionReport | null };
  /** Reports the merchant confirmed, newest last. */
  confirmedReports?: { confirmedAt: string; report: TransactionReport }[];
}
