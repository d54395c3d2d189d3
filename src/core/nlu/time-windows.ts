// Turns what a merchant said about a time (a point, 多, 左右, a part of day, a day) into a wall-clock window.
import { normaliseWall, type WallClock } from '../time/zoned-time.js';
import type { TimePrecision } from './types.js';

/** A window on the merchant's wall clock; `end` is inclusive. */
export interface WallWindow {
  readonly start: WallClock;
  readonly end: WallClock;
  readonly precision: TimePrecision;
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Parts of the day with their windows [from hour, to hour), longest words first so 昨晚 beats 晚. */
const PARTS_OF_DAY: readonly [RegExp, number, number][] = [
  [/半夜|深夜|夜里|夜间|\blate (?:at |last )?night\b|\bmidnight\b/i, 22, 24],
  [/凌晨|\bearly (?:this |in the |yesterday |on )?morning\b|\bsmall hours\b/i, 0, 6],
  [/傍晚|\bdusk\b|\bsunset\b/i, 17, 20],
  [/中午|\bnoon\b|\blunch ?time\b|\blunch\b/i, 11, 14],
  [/下午|午后|\bafternoon\b/i, 12, 18],
  [/早上|早晨|清晨|上午|早|\bmorning\b/i, 6, 12],
  [/晚上|今晚|昨晚|前晚|晚|夜|\bevening\b|\btonight\b|\bnight\b/i, 18, 24],
];

/** The part-of-day window named in `text`, as [from hour, to hour), or null. */
export function partOfDayIn(text: string): readonly [number, number] | null {
  for (const [re, from, to] of PARTS_OF_DAY) if (re.test(text)) return [from, to];
  return null;
}

const at = (date: CalendarDate, hour: number, minute = 0, second = 0): WallClock =>
  normaliseWall({ ...date, hour, minute, second });

export function dayWindow(date: CalendarDate): WallWindow {
  return { start: at(date, 0), end: at(date, 23, 59, 59), precision: 'day' };
}

export function partOfDayWindow(date: CalendarDate, [from, to]: readonly [number, number]): WallWindow {
  return { start: at(date, from), end: at(date, to - 1, 59, 59), precision: 'part-of-day' };
}

/** How loosely a clock time was stated. */
export type Looseness = 'exact' | 'hour-range' | 'approximate';

/** A clock time on a date, widened by how loosely it was said (八点多 → the hour, 左右 → ±30 min). */
export function clockWindow(date: CalendarDate, hour: number, minute: number, looseness: Looseness): WallWindow {
  if (looseness === 'hour-range' && minute === 0) {
    return { start: at(date, hour), end: at(date, hour, 59, 59), precision: 'hour-range' };
  }
  if (looseness === 'approximate') {
    return { start: at(date, hour, minute - 30), end: at(date, hour, minute + 30), precision: 'approximate' };
  }
  const point = at(date, hour, minute);
  return { start: point, end: point, precision: 'minute' };
}

const LOOSE_HOUR_AFTER = /^\s*点?(?:多|几|多钟|多点|-?ish)/i;
const LOOSE_HOUR_BEFORE = /(?:just\s+)?(?:after|past)\s*$/i;
const APPROX_INSIDE = /左右|前后|上下|大概|大约|差不多|将近|接近|\baround\b|\babout\b|approximately|\bapprox|roughly|circa/i;
const APPROX_AFTER = /^\s*点?\s*(?:左右|前后|上下|来钟|来|or so)/i;
const APPROX_BEFORE = /(?:大概|大约|约|差不多|将近|接近|around|about|approximately|approx\.?|roughly|circa|~)\s*(?:是|在)?\s*$/i;


/** Reads 多 / -ish / 左右 / around from the matched words and the words just before and after them. */
export function loosenessOf(matched: string, before: string, after: string): Looseness {
  if (LOOSE_HOUR_AFTER.test(after) || /多$|-?ish\b/i.test(matched) || LOOSE_HOUR_BEFORE.test(before)) return 'hour-range';
  if (APPROX_INSIDE.test(matched) || APPROX_BEFORE.test(before) || APPROX_AFTER.test(after)) return 'approximate';
  return 'exact';
}
