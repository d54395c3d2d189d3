// A working-day calendar for markets without a maintained holiday package: Saturdays, Sundays and the listed holidays off.
import type { CalendarDate } from '../core/nlu/time-windows.js';
import type { DayInfo, WorkingDayCalendar } from '../core/settlement/settlement-due.js';
import { isoDate, weekdayOf } from '../core/time/zoned-time.js';

/**
 * Working days are Monday to Friday except `holidays` ("YYYY-MM-DD"), which the deployment's settlement file
 * lists. A day is `known` when its year appears in that list (or the list is empty: a market without bank
 * holidays); outside those years a holiday could move the date and the bot says so.
 */
export function weekendDays(holidays: readonly string[]): WorkingDayCalendar {
  const off = new Set(holidays);
  const years = new Set(holidays.map((d) => Number(d.slice(0, 4))));
  return {
    day(date: CalendarDate): DayInfo {
      const key = isoDate(date);
      const weekend = [0, 6].includes(weekdayOf({ ...date, hour: 0, minute: 0, second: 0 }));
      return { working: !weekend && !off.has(key), holiday: off.has(key) ? key : null, known: years.size === 0 || years.has(date.year) };
    },
  };
}
