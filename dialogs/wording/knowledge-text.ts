// Knowledge-base text in the merchant's language: the English, the Chinese, or the Chinese in traditional characters.
import { Converter } from 'opencc-js/cn2t';
import type { Bilingual, Lang } from '../../src/core/knowledge/types.js';
import type { Locale } from './wording.js';

const toTraditional = Converter({ from: 'cn', to: 'twp' });

export const langOf = (locale: Locale): Lang => (locale === 'en-US' ? 'en' : 'zh');

/** The text of `value` for `locale` (the knowledge base is written in simplified Chinese and English). */
export function inLocale(value: Bilingual, locale: Locale): string {
  const text = value[langOf(locale)];
  return locale === 'zh-TW' ? toTraditional(text).replace(/“/g, '「').replace(/”/g, '」') : text;
}

/** A text written in simplified Chinese (a screen text the knowledge base quotes), in the merchant's script. */
export function inScript(text: string, locale: Locale): string {
  return locale === 'zh-TW' ? toTraditional(text) : text;
}

/** The same for lists (fix steps). */
export function listInLocale(value: Bilingual<readonly string[]>, locale: Locale): readonly string[] {
  return value[langOf(locale)].map((text) => (locale === 'zh-TW' ? toTraditional(text) : text));
}
