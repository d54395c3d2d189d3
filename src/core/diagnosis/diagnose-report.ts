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
  /** The merchant says the payment went through but the money has not arrived: settlement rules apply. */
  readonly moneyMissing: boolean;
  /** The causes the kind of problem allows (see DiagnosisInput.within). */
  readonly within?: ReadonlySet<string>;
}

/** The causes a settlement timing rule can explain on its own (the money is simply not due yet). */
const TIMING_CAUSES: ReadonlySet<string> = new Set(['settlement_delay', 'cutoff_time', 'holiday_delay']);

/**
 * Diagnoses from the words and the response code first. The settlement rule is applied only to money
 * that has not arrived (`moneyMissing`), when the trade time is known, and only when the words do not
 * already name another cause with confidence ("新装的机器 第一笔没到账" is a first payout, whatever the
 * weekday). Then it decides whether the money is simply not due yet (the latest moment of the stated
 * time window is used, so "not due" is never claimed too early).
 */
export function diagnoseReport(context: DiagnosisContext, input: ReportDiagnosisInput): Diagnosis {
  const base = { text: input.text, responseCode: input.report?.responseCode ?? input.responseCode ?? null, answers: input.answers, ...(input.within ? { within: input.within } : {}) };
  const first = diagnose(context.model, base);
  const time = input.report?.time;
  const settled = first.decision === 'answer' && first.cause !== null && !TIMING_CAUSES.has(first.cause);
  if (!input.moneyMissing || first.offTopic || !time || settled) return first;
  const due = settlementDue(new Date(time.end), context.settlementMode, context.settlement, input.timeZone, context.calendar);
  const finding = settlementFinding(due, input.now, input.timeZone);
  return finding ? diagnose(context.model, { ...base, settlement: finding }) : first;
}
