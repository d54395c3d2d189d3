// Tells Chinese from English by the script of the letters; numbers and symbols say nothing.
import type { Language } from './types.js';

/** 'zh' when the text has Chinese characters, 'en' when it has Latin words and none, else null (e.g. "3000"). */
export function detectLanguage(text: string): Language | null {
  const han = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latinWords = text.match(/[A-Za-z]{2,}/g) ?? [];
  if (han > 0 && han >= latinWords.length) return 'zh';
  if (latinWords.some((w) => !/^(rrn|tid|mid|pos|ok|rmb|cny|usd|hkd|id|no|atm|sms|qr)$/i.test(w))) return 'en';
  return han > 0 ? 'zh' : null;
}
