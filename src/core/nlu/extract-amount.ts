// Reads the transaction amount: Arabic and Chinese numerals, 千/万/k, currency marks, ranges, cues.
import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from './chinese-number.js';
import { overlapsAny } from './normalise-text.js';
import type { Amount, AmountExtraction, Span } from './types.js';

/** Above this a POS card payment is implausible; the bot re-asks. */
export const MAX_PLAUSIBLE_AMOUNT = 10_000_000;

const CN = `[${CHINESE_NUMERAL_CHARS}]`;
const CN_DIGIT = '[零一二两三四五六七八九壹贰叁肆伍陆柒捌玖]';
const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// number, optional 千/万/k multiplier with an optional trailing digit (3千5, 1万2), optional 元/块 and 角/分 parts.
const NUMBER = new RegExp(
  String.raw`(?<![0-9*/])(?<![0-9][.,:])(?<!(?<![0-9])-)(?:(?<=RMB|CNY|USD|HKD|SGD|EUR|GBP|AUD|JPY)|(?<![A-Za-z]))(?<minus>-|负|minus\s*)?(?:(?<ar>${ARABIC})(?:\s*(?<mult>[百佰千仟万萬亿億kKwW])(?![A-Za-z])(?<multTail>\d(?!\d))?)?|(?<cn>${CN}+))` +
    String.raw`(?<approxMore>\s*(?:多|余|几|来)(?!钟|点|分)|-?odd(?![A-Za-z]))?` +
    String.raw`(?<unit>\s*(?:块钱|元钱|元|块|圆|蚊)(?:整)?(?:(?<jiao>\d|${CN_DIGIT})\s*(?:角|毛)|(?<jiaoBare>\d|${CN_DIGIT})(?![\d月日号点时分年.:\-/笔次张个天下共直样起]))?(?:\s*(?<fen>\d|${CN_DIGIT})\s*分)?)?`,
  'g',
);
const PREFIX_CURRENCY: readonly [RegExp, string][] = [
  [/HK\$\s*$|HKD\s*$|港币\s*$|港元\s*$/i, 'HKD'],
  [/S\$\s*$|SGD\s*$|新币\s*$/i, 'SGD'],
  [/A\$\s*$|AUD\s*$|澳元\s*$/i, 'AUD'],
  [/JPY\s*$|日元\s*$/i, 'JPY'],
  [/US\$\s*$|USD\s*$|\$\s*$|美元\s*$|美金\s*$/i, 'USD'],
  [/EUR\s*$|€\s*$/i, 'EUR'],
  [/GBP\s*$|£\s*$/i, 'GBP'],
  [/RMB\s*$|CNY\s*$|￥\s*$|¥\s*$|人民币\s*$/i, 'CNY'],
];
const SUFFIX_CURRENCY: readonly [RegExp, string][] = [
  [/^\s*(?:HKD|港币|港元|HK dollars?)/i, 'HKD'],
  [/^\s*(?:SGD|新币|Singapore dollars?)(?![A-Za-z])/i, 'SGD'],
  [/^\s*(?:AUD|澳元)(?![A-Za-z])/i, 'AUD'],
  [/^\s*(?:JPY|日元)(?![A-Za-z])/i, 'JPY'],
  [/^\s*(?:USD|US dollars?|dollars?|bucks|美元|美金|刀)(?![A-Za-z])/i, 'USD'],
  [/^\s*(?:EUR|euros?)(?![A-Za-z])/i, 'EUR'],
  [/^\s*(?:GBP|pounds?|quid)(?![A-Za-z])/i, 'GBP'],
  [/^\s*(?:RMB|CNY|yuan|kuai)(?![A-Za-z])/i, 'CNY'],
];
const AMOUNT_CUE = /(每次|每笔|刷了|刷的|收的|付的|扣的|刷卡|刷|消费了?|金额|收款|收了|付了|付款|支付了?|扣了|扣款|扣|交易了?|一笔|单笔|退款|退了|到账|入账|结算|少了|多扣|charged?|amount|paid|pay(?:ment)?(?:\s*of)?|sale(?:\s*of)?|sold|purchase(?:\s*of)?|refund(?:ed)?|total|for|of|worth|took|deducted|ran|swiped|transaction(?:\s*of)?|deposit(?:ed)?|received|only|was|is|是|为)\s*[:：]?\s*(?:about|around|approx\.?|roughly|大概|大约|约|差不多)?\s*$/i;
const BLOCKING_PREFIX = /(?:[点點])$|(显示|提示|报错|报|代码|码|号|号码|编号|尾号|后四位|终端|商户|电话|手机|第|周|星期|礼拜|code|error|err|rc|tid|mid|no\.?|#|number|terminal|phone|call|tel|ext\.?|room|version|firmware|v)\s*[:：]?\s*$/i;
const BLOCKING_SUFFIX = /^(?:[-/.:：]\d)|^\s*(?:笔|次|张|个|台|天|号|日|月|年|点|时(?!间)|分钟|分(?!钱)|小时|钟|秒|%|％|岁|周|星期|人|位|遍|下|楼|栋|倍|寸|米|公里|斤|件|条|家|秒到|times?|x(?![A-Za-z])|days?|hours?|hrs?|mins?|minutes?|seconds?|secs?|weeks?|months?|years?|am|pm|a\.m|p\.m|st|nd|rd|th|o'?clock|pcs|cards?|transactions?|people|percent|ish|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![A-Za-z])/i;
const APPROX_BEFORE = /(大概|大约|约|差不多|将近|接近|about|around|approx\.?|approximately|roughly|circa|~|≈)\s*(?:是|在)?\s*(?:HK\$|US\$|[$¥￥€£]|RMB|CNY|USD|HKD)?\s*$/i;
const APPROX_AFTER = /^\s*(左右|上下|前后|ish|or so)/i;
const RANGE_LINK = /^\s*(?:到|至|-|~|～|—|to|and)\s*(?:HK\$|US\$|[$¥￥€£])?\s*$/i;
const BETWEEN_BEFORE = /(?:between|from|在)\s*(?:HK\$|US\$|[$¥￥€£])?\s*$/i;

interface Candidate {
  readonly value: number;
  readonly lastUnit: number;
  readonly start: number;
  readonly end: number;
  readonly currency: string | null;
  readonly strength: 3 | 2 | 1;
  readonly negative: boolean;
  readonly more: boolean;
}

const FACTORS: Readonly<Record<string, number>> = { 百: 100, 佰: 100, 千: 1000, 仟: 1000, k: 1000, 万: 10_000, 萬: 10_000, w: 10_000, 亿: 1e8, 億: 1e8 };

function digitValue(token: string | undefined): number {
  if (token === undefined) return 0;
  return /\d/.test(token) ? Number(token) : (parseChineseNumber(token)?.value ?? 0);
}

function placeOf(n: number): number {
  if (!Number.isInteger(n) || n === 0) return 1;
  let unit = 1;
  while (n % (unit * 10) === 0 && unit * 10 <= n) unit *= 10;
  return unit;
}

function readNumber(groups: Record<string, string | undefined>): { value: number; lastUnit: number } | null {
  if (groups.ar !== undefined) {
    const base = Number(groups.ar.replace(/,/g, ''));
    const mult = groups.mult?.toLowerCase();
    const factor = FACTORS[mult ?? ''] ?? 1;
    const tail = groups.multTail !== undefined ? Number(groups.multTail) * (factor / 10) : 0;
    const value = Math.round((base * factor + tail) * 100) / 100;
    return { value, lastUnit: tail > 0 ? factor / 10 : placeOf(value) };
  }
  if (groups.cn !== undefined) return parseChineseNumber(groups.cn);
  return null;
}

function currencyAround(before: string, after: string): string | null {
  for (const [re, code] of PREFIX_CURRENCY) if (re.test(before)) return code;
  for (const [re, code] of SUFFIX_CURRENCY) if (re.test(after)) return code;
  return null;
}

function collectCandidates(text: string, blocked: readonly Span[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const groups = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    const numberEnd = start + m[0].length - (groups.unit?.length ?? 0) - (groups.approxMore?.length ?? 0);
    if (overlapsAny(start, numberEnd, blocked)) continue;
    const read = readNumber(groups);
    if (read === null) continue;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end, end + 12);
    const hasUnit = groups.unit !== undefined;
    const currency = hasUnit ? 'CNY' : currencyAround(before, after);
    if (currency === null) {
      const suffix = text.slice(numberEnd, numberEnd + 12);
      // 150-200 is a range of amounts; 11-25 and 2026-11 are dates.
      const rangeOfAmounts = /^-\d/.test(suffix) && read.value > 31 && !(read.value >= 1900 && read.value <= 2100);
      const afterMarks = end > numberEnd && BLOCKING_SUFFIX.test(text.slice(end, end + 12)); // 二十多笔
      if ((!rangeOfAmounts && BLOCKING_SUFFIX.test(suffix)) || afterMarks) continue;
      if (BLOCKING_PREFIX.test(before)) continue;
      if (/\d-$/.test(text.slice(Math.max(0, start - 2), start)) && read.value <= 31) continue; // 11-25: a date's day
    }
    if (/几$/.test(before) || /^几/.test(text.slice(numberEnd)) || (groups.cn !== undefined && /几/.test(groups.cn))) continue; // 几十, 十几: too vague for an amount
    if (/费率|利率|扣率|rate/i.test(before)) continue; // 费率是0.38: a rate, not a sale
    const cnHasUnit = groups.cn !== undefined && /[十拾百佰千仟万萬亿億]/.test(groups.cn);
    if (groups.cn !== undefined && !hasUnit && !cnHasUnit) continue; // 一笔, 五 alone: not an amount
    let value = read.value;
    if (hasUnit) value += digitValue(groups.jiao ?? groups.jiaoBare) / 10 + digitValue(groups.fen) / 100;
    // "around 9" is a time more often than an amount: approximation alone does not make a small number an amount.
    const approx = (APPROX_BEFORE.test(before) || APPROX_AFTER.test(text.slice(end, end + 8))) && read.value > 24;
    const cue = AMOUNT_CUE.test(before) || approx;
    const strength: 3 | 2 | 1 =
      currency !== null ? 3 : cue || groups.mult !== undefined || cnHasUnit || groups.approxMore !== undefined ? 2 : 1;
    candidates.push({
      value: Math.round(value * 100) / 100,
      lastUnit: read.lastUnit,
      start,
      end,
      currency,
      strength,
      negative: groups.minus !== undefined,
      more: groups.approxMore !== undefined,
    });
  }
  return candidates;
}

function rangeOf(best: Candidate, next: Candidate | undefined, text: string): Pick<Amount, 'min' | 'max'> {
  if (best.more) return { min: best.value, max: best.value + best.lastUnit };
  const link = text.slice(best.end, next?.start ?? best.end);
  if (next && RANGE_LINK.test(link) && next.value > best.value) return { min: best.value, max: next.value };
  const before = text.slice(Math.max(0, best.start - 10), best.start);
  const after = text.slice(best.end, best.end + 8);
  if (APPROX_BEFORE.test(before) || APPROX_AFTER.test(after)) {
    return { min: Math.round(best.value * 90) / 100, max: Math.round(best.value * 110) / 100 };
  }
  return {};
}

/** A bare 4-digit number is a year when it is a recent year and said like one (since 2024, in 2025, 2025年). */
function looksLikeYear(c: Candidate, text: string): boolean {
  if (!Number.isInteger(c.value) || c.value < 1990 || c.value > 2099) return false;
  return /(?:since|in|from|year|until|到|从|在|于)\s*$/i.test(text.slice(Math.max(0, c.start - 8), c.start)) || c.value >= 2015;
}

/** A number joined to the next by 到 / - / and (2000到3000) is a range, and as strong as a cue. */
function linkRanges(c: Candidate, next: Candidate | undefined, text: string): Candidate {
  if (!next || next.value <= c.value) return c;
  const linked = RANGE_LINK.test(text.slice(c.end, next.start)) || BETWEEN_BEFORE.test(text.slice(Math.max(0, c.start - 10), c.start));
  if (!linked) return c;
  // The range's lower end leads; it takes the currency written after the upper end (500 and 600 RMB).
  const currency = c.currency ?? next.currency;
  return { ...c, currency, strength: currency !== null ? 3 : Math.max(c.strength, 2) as 2 | 3 };
}

/**
 * Finds the transaction amount in `text` (spans listed in `blocked` are skipped). Strongest evidence
 * wins: a currency mark (3), then an amount cue, 多/左右, a range or a 千/万/k multiplier (2), then a
 * bare number (1), considered only when `minStrength` is 1. Ties go to the earliest. Zero, negative
 * and implausible amounts come back `invalid`.
 */
export function extractAmount(
  text: string,
  blocked: readonly Span[],
  defaultCurrency: string,
  minStrength: 1 | 2,
): AmountExtraction {
  const candidates = collectCandidates(text, blocked).map((c, i, all) => linkRanges(c, all[i + 1], text));
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (c.strength < minStrength) continue;
    if (c.strength === 1 && (c.value >= 1_000_000 || looksLikeYear(c, text))) continue; // ids and years
    if (!best || c.strength > best.strength) best = c;
  }
  if (!best) return { kind: 'none' };
  const shown = text.slice(best.start, best.end).trim();
  const span = { start: best.start, end: best.end };
  if (best.negative) return { kind: 'invalid', reason: 'negative', text: shown, span };
  if (best.value === 0) return { kind: 'invalid', reason: 'zero', text: shown, span };
  if (best.value > MAX_PLAUSIBLE_AMOUNT) return { kind: 'invalid', reason: 'implausible', text: shown, span };
  const next = candidates[candidates.indexOf(best) + 1];
  return {
    kind: 'ok',
    amount: { value: best.value, currency: best.currency ?? defaultCurrency, ...rangeOf(best, next, text), text: shown },
    span,
    evidence: best.strength === 3 ? 'currency' : best.strength === 2 ? 'cue' : 'bare',
  };
}
