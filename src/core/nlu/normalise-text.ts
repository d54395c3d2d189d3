// The one text normalisation every reader of merchant text shares: script, width and case, offsets kept.
import { Converter } from 'opencc-js/t2cn';
import { Converter as FromSimplified } from 'opencc-js/cn2t';

/** OpenCC's Taiwan- and Hong Kong-standard to mainland simplified conversion (characters and phrases). */
const fromTaiwan = Converter({ from: 'tw', to: 'cn' });
const fromHongKong = Converter({ from: 'hk', to: 'cn' });

/** Simplified forms OpenCC leaves as a variant the knowledge base does not use (帐户 → 账户). */
const PREFERRED = new Map([['帐', '账']]);

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

const convert = (text: string): string => fromHongKong(fromTaiwan(text));
const toTaiwan = FromSimplified({ from: 'cn', to: 'tw' });

/** OpenCC's conversion, kept one character for one: a phrase that would change length converts character by character. */
function convertKeepingLength(text: string): string {
  if (!HAN.test(text)) return text;
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  return [...text].map((ch) => (convert(ch).length === ch.length ? convert(ch) : ch)).join('');
}

/** `text` with traditional Chinese turned into simplified, one character for one (so offsets hold). */
export function toSimplified(text: string): string {
  return convertKeepingLength(text).replace(/帐/g, (ch) => PREFERRED.get(ch) ?? ch);
}

/** True when `text` is written in traditional characters (converting it to simplified changes it). */
export function isTraditional(text: string): boolean {
  return convertKeepingLength(text) !== text;
}

/**
 * The script Chinese text is written in: traditional or simplified when some of its characters exist
 * only in that script, neutral when every character is the same in both (啱啱先, 刷卡, 晶片), null
 * without Chinese characters.
 */
export function scriptOf(text: string): 'traditional' | 'simplified' | 'neutral' | null {
  if (!HAN.test(text)) return null;
  if (isTraditional(text)) return 'traditional';
  return toTaiwan(text) !== text ? 'simplified' : 'neutral';
}

/**
 * The shared normalisation: full-width ASCII (０-９, Ａ-Ｚ, ：, ＃ ...) and the ideographic space become
 * ASCII, and traditional characters become simplified (簽到失敗 → 签到失败, 額度不夠 → 额度不够). Every
 * character maps to exactly one, so offsets in the output are offsets in the input. Case is kept (codes
 * like A0 and labels like RRN read either way); the full-width yuan sign ￥ is kept: it tells CNY from JPY.
 */
export function normaliseText(text: string): string {
  const narrow = text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
  return toSimplified(narrow);
}

/** Replaces each span's characters with spaces (length kept), so later extractors skip them. */
export function blankSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  // Work in UTF-16 offsets: rebuild by slicing instead of indexing code points.
  let out = '';
  let cursor = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < cursor) continue;
    out += text.slice(cursor, span.start) + ' '.repeat(span.end - span.start);
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

/** True when any span overlaps [start, end). */
export function overlapsAny(start: number, end: number, spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((s) => start < s.end && s.start < end);
}

export const CJK = /[\u3400-\u9fff]/;
export const LATIN_WORD = /[A-Za-z]{2,}/;
