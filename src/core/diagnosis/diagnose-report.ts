// Diagnoses a collected report: the merchant's words and code, plus the settlement rule when money is missing.
import type { SettlementRules } from '../knowledge/types.js';
import type { TransactionReport } from '../report/transaction-report.js';
import { settlementDue, type WorkingDayCalendar } from '../settlement/settlement-due.js';
import { settlementFinding } from '../settlement/settlement-finding.js';
import { diagnose } from './diagnose.js';
import type { DiagnosisModel } from './diagnosis-model.js';
import type { AnsweredQuestion, Diagnosis } from './types.js';

/** What diagnosis needs besides the report: the model, the settlement rules and calendar, the merchant's mode. */
export interface DiagnosisContext {
  readonly model: DiagnosisModel;
  readonly settlement: SettlementRules;
  readonly calendar: WorkingDayCalendar;
  /** The merchant's settlement mode id (T1, D0 ...). */
  readonly settlementMode: string;
}

export interface ReportDiagnosisInput {
  readonly text: string;
  readonly report: TransactionReport | null;
  /** The response code when there is no report to carry it (a plain question like "51是什么意思"). */
  readonly responseCode?: string | null;
  readonly answers: readonly AnsweredQuestion[];
  readonly now: Date;
  readonly timeZone: string;
}

/**
 * Diagnoses from the words and the response code first. When a settlement cause is among the top two
 * and the trade time is known, the settlement rule decides whether the money is simply not due yet
 * (the latest moment of the stated time window is used, so "not due" is never claimed too early).
 */
export function diagnoseReport(context: DiagnosisContext, input: ReportDiagnosisInput): Diagnosis {
  const base = { text: input.text, responseCode: input.report?.responseCode ?? input.responseCode ?? null, answers: input.answers };
  const first = diagnose(context.model, base);
  const time = input.report?.time;
  const aboutSettlement = first.candidates.slice(0, 2).some((c) => context.model.causes.get(c.cause)?.class === 'settlement');
  if (first.offTopic || !time || !aboutSettlement) return first;
  const due = settlementDue(new Date(time.end), context.settlementMode, context.settlement, input.timeZone, context.calendar);
  const finding = settlementFinding(due, input.now, input.timeZone);
  return finding ? diagnose(context.model, { ...base, settlement: finding }) : first;
}
