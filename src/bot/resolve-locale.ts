// Decides the conversation's language: the merchant's own words when they say enough, else what the conversation had, the channel's, the default.
import type { Locale } from '../../dialogs/wording/index.js';
import { normaliseText, scriptOf } from '../core/nlu/normalise-text.js';

export type BotLocale = Locale;

/** Latin words that say nothing about the language (codes, payment terms, short acknowledgements). */
const NEUTRAL = /^(?:rrn|tid|mid|pos|ok|okay|rmb|cny|usd|hkd|twd|id|no|atm|sms|qr|app|wifi|sim|ic|mac|pin|cvv|t\+?\d|d\+?\d|yes|ya|yep|thx|thanks|hi|hello|agent)$/i;

/**
 * The language a message is clearly written in, or null when it is too short to tell ("yes", "ok",
 * "4421", "好"): at least three Chinese characters, or at least two English words that are not codes
 * or one-word replies. Chinese in characters that are the same in both scripts (刷了三次 晶片卡) is
 * the previous Chinese locale's, else simplified.
 */
export function languageOfText(text: string, previous?: Locale): Locale | null {
  const narrow = normaliseText(text).replace(/[\u3400-\u9fff]/g, '');
  const han = text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? [];
  const words = (narrow.match(/[A-Za-z][A-Za-z']+/g) ?? []).filter((w) => !NEUTRAL.test(w));
  if (han.length >= 3 && han.length >= words.length) {
    const script = scriptOf(text);
    if (script === 'traditional') return 'zh-TW';
    if (script === 'simplified') return 'zh-CN';
    return previous === 'zh-TW' ? 'zh-TW' : 'zh-CN';
  }
  if (words.length >= 2) return 'en-US';
  return null;
}

/** The locale a channel names: zh-TW / zh-HK / zh-Hant → traditional, other zh → simplified, en → English. */
export function channelLocale(activityLocale: string | undefined): Locale | null {
  const v = activityLocale?.toLowerCase() ?? '';
  if (v.startsWith('zh')) return /tw|hk|mo|hant/.test(v) ? 'zh-TW' : 'zh-CN';
  if (v.startsWith('en')) return 'en-US';
  return null;
}

/**
 * The locale for this turn. A message clearly written in one language decides (a Chinese merchant on
 * an English browser is answered in Chinese, a traditional-Chinese one in traditional); a short reply
 * keeps the conversation's language; a new conversation starts with the channel's, then the default.
 */
export function resolveLocale(activityLocale: string | undefined, text: string, previous: Locale | undefined, fallback: Locale): Locale {
  return languageOfText(text, previous ?? channelLocale(activityLocale) ?? undefined) ?? previous ?? channelLocale(activityLocale) ?? fallback;
}
