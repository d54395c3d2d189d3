// When a successful trade's money is due, from the settlement mode, the 23:00 cut-off and the working-day calendar.
import type { SettlementMode, SettlementRules } from '../knowledge/types.js';
import type { CalendarDate } from '../nlu/time-windows.js';
import { instantOf, normaliseWall, wallClockAt } from '../time/zoned-time.js';

/** What a calendar knows about one day. */
export interface DayInfo {
  readonly working: boolean;
  /** The statutory holiday's name ("National Day,国庆节") when the day is one. */
  readonly holiday: string | null;
  /** False when the calendar has no data for that year (then only weekends are known). */
  readonly known: boolean;
}

/** The working-day calendar (statutory holidays and make-up working days), injected into the core. */
export interface WorkingDayCalendar {
  day(date: CalendarDate): DayInfo;
}

export interface SettlementDue {
  readonly mode: SettlementMode;
  /** The business day the trade belongs to (the next day when it was at or after the cut-off). */
  readonly businessDay: CalendarDate;
  readonly afterCutoff: boolean;
  /** Instant payout (D0 inside its window): due at once. */
  readonly instant: boolean;
  /** D0 outside its window fell back to this mode. */
  readonly fellBackTo: SettlementMode | null;
  /** Weekends and holidays the payout waits over. */
  readonly skipped: readonly { readonly date: CalendarDate; readonly holiday: string | null }[];
  /** The instant by which the money should have arrived. */
  readonly dueBy: Date;
  /** False when a year involved has no holiday data (weekends only were used). */
  readonly calendarKnown: boolean;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const addDays = (d: CalendarDate, n: number): CalendarDate => {
  const w = normaliseWall({ ...d, day: d.day + n, hour: 0, minute: 0, second: 0 });
  return { year: w.year, month: w.month, day: w.day };
};

/**
 * Works out when a trade made at `tradeAt` settles under `modeId` (T1, T0, D1, D0 ...): a trade at or
 * after the cut-off belongs to the next day; working-day modes skip weekends and holidays (T+1 of a
 * Friday, Saturday or Sunday trade is Monday); D0 pays at once inside its window, else falls back.
 * The payout is due by the mode's `payoutBy` time on the due day, else by the end of that day.
 */
export function settlementDue(tradeAt: Date, modeId: string, rules: SettlementRules, timeZone: string, calendar: WorkingDayCalendar): SettlementDue {
  const modes = new Map(rules.modes.map((m) => [m.id, m]));
  const requested = modes.get(modeId) ?? modes.get(rules.defaultMode)!;
  const wall = wallClockAt(tradeAt, timeZone);
  const minute = wall.hour * 60 + wall.minute;
  const afterCutoff = minute >= minutesOf(rules.cutoff);
  const tradeDay: CalendarDate = { year: wall.year, month: wall.month, day: wall.day };
  const businessDay = afterCutoff ? addDays(tradeDay, 1) : tradeDay;
  const window = requested.window;
  const instant = window !== undefined && !afterCutoff && minute >= minutesOf(window.start) && minute < minutesOf(window.end);
  const fellBackTo = window !== undefined && !instant ? (modes.get(requested.fallback ?? rules.defaultMode) ?? null) : null;
  const mode = fellBackTo ?? requested;
  let calendarKnown = true;
  const skipped: { date: CalendarDate; holiday: string | null }[] = [];
  const isWorking = (d: CalendarDate) => {
    const info = calendar.day(d);
    calendarKnown &&= info.known;
    if (!info.working) skipped.push({ date: d, holiday: info.holiday });
    return info.working;
  };
  if (instant) {
    return { mode: requested, businessDay, afterCutoff, instant, fellBackTo: null, skipped, dueBy: tradeAt, calendarKnown };
  }
  let due = businessDay;
  if (mode.calendar === 'calendar') {
    due = addDays(businessDay, mode.days);
  } else {
    if (mode.days === 0) while (!isWorking(due)) due = addDays(due, 1);
    for (let n = 0; n < mode.days; n += 1) {
      due = addDays(due, 1);
      while (!isWorking(due)) due = addDays(due, 1);
    }
  }
  const [hour, min] = mode.payoutBy ? [Number(mode.payoutBy.slice(0, 2)), Number(mode.payoutBy.slice(3, 5))] : [23, 59];
  const dueBy = instantOf({ ...due, hour, minute: min, second: mode.payoutBy ? 0 : 59 }, timeZone);
  return { mode: requested, businessDay, afterCutoff, instant, fellBackTo, skipped, dueBy, calendarKnown };
}
