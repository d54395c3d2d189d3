// When the help desk is staffed, in the merchant's time zone: "Mon-Fri 09:00-18:00" style rules.
import { instantOf, normaliseWall, wallClockAt, weekdayOf } from '../time/zoned-time.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export interface BusinessHours {
  /** Weekdays staffed, 0 = Sunday. */
  readonly days: ReadonlySet<number>;
  /** Minutes after midnight: [open, close). */
  readonly open: number;
  readonly close: number;
}

const RULE = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat)(?:-(Sun|Mon|Tue|Wed|Thu|Fri|Sat))?\s+([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** Parses "Mon-Sun 09:00-21:00" (or "Mon 09:00-12:00"); null when the text is not of that form. */
export function parseBusinessHours(text: string): BusinessHours | null {
  const m = RULE.exec(text.trim());
  if (!m) return null;
  const from = DAYS.indexOf(m[1] as (typeof DAYS)[number]);
  const to = m[2] ? DAYS.indexOf(m[2] as (typeof DAYS)[number]) : from;
  const days = new Set<number>();
  for (let d = from; ; d = (d + 1) % 7) {
    days.add(d);
    if (d === to) break;
  }
  const open = Number(m[3]) * 60 + Number(m[4]);
  const close = Number(m[5]) * 60 + Number(m[6]);
  return open < close ? { days, open, close } : null;
}

/** True when `now` falls inside the staffed hours, on the clock of `timeZone`. */
export function isStaffed(hours: BusinessHours, now: Date, timeZone: string): boolean {
  const wall = wallClockAt(now, timeZone);
  const minute = wall.hour * 60 + wall.minute;
  return hours.days.has(weekdayOf(wall)) && minute >= hours.open && minute < hours.close;
}

/** The next moment the desk opens after `now` (now itself when already staffed). */
export function nextOpening(hours: BusinessHours, now: Date, timeZone: string): Date {
  if (isStaffed(hours, now, timeZone)) return now;
  const wall = wallClockAt(now, timeZone);
  for (let ahead = 0; ahead <= 7; ahead += 1) {
    const day = normaliseWall({ ...wall, day: wall.day + ahead, hour: 0, minute: 0, second: 0 });
    const opening = instantOf({ ...day, hour: Math.floor(hours.open / 60), minute: hours.open % 60, second: 0 }, timeZone);
    if (hours.days.has(weekdayOf(day)) && opening.getTime() > now.getTime()) return opening;
  }
  return now;
}
