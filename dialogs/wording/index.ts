// Picks the wording for a locale.
import { enUS } from './en-US.js';
import type { Locale, Wording } from './wording.js';
import { zhCN } from './zh-CN.js';

export type { Locale, Wording } from './wording.js';

const WORDINGS: Readonly<Record<Locale, Wording>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function wordingFor(locale: Locale): Wording {
  return WORDINGS[locale];
}
