// The mainland China working-day calendar (statutory holidays, make-up working days), from the chinese-days package's data.
import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { CalendarDate } from '../core/nlu/time-windows.js';
import type { DayInfo, WorkingDayCalendar } from '../core/settlement/settlement-due.js';
import { isoDate, weekdayOf } from '../core/time/zoned-time.js';

const { holidays, workdays } = calendarData as { holidays: Record<string, string>; workdays: Record<string, string> };
const coveredYears = new Set(Object.keys(holidays).map((d) => Number(d.slice(0, 4))));


/**
 * Working days per the State Council's published holiday arrangements, as kept in the maintained
 * chinese-days package (holidays and make-up working days, 2004 onwards): a weekday that is not a
 * holiday, or a weekend day that is a make-up working day. A year without data counts weekends only
 * and reports `known: false`.
 */
export const chineseWorkingDays: WorkingDayCalendar = {
  day(date: CalendarDate): DayInfo {
    const key = isoDate(date);
    const holiday = holidays[key] ?? null;
    const weekend = [0, 6].includes(weekdayOf({ ...date, hour: 0, minute: 0, second: 0 }));
    const working = workdays[key] !== undefined || (!weekend && holiday === null);
    return { working, holiday, known: coveredYears.has(date.year) };
  },
};
