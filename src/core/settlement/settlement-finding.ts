// Turns a due time into a diagnosis finding: "not due yet", and why (cut-off, weekend or holiday, the mode).
import type { SettlementFinding } from '../diagnosis/types.js';
import { isoDate, toZonedIso } from '../time/zoned-time.js';
import type { SettlementDue } from './settlement-due.js';


/**
 * When the money is not due yet at `now`, the cause that explains the wait: holiday_delay when the
 * payout waits over weekends or holidays, cutoff_time when the trade fell after the cut-off, else
 * settlement_delay. Null once the due time has passed (then something else is wrong).
 */
export function settlementFinding(due: SettlementDue, now: Date, timeZone: string): SettlementFinding | null {
  if (now.getTime() > due.dueBy.getTime()) return null;
  const cause = due.skipped.length > 0 ? 'holiday_delay' : due.afterCutoff ? 'cutoff_time' : 'settlement_delay';
  return {
    cause,
    dueBy: toZonedIso(due.dueBy, timeZone),
    mode: (due.fellBackTo ?? due.mode).id,
    fellBackFrom: due.fellBackTo ? due.mode.id : null,
    afterCutoff: due.afterCutoff ? isoDate(due.businessDay) : null,
    waitsOver: due.skipped.map((s) => ({ date: isoDate(s.date), holiday: s.holiday ? (s.holiday.split(',')[1] ?? s.holiday) : null })),
  };
}
