// Reads a merchant message the way the bot does (redact, find the code) and diagnoses it.
import { diagnose, type SettlementFinding } from '../core/diagnosis/diagnose.js';
import type { DiagnosisModel } from '../core/diagnosis/diagnosis-model.js';
import type { AnsweredQuestion, Diagnosis } from '../core/diagnosis/types.js';
import { extractIdentifiers } from '../core/nlu/extract-identifiers.js';
import { normaliseText } from '../core/nlu/normalise-text.js';
import { redactCardData } from '../core/nlu/redact-card-data.js';

/** Diagnoses free text: card data masked first, the response code read from the text unless given. */
export function diagnoseText(
  model: DiagnosisModel,
  text: string,
  extra: { responseCode?: string | null; answers?: readonly AnsweredQuestion[]; settlement?: SettlementFinding | null } = {},
): Diagnosis {
  const redacted = redactCardData(text).text;
  const responseCode = extra.responseCode ?? extractIdentifiers(normaliseText(redacted)).responseCode;
  return diagnose(model, { text: redacted, responseCode, ...(extra.answers ? { answers: extra.answers } : {}), settlement: extra.settlement ?? null });
}
