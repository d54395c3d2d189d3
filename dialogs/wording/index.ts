// Picks the wording for a locale.
import { enUS } from './en-US.js';
import type { Locale, Wording } from './wording.js';
import { zhCN } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

export type { DetailName, KindChoice, Locale, Variants, Wording } from './wording.js';

const WORDINGS: Readonly<Record<Locale, Wording>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, 'en-US': enUS };

export function wordingFor(locale: Locale): Wording {
  return WORDINGS[locale];
}

/** The locale a ticket or channel names: zh-TW / zh-HK / zh-Hant → traditional, other zh → simplified, else English. */
export function localeOf(value: string): Locale {
  const v = value.toLowerCase();
  if (v.startsWith('zh')) return /tw|hk|mo|hant/.test(v) ? 'zh-TW' : 'zh-CN';
  return 'en-US';
}

/** The help desk's words for any locale string a ticket carries. */
export function deskWording(locale: string): Wording['handoff'] {
  return WORDINGS[localeOf(locale)].handoff;
}
