// Reads Chinese numerals, plain and financial (一千二百八十, 两千八, 伍仟, 壹万贰仟), into numbers.

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 萬: 10_000, 亿: 100_000_000, 億: 100_000_000 };

/** Characters that may appear in a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = `${Object.keys(DIGITS).join('')}${Object.keys(SMALL_UNITS).join('')}${Object.keys(BIG_UNITS).join('')}`;

export interface ChineseNumber {
  readonly value: number;
  /** The place value of the last unit written (两千八 → 100, 三千 → 1000, 十五 → 1): what 多 adds to. */
  readonly lastUnit: number;
}

/**
 * Parses a whole Chinese numeral. A trailing digit after a unit takes the next lower place
 * (两千八 = 2800, 一万二 = 12000, 三百五 = 350). Returns null when `text` is not a numeral.
 */
export function parseChineseNumber(text: string): ChineseNumber | null {
  if (text.length === 0) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 1;
  let previousUnit = 0;
  let sawZero = false;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && d !== 0) return null; // two digits in a row: not a well-formed numeral
      if (d === 0) sawZero = true;
      digit = d === 0 ? null : d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (digit ?? (small === 10 ? 1 : 0)) * small;
      if (digit === null && small !== 10) return null;
      digit = null;
      previousUnit = small;
      lastUnit = small;
      sawZero = false;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big !== undefined) {
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * big;
      section = 0;
      digit = null;
      previousUnit = big;
      lastUnit = big;
      sawZero = false;
      continue;
    }
    return null;
  }
  if (digit !== null) {
    // 两千八: a bare trailing digit right after a unit means the next lower place, unless a 零 came between.
    const place = previousUnit >= 10 && !sawZero ? previousUnit / 10 : 1;
    section += digit * place;
    lastUnit = place;
  }
  return { value: total + section, lastUnit };
}
