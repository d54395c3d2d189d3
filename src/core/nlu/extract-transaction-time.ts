// Reads when the payment happened: Recognizers-Text for the grammar, corrected to the merchant's zone and habits.
import type { ModelResult } from '@microsoft/recognizers-text';
import { Culture, recognizeDateTime } from '@microsoft/recognizers-text-suite';
import { instantOf, normaliseWall, wallClockAt, type WallClock } from '../time/zoned-time.js';
import { originalSpan, replaceMapped, unmapped, type MappedText } from './mapped-text.js';
import { CJK, LATIN_WORD, overlapsAny } from './normalise-text.js';
import {
  clockWindow,
  dayWindow,
  loosenessOf,
  partOfDayIn,
  partOfDayWindow,
  type CalendarDate,
  type WallWindow,
} from './time-windows.js';
import type { Span, TimeExtraction, TimeRange } from './types.js';

/** A time more than this far after `now` is a future time, not clock skew. */
const FUTURE_TOLERANCE_MS = 60_000;
const RECENT_MS = 60 * 60_000;

const TIME_CUE =
  /\d|[昨前今明后本上这周星礼拜月号日点时分早晚午凌夜刚]|yesterday|today|tonight|tomorrow|last|ago|morning|afternoon|evening|night|noon|am\b|pm\b|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|week|just now|earlier|dusk|midnight|lunch|night/i;
const RECENT = /刚才|刚刚|just now|a moment ago|a minute ago/i;
const AGO = /(\d+|半|[一二两三四五六七八九十]+)\s*个?\s*(半)?\s*(小时|钟头|分钟)\s*(?:前|之前|以前)|(\d+|an?|half an?|a couple of|a few)\s*(hours?|hrs?|minutes?|mins?)\s*ago/i;
const COMPACT = /(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])([0-5]\d)(?:[0-5]\d)?(?!\d)/;
const WALL = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;
const CLOCK = /^(\d{2}):(\d{2}):(\d{2})$/;

const GREETING = /good\s+(?:morning|afternoon|evening|night)|morning!|早上好|早安|下午好|晚上好|晚安/gi;

/** A reading of one recognised phrase: a window, or a time after now. */
type Reading = { readonly window: WallWindow; readonly hasDate: boolean; readonly hasClock: boolean };

interface Candidate {
  readonly text: string;
  readonly span: Span;
  readonly readings: readonly Reading[];
}

/** Rewrites forms the recognizer misses into ones it reads, keeping a map back to the original positions. */
function prepare(text: string): MappedText {
  const rules: [RegExp, string][] = [
    [/(\d{1,2}|[一二三四五六七八九十]{1,3})[号號]/g, '$1日'],
    [/(?<!\d)(\d{1,2})-(\d{1,2})\s(\d{1,2}:\d{2})/g, '$1月$2日$3'],
    [/上个?(?:礼拜|星期)(?![一二三四五六日天])/g, '上周'],
    [/礼拜/g, '星期'],
    [/([昨今前])儿(?:个)?/g, '$1天'],
    [/(?:尋|寻|琴)日/g, '昨天'],
    [/今日/g, '今天'],
    [/下昼/g, '下午'],
    [/上昼/g, '上午'],
    [/晌午/g, '中午'],
    [/([\d一二三四五六七八九十]{1,3}\s*点)前后/g, '$1左右'],
    [/(\d{1,2})\s+(?=[点时])/g, '$1'],
    [/前晚/g, '前天晚上'],
    // Spaces between time words ("大前天 下午 五点", "上个月 25号") hide the phrase from the recognizer.
    [/(?<=[天晚午早周月年号日点时儿夜])\s+(?=[上下中晚早凌傍半深夜午昨今前]|(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*[点时号日])/g, ''],
    [/(\b(?:mon|tues|wednes|thurs|fri|satur|sun)day)'s\b/gi, '$1'],
  ];
  return rules.reduce((mapped, [pattern, replacement]) => replaceMapped(mapped, pattern, replacement), unmapped(text));
}

function parseWall(value: string | undefined): WallClock | null {
  const m = value === undefined ? null : WALL.exec(value);
  if (!m) return null;
  return {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0),
  };
}

function countOf(token: string): number {
  if (/^\d+$/.test(token)) return Number(token);
  const english: Record<string, number> = { a: 1, an: 1, 'half a': 0.5, 'half an': 0.5, 'a couple of': 2, 'a few': 3 };
  if (english[token.toLowerCase()] !== undefined) return english[token.toLowerCase()] ?? 0;
  if (token === '半') return 0.5;
  const units: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (token.startsWith('十')) return 10 + (units[token[1] ?? ''] ?? 0);
  const [tens, , ones] = token;
  return token.includes('十') ? (units[tens ?? ''] ?? 1) * 10 + (units[ones ?? ''] ?? 0) : (units[token] ?? 0);
}

/** Explicit ranges come as (start,end,duration); anything else with a part-of-day word is that part of day. */
const PART_OF_DAY_TIMEX = /^[^(]/;

/** An explicit clock range (下午5点到6点) on a date. */
function clockRange(date: CalendarDate, from: RegExpExecArray, to: RegExpExecArray): WallWindow {
  const at = (m: RegExpExecArray) => normaliseWall({ ...date, hour: Number(m[1]), minute: Number(m[2]), second: 0 });
  return { start: at(from), end: at(to), precision: 'approximate' };
}

/** Whether an hour can be meant by a part of day: night words (夜里, 凌晨) also cover the small hours. */
function fitsPartOfDay(hour: number, [from, to]: readonly [number, number]): boolean {
  if (from >= 22 || from === 0) return hour >= 22 || hour < 6;
  return hour >= from && hour < to;
}

const COUNTED_NOUN = /^\s+(?:payments?|sales?|transactions?|times|cards?|charges?|swipes?|attempts?|orders?|customers?|declines?|people)\b/i;

const NO_HALF_DAY = /am\b|pm\b|a\.m|p\.m|上午|早|凌晨|下午|晚|夜|中午|morning|afternoon|evening|night|tonight|noon/i;

/**
 * The part of day a phrase names: its own words first, sharpened by "late"/"early" just before it
 * (late last night → 22–24), else a part-of-day word right next to it (lunchtime today, 昨天 凌晨).
 */
function partOfDayOf(matched: string, rawBefore: string, rawAfter: string): readonly [number, number] | null {
  const before = rawBefore.replace(GREETING, ' ');
  const after = rawAfter.replace(GREETING, ' ');
  const own = partOfDayIn(matched);
  const qualified = partOfDayIn(`${before.slice(-10)}${matched}`);
  if (own && qualified && (qualified[0] === 22 || qualified[0] === 0)) return qualified;
  return own ?? partOfDayIn(before.slice(-12)) ?? partOfDayIn(after.slice(0, 14));
}

function readingsOf(result: ModelResult, text: string, today: CalendarDate, yesterday: CalendarDate): Reading[] {
  const matched = text.slice(result.start, result.start + result.text.length);
  const before = text.slice(Math.max(0, result.start - 12), result.start);
  const after = text.slice(result.start + matched.length, result.start + matched.length + 16);
  const context = `${before.slice(-6)}${matched}${after}`;
  const looseness = loosenessOf(matched, before, after);
  const part = partOfDayOf(matched, before, after);
  const nightTwelve = (hour: number) => (hour === 12 && part !== null && part[0] >= 18 ? 24 : hour);
  // 前晚 reads as 晚 alone: move it to the day before yesterday.
  const dayBefore = (d: CalendarDate): CalendarDate => ({ ...d, day: d.day - 1 });
  const undated = text[result.start - 1] === '前' && matched.startsWith('晚') ? [dayBefore(yesterday)] : [today, yesterday];
  const values = (result.resolution?.values ?? []) as Record<string, string | undefined>[];
  // "09:12" or "21:12" written on a 24-hour clock is not also 21:12 / 09:12.
  // A numeric hh:mm is on the 24-hour clock unless am/pm, or in English a part of the day, says otherwise ("10:15" is 10:15).
  const clock24 = /[ap]\.?m\b/i.test(matched) || (!CJK.test(text) && part !== null) ? null : /(?:^|\D)(\d{1,2})[:：]\d\d/.exec(matched);
  const writtenHour = clock24 ? Number(clock24[1]) : null;
  const readings: Reading[] = [];
  for (const v of values) {
    const timex = v.timex ?? '';
    if (timex === 'PRESENT_REF' || timex === 'FUTURE_REF' || timex === 'PAST_REF' || /^\d{4}$/.test(timex)) continue;
    const type = v.Mod === 'after' || v.Mod === 'since' ? (v.type === 'timerange' ? 'time' : 'datetime') : v.type;
    const pointValue = v.value ?? v.start;
    switch (type) {
      case 'datetime': {
        const wall = parseWall(pointValue);
        if (!wall || wall.year < 2000 || (writtenHour !== null && wall.hour !== writtenHour)) break;
        if (part && values.length > 1 && !fitsPartOfDay(wall.hour, part)) break;
        if (COUNTED_NOUN.test(after) && /(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i.test(matched)) {
          // "this afternoon three payments": the number counts payments, it is not a clock time.
          readings.push({ window: part ? partOfDayWindow(wall, part) : dayWindow(wall), hasDate: true, hasClock: part !== null });
          break;
        }
        const hour = part && !fitsPartOfDay(wall.hour, part) && fitsPartOfDay((wall.hour + 12) % 24, part) ? (wall.hour + 12) % 24 : nightTwelve(wall.hour);
        const loose = v.Mod === 'after' ? 'hour-range' : looseness;
        // The English model reads "last night 11" of "last night 11点半": take the minutes from the Chinese that follows.
        const minutesAfter = wall.minute === 0 && /\d$/.test(matched) ? /^\s*[点时]\s*(半|\d{1,2})/.exec(after) : null;
        const minute = minutesAfter ? (minutesAfter[1] === '半' ? 30 : Number(minutesAfter[1])) : wall.minute;
        readings.push({ window: clockWindow(wall, hour, minute, loose), hasDate: true, hasClock: true });
        break;
      }
      case 'date': {
        const wall = parseWall(pointValue);
        if (!wall || wall.year < 2000) break;
        readings.push({ window: part ? partOfDayWindow(wall, part) : dayWindow(wall), hasDate: true, hasClock: part !== null });
        break;
      }
      case 'time': {
        const m = CLOCK.exec(pointValue ?? '');
        if (!m || Number(m[1]) > 23 || (writtenHour !== null && Number(m[1]) !== writtenHour)) break;
        const hour = nightTwelve(Number(m[1]));
        const hours = hour < 12 && writtenHour === null && !NO_HALF_DAY.test(context) ? [hour, hour + 12] : [hour];
        const loose = v.Mod === 'after' ? 'hour-range' : looseness;
        for (const date of undated) {
          for (const h of hours) readings.push({ window: clockWindow(date, h, Number(m[2]), loose), hasDate: false, hasClock: true });
        }
        break;
      }
      case 'datetimerange': {
        const start = parseWall(v.start);
        const end = parseWall(v.end);
        if (!start || !end || start.year < 2000) break;
        const window = part && PART_OF_DAY_TIMEX.test(timex) ? partOfDayWindow(start, part) : { start, end, precision: 'part-of-day' as const };
        readings.push({ window, hasDate: true, hasClock: true });
        break;
      }
      case 'daterange': {
        const start = parseWall(v.start);
        const end = parseWall(v.end);
        if (!start || !end || start.year < 2000) break;
        const last = dayWindow({ year: end.year, month: end.month, day: end.day - 1 }).end;
        readings.push({ window: { start, end: last, precision: 'week' }, hasDate: true, hasClock: false });
        break;
      }
      case 'timerange': {
        const from = CLOCK.exec(v.start ?? '');
        const to = CLOCK.exec(v.end ?? '');
        for (const date of undated) {
          if (part && PART_OF_DAY_TIMEX.test(timex)) readings.push({ window: partOfDayWindow(date, part), hasDate: false, hasClock: true });
          else if (from && to) readings.push({ window: clockRange(date, from, to), hasDate: false, hasClock: true });
        }
        break;
      }
      default:
        break;
    }
  }
  return readings;
}

const instantRange = (window: WallWindow, timeZone: string) => ({
  start: instantOf(window.start, timeZone),
  end: instantOf(window.end, timeZone),
});

/** The latest reading that has begun by now, or 'future' when every reading lies ahead. */
function latestPast(readings: readonly Reading[], now: Date, timeZone: string): Reading | 'future' | null {
  let best: Reading | null = null;
  let bestStart = -Infinity;
  for (const r of readings) {
    const start = instantOf(r.window.start, timeZone).getTime();
    if (start > now.getTime() + FUTURE_TOLERANCE_MS) continue;
    if (start > bestStart) {
      best = r;
      bestStart = start;
    }
  }
  return best ?? (readings.length > 0 ? 'future' : null);
}

/** Puts a clock-only reading (晚上8点, 3pm) on a date-only reading's day (上周五, yesterday). */
function combine(date: Reading, clock: Candidate, timeZone: string, now: Date): Reading | null {
  const day: CalendarDate = date.window.start;
  const dayStart = instantOf({ ...day, hour: 0, minute: 0, second: 0 }, timeZone).getTime();
  const onDay = clock.readings.filter((r) => !r.hasDate && r.hasClock);
  const shifted = onDay.map((r) => {
    const delta = dayStart - instantOf({ ...r.window.start, hour: 0, minute: 0, second: 0 }, timeZone).getTime();
    const startWall = wallClockAt(new Date(instantOf(r.window.start, timeZone).getTime() + delta), timeZone);
    const endWall = wallClockAt(new Date(instantOf(r.window.end, timeZone).getTime() + delta), timeZone);
    return { window: { ...r.window, start: startWall, end: endWall }, hasDate: true, hasClock: true };
  });
  // Within a named part of day (yesterday afternoon ... around 3) keep the clock reading that falls inside it.
  const inside = shifted.filter(
    (r) => date.hasClock && instantOf(r.window.start, timeZone) >= instantOf(date.window.start, timeZone) &&
      instantOf(r.window.start, timeZone) <= instantOf(date.window.end, timeZone),
  );
  const pick = latestPast(inside.length > 0 ? inside : shifted, now, timeZone);
  return pick === 'future' ? null : pick;
}

function ownRules(text: string, now: Date): TimeRange | null {
  const ago = AGO.exec(text);
  if (ago) {
    const count = countOf(ago[1] ?? ago[4] ?? '') + (ago[2] ? 0.5 : 0);
    const unit = ago[3] ?? ago[5] ?? '';
    const minutes = /分钟|min/i.test(unit) ? count : count * 60;
    const at = new Date(Math.floor((now.getTime() - minutes * 60_000) / 60_000) * 60_000);
    return { start: at, end: at, precision: 'minute', text: ago[0], span: spanOf(ago) };
  }
  const recent = RECENT.exec(text);
  if (recent) {
    const end = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    return { start: new Date(end.getTime() - RECENT_MS), end, precision: 'recent', text: recent[0], span: spanOf(recent) };
  }
  return null;
}

function compactTimestamp(text: string, timeZone: string): TimeRange | null {
  const m = COMPACT.exec(text);
  if (!m) return null;
  const wall = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: 0 };
  const at = instantOf(wall, timeZone);
  return { start: at, end: at, precision: 'minute', text: m[0], span: spanOf(m) };
}

const spanOf = (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length });

function recognise(text: string, reference: Date): ModelResult[] {
  const results: ModelResult[] = [];
  if (CJK.test(text)) results.push(...recognizeDateTime(text, Culture.Chinese, undefined, reference));
  if (LATIN_WORD.test(text)) results.push(...recognizeDateTime(text, Culture.English, undefined, reference));
  return results;
}

/**
 * Finds the transaction time in `text` (already redacted, identifiers and amount blanked out).
 * Dates without a year and times without a date take their latest past reading; vague phrases become
 * windows (see time-windows.ts); a window reaching past `now` is cut at `now`; an explicit future time
 * is `future`. Relative phrases resolve against `now` in `timeZone`, never the process's zone.
 */
export function extractTransactionTime(text: string, now: Date, timeZone: string): TimeExtraction {
  if (!TIME_CUE.test(text)) return { kind: 'none' };
  const own = compactTimestamp(text, timeZone) ?? ownRules(text, now);
  if (own) return finish(own, now);

  const nowWall = wallClockAt(now, timeZone);
  const today: CalendarDate = nowWall;
  const yesterday: CalendarDate = wallClockAt(instantOf({ ...nowWall, day: nowWall.day - 1 }, timeZone), timeZone);
  // The recognizer resolves against the process's local clock: hand it the merchant's wall clock as local time.
  const reference = new Date(nowWall.year, nowWall.month - 1, nowWall.day, nowWall.hour, nowWall.minute, nowWall.second);
  const prepared = prepare(text);
  const greetings = [...prepared.text.matchAll(GREETING)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const candidates: Candidate[] = [...recognise(prepared.text, reference), ...ordinalDays(prepared.text, today)]
    .map((r) => ({ text: r.text, span: { start: r.start, end: r.start + r.text.length }, readings: readingsOf(r, prepared.text, today, yesterday) }))
    .filter((c) => c.readings.length > 0 && !overlapsAny(c.span.start, c.span.end, greetings))
    .sort((a, b) => b.text.length - a.text.length);
  if (candidates.length === 0) return standalonePartOfDay(prepared.text, now, timeZone, today);

  const dated = candidates.find((c) => c.readings.some((r) => r.hasDate && r.hasClock));
  const dateOnly = candidates.find((c) => c.readings.every((r) => r.hasDate && !r.hasClock));
  const clocks = candidates.filter((c) => c !== dated && c !== dateOnly && c.readings.every((r) => !r.hasDate));
  // A clock time (五点, 2pm) says more than a part of day (下午): combine with it first.
  const clockOnly = clocks.find((c) => c.readings.some((r) => r.window.precision !== 'part-of-day')) ?? clocks[0];
  const chosen: Candidate = dated ?? dateOnly ?? candidates[0]!;
  let reading = latestPast(chosen.readings, now, timeZone);
  let span = chosen.span;
  const vague = (r: Reading) => r.window.precision === 'day' || r.window.precision === 'week' || r.window.precision === 'part-of-day';
  if (reading !== 'future' && reading !== null && clockOnly && clockOnly !== chosen && vague(reading)) {
    const part = clocks.find((c) => c !== clockOnly && c.readings.every((r) => r.window.precision === 'part-of-day'));
    const dayReading = part && !reading.hasClock ? (combine(reading, part, timeZone, now) ?? reading) : reading;
    const merged = combine(dayReading, clockOnly, timeZone, now);
    if (merged) {
      reading = merged;
      span = { start: Math.min(span.start, clockOnly.span.start), end: Math.max(span.end, clockOnly.span.end) };
    }
  }
  if (reading === 'future') return { kind: 'future', text: chosen.text };
  if (reading === null) return { kind: 'none' };
  if (reading.window.precision === 'day') reading = withSolePartOfDay(reading, prepared.text);
  const range = instantRange(reading.window, timeZone);
  const original = originalSpan(prepared, span.start, span.end);
  return finish({ ...range, precision: reading.window.precision, text: text.slice(original.start, original.end), span: original }, now);
}


/** A whole day narrowed by the one part of day the message names elsewhere ("yesterday ... from lunchtime"). */
function withSolePartOfDay(reading: Reading, text: string): Reading {
  const words = text.replace(GREETING, ' ');
  const parts = new Set(
    [...words.matchAll(/凌晨|早上|上午|中午|下午|傍晚|晚上|半夜|深夜|\bmorning\b|\bnoon\b|\blunch ?time\b|\bafternoon\b|\bevening\b|\bnight\b/gi)]
      .map((m) => partOfDayIn(m[0]))
      .filter((p) => p !== null)
      .map((p) => p.join('-')),
  );
  if (parts.size !== 1) return reading;
  const part = partOfDayIn(words.match(/凌晨|早上|上午|中午|下午|傍晚|晚上|半夜|深夜|\bmorning\b|\bnoon\b|\blunch ?time\b|\bafternoon\b|\bevening\b|\bnight\b/i)?.[0] ?? '');
  return part ? { ...reading, window: partOfDayWindow(reading.window.start, part) } : reading;
}

const ORDINAL_DAY = /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b/gi;

/** "the 20th": the recognizer misses a bare ordinal day next to other words; read it as this or last month's. */
function ordinalDays(text: string, today: CalendarDate): ModelResult[] {
  return [...text.matchAll(ORDINAL_DAY)].map((m) => {
    const day = Number(m[1]);
    const pad = (n: number) => String(n).padStart(2, '0');
    const values = [0, -1].map((back) => {
      const d = normaliseWall({ year: today.year, month: today.month + back, day: 1, hour: 0, minute: 0, second: 0 });
      return { timex: `XXXX-XX-${pad(day)}`, type: 'date', value: `${d.year}-${pad(d.month)}-${pad(day)}` };
    });
    return { start: m.index, end: m.index + m[0].length - 1, text: m[0], typeName: 'datetimeV2.date', resolution: { values } };
  });
}

const DAY_OFFSETS: readonly [RegExp, number][] = [
  [/大前天/, -3],
  [/前天/, -2],
  [/昨|yesterday|last night/i, -1],
  [/今|today|this morning|tonight/i, 0],
];

/** A part of day the recognizer did not read (凌晨, 半夜, 前天凌晨): on the named day, else its latest past. */
function standalonePartOfDay(text: string, now: Date, timeZone: string, today: CalendarDate): TimeExtraction {
  const part = partOfDayIn(text);
  if (!part) return { kind: 'none' };
  const offset = DAY_OFFSETS.find(([re]) => re.test(text))?.[1];
  const day = (back: number): CalendarDate => normaliseWall({ ...today, day: today.day + back, hour: 0, minute: 0, second: 0 });
  const days = offset === undefined ? [day(0), day(-1)] : [day(offset)];
  const reading = latestPast(days.map((d) => ({ window: partOfDayWindow(d, part), hasDate: false, hasClock: true })), now, timeZone);
  if (reading === null || reading === 'future') return reading === 'future' ? { kind: 'future', text } : { kind: 'none' };
  const range = instantRange(reading.window, timeZone);
  return finish({ ...range, precision: 'part-of-day', text, span: { start: 0, end: 0 } }, now);
}

function finish(range: TimeRange, now: Date): TimeExtraction {
  if (range.start.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return { kind: 'future', text: range.text };
  const cutAt = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const end = range.end.getTime() > now.getTime() ? cutAt : range.end;
  return { kind: 'ok', range: { ...range, end: end < range.start ? range.start : end } };
}
