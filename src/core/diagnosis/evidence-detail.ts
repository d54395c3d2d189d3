// Evidence as one line of text for agents and tools (the ticket, `cli classify`); merchants get the wording layer's rendering.
import type { DiagnosisModel } from './diagnosis-model.js';
import type { Evidence } from './types.js';

/** What decided, in a line both languages' agents read: "51: 资金不足 / Insufficient funds", "due by 2026-11-27T23:59:59+08:00 (T1)". */
export function evidenceDetail(e: Evidence, model: DiagnosisModel): string {
  switch (e.kind) {
    case 'code': {
      const meaning = model.responseCodes.get(e.code)?.meaning;
      return meaning ? `${e.code}: ${meaning.zh} / ${meaning.en}` : e.code;
    }
    case 'unknown-code':
      return e.code;
    case 'screen-text':
      return e.text;
    case 'words':
      return e.words.join(', ');
    case 'answer': {
      const option = model.questions.get(e.questionId)?.options[e.optionIndex];
      return option ? `${e.questionId}: ${option.label.zh} / ${option.label.en}` : e.questionId;
    }
    case 'settlement-rule': {
      const f = e.finding;
      const parts = [`mode ${f.mode}${f.fellBackFrom ? ` (fell back from ${f.fellBackFrom})` : ''}`];
      if (f.afterCutoff) parts.push(`after the cut-off: business day ${f.afterCutoff}`);
      if (f.waitsOver.length > 0) parts.push(`waits over ${f.waitsOver.map((d) => (d.holiday ? `${d.date} ${d.holiday}` : d.date)).join(', ')}`);
      parts.push(`due by ${f.dueBy}`);
      return parts.join('; ');
    }
  }
}

/** Evidence as `{kind, cause, detail}`: the shape `cli classify` prints and tickets keep. */
export function describeEvidence(evidence: readonly Evidence[], model: DiagnosisModel): { kind: Evidence['kind']; cause: string; detail: string }[] {
  return evidence.map((e) => ({ kind: e.kind, cause: e.cause, detail: evidenceDetail(e, model) }));
}
