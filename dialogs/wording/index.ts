// Picks the wording for a locale.
import { enUS } from './en-US.js';
import type { Locale, Wording } from './wording.js';
import { zhCN } from './zh-CN.js';

export type { Locale, Wording } from './wording.js';

const WORDINGS: Readonly<Record<Locale, Wording>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function wordingFor(locale: Locale): Wording {
  return WORDINGS[locale];
}

/** The help desk's words for any locale string a ticket carries (zh* → Chinese, else English). */
export function deskWording(locale: string): Wording['handoff'] {
  return WORDINGS[locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US'].handoff;
}
