// Wall-clock arithmetic in an IANA time zone, built on Intl only (no clock reads, no process time zone).

/** A civil date-time as read on a clock in some zone. Months are 1-12; weekday 0 = Sunday. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function utcMillisOf(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Shanghai: +480). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const wall = wallClockAt(new Date(Math.floor(instant.getTime() / 1000) * 1000), timeZone);
  return Math.round((utcMillisOf(wall) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which clocks in `timeZone` show `wall`. Fields may overflow (day 0, hour 24) and are
 * normalised like Date.UTC. In a DST gap the later reading is used; in an overlap, the earlier.
 */
export function instantOf(wall: WallClock, timeZone: string): Date {
  const naive = utcMillisOf(wall);
  let guess = naive - offsetMinutesAt(new Date(naive), timeZone) * 60_000;
  guess = naive - offsetMinutesAt(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** Normalised wall clock: `wall` with overflowing fields carried (e.g. day 0 → last day of the previous month). */
export function normaliseWall(wall: WallClock): WallClock {
  const d = new Date(utcMillisOf(wall));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Day of week of a wall-clock date: 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(wall: WallClock): number {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** ISO-8601 with the zone's offset at that instant, to the second: `2026-11-25T20:00:00+08:00`. */
export function toZonedIso(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  const offset = offsetMinutesAt(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` +
    `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

/** "2026-11-26" for a calendar date (the key holiday data and reports use). */
export function isoDate(date: { readonly year: number; readonly month: number; readonly day: number }): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}
