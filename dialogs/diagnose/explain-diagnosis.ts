// Renders a diagnosis for the merchant: the cause in one sentence, the evidence, the ordered steps.
import type { Diagnosis, Evidence } from '../../src/core/diagnosis/types.js';
import type { CauseEntry, Lang, ResponseCode } from '../../src/core/knowledge/types.js';
import { formatMoment } from '../wording/format-report.js';
import type { Locale, Wording } from '../wording/index.js';

export const langOf = (locale: Locale): Lang => (locale === 'zh-CN' ? 'zh' : 'en');

function evidenceLine(e: Evidence, w: Wording, locale: Locale, codes: ReadonlyMap<string, ResponseCode>, timeZone: string): string | null {
  const lang = langOf(locale);
  switch (e.kind) {
    case 'code': {
      const code = e.detail.slice(0, 2);
      return w.diagnosis.codeEvidence(code, codes.get(code)?.meaning[lang] ?? '');
    }
    case 'unknown-code':
      return w.diagnosis.unknownCodeEvidence(e.detail);
    case 'screen-text':
      return w.diagnosis.screenTextEvidence(e.detail);
    case 'answer': {
      const [, labels = ''] = e.detail.split(': ');
      const [zh = '', en = ''] = labels.split(' / ');
      return w.diagnosis.answerEvidence(lang === 'zh' ? zh : en);
    }
    case 'settlement-rule': {
      const due = /due by (\S+)$/.exec(e.detail)?.[1];
      const mode = /mode (\w+)(?: \(fell back to (\w+)\))?/.exec(e.detail);
      return due ? w.diagnosis.settlementEvidence(formatMoment(new Date(due), timeZone, locale), mode?.[2] ?? mode?.[1] ?? '') : null;
    }
    case 'words':
      return w.diagnosis.wordsEvidence(e.detail.split(', ').filter((word) => !word.includes('_') && word.length > 1).slice(0, 3).join('、'));
  }
}

/**
 * The messages that explain `cause`: the likely cause in one sentence, the evidence that decided it
 * (codes, screen texts, answers and the settlement rule before the merchant's words), and the fix
 * as numbered steps.
 */
export function explainDiagnosis(
  diagnosis: Diagnosis,
  cause: CauseEntry,
  w: Wording,
  locale: Locale,
  codes: ReadonlyMap<string, ResponseCode>,
  timeZone: string,
): string[] {
  const lang = langOf(locale);
  const lines = diagnosis.evidence
    .filter((e) => e.kind !== 'words' || diagnosis.evidence.length === 1)
    .map((e) => evidenceLine(e, w, locale, codes, timeZone))
    .filter((line): line is string => line !== null && line.length > 0);
  const first = w.diagnosis.likelyCause(cause.title[lang], cause.summary[lang]);
  return [lines.length > 0 ? `${first}\n${w.diagnosis.evidence(lines)}` : first, w.diagnosis.steps(cause.fix[lang])];
}
