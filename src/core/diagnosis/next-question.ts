// Picks the follow-up question whose answer best separates the top candidate causes.
import type { FollowUpQuestion } from '../knowledge/types.js';
import type { CauseScore } from './types.js';

/** How much more likely an option is for a cause it supports than for one it does not. */
const SUPPORT_RATIO = 8;

function entropy(p: readonly number[]): number {
  return -p.reduce((h, x) => (x > 0 ? h + x * Math.log2(x) : h), 0);
}

/**
 * Among questions not yet asked, the one with the least expected entropy over the candidates'
 * probabilities after the answer (each option assumed 8× likelier for the causes it supports). Only
 * a question that separates the top two candidates qualifies; null when none does.
 */
export function nextQuestion(
  candidates: readonly (CauseScore & { readonly probability: number })[],
  questions: Iterable<FollowUpQuestion>,
  asked: ReadonlySet<string>,
): FollowUpQuestion | null {
  const [first, second] = candidates;
  if (!first || !second) return null;
  let best: FollowUpQuestion | null = null;
  let bestEntropy = entropy(candidates.map((c) => c.probability));
  for (const question of questions) {
    if (asked.has(question.id)) continue;
    const separates = question.options.some((o) => o.supports.includes(first.cause) !== o.supports.includes(second.cause));
    if (!separates) continue;
    // likelihood[c][o]: how likely a merchant whose cause is c picks option o
    const likelihood = candidates.map((c) => {
      const raw = question.options.map((o) => (o.supports.includes(c.cause) ? SUPPORT_RATIO : 1));
      const total = raw.reduce((a, b) => a + b, 0);
      return raw.map((r) => r / total);
    });
    let expected = 0;
    question.options.forEach((_, o) => {
      const joint = candidates.map((c, i) => c.probability * (likelihood[i]?.[o] ?? 0));
      const pOption = joint.reduce((a, b) => a + b, 0);
      if (pOption > 0) expected += pOption * entropy(joint.map((j) => j / pOption));
    });
    if (expected < bestEntropy - 0.05) {
      best = question;
      bestEntropy = expected;
    }
  }
  return best;
}
