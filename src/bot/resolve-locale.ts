// Decides the conversation's language: the channel's locale if it names one we speak, else the text's.
import { detectLanguage } from '../core/nlu/detect-language.js';

export type BotLocale = 'zh-CN' | 'en-US';

/**
 * The locale for this turn. A zh-* or en-* activity locale wins; otherwise the text decides when it
 * clearly is Chinese or English; otherwise the conversation keeps its earlier locale, then the default.
 */
export function resolveLocale(activityLocale: string | undefined, text: string, previous: BotLocale | undefined, fallback: BotLocale): BotLocale {
  const channel = activityLocale?.toLowerCase() ?? '';
  if (channel.startsWith('zh')) return 'zh-CN';
  if (channel.startsWith('en')) return 'en-US';
  const detected = detectLanguage(text);
  if (detected === 'zh') return 'zh-CN';
  if (detected === 'en') return 'en-US';
  return previous ?? fallback;
}
