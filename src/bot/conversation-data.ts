// What the bot keeps per conversation and per merchant besides the dialog stack.
import type { CaseRecord } from '../../dialogs/conversation/desk-hooks.js';
import type { Locale } from '../../dialogs/wording/index.js';

export interface ConversationData {
  /** The conversation's language: the channel's, then the merchant's own words (see resolve-locale.ts). */
  locale?: Locale;
  greeted?: boolean;
  /** The merchant the channel vouched for (the portal's widget token), when known. */
  merchant?: { id: string; name?: string };
  /** How often each wording was said here (dialogs/say.ts), so a repeated question reads differently. */
  said?: Record<string, number>;
}

/** What the bot keeps per merchant (the channel's user) across conversations. */
export interface MerchantData {
  /** The problems they reported, newest first (at most RECORDS_KEPT). */
  records?: CaseRecord[];
}

export const RECORDS_KEPT = 50;
