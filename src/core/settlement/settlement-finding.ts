// Turns a due time into a diagnosis finding: "not due yet", and why (cut-off, weekend or holiday, the mode).
import type { SettlementFinding } from '../diagnosis/diagnose.js';
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
  const parts = [`mode ${due.mode.id}${due.fellBackTo ? ` (fell back to ${due.fellBackTo.id})` : ''}`];
  if (due.afterCutoff) parts.push(`after the cut-off: business day ${isoDate(due.businessDay)}`);
  if (due.skipped.length > 0) parts.push(`waits over ${due.skipped.map((s) => (s.holiday ? `${isoDate(s.date)} ${s.holiday.split(',')[1] ?? s.holiday}` : isoDate(s.date))).join(', ')}`);
  const dueBy = toZonedIso(due.dueBy, timeZone);
  parts.push(`due by ${dueBy}`);
  return { cause, detail: parts.join('; '), dueBy, mode: (due.fellBackTo ?? due.mode).id };
}
