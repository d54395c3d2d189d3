// Matches a merchant's free-text answer to one of the options the bot offered ("收到了" → "收到扣款短信").
import { normaliseText } from '../nlu/normalise-text.js';

const clean = (text: string) => normaliseText(text).toLowerCase().replace(/[\s,，.。!！?？'"“”‘’、:：;；()（）\-]+/g, ' ').trim();

/** Two-character pieces of Chinese runs and whole Latin words: what two phrasings of one answer share. */
function pieces(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i += 1) out.add(run.slice(i, i + 2));
  }
  for (const word of text.match(/[a-z0-9]+/g) ?? []) if (!['a', 'an', 'the', 'it', 'is', 'of', 'i', 'my'].includes(word)) out.add(word);
  return out;
}

const NEGATION = /没|不|无|未|\bno\b|\bnot\b|n't|\bnever\b|\bnone\b/;

/**
 * The index of the option the text chooses, or null. An exact or contained label wins; otherwise the
 * option sharing the largest part of the shorter side's pieces (at least half), ahead of every other;
 * a negated answer ("没有") only picks a negated option and vice versa.
 */
export function matchOption(text: string, labels: readonly string[]): number | null {
  const t = clean(text);
  if (t.length === 0) return null;
  const cleaned = labels.map(clean);
  const exact = cleaned.findIndex((l) => l === t);
  if (exact >= 0) return exact;
  const negated = NEGATION.test(t);
  const fits = (l: string) => NEGATION.test(l) === negated;
  const contained = cleaned.map((l, i) => ((l.includes(t) || t.includes(l)) && fits(l) ? i : -1)).filter((i) => i >= 0);
  if (contained.length === 1) return contained[0]!;
  const mine = pieces(t);
  const scores = cleaned.map((l) => {
    const theirs = pieces(l);
    if (mine.size === 0 || theirs.size === 0 || !fits(l)) return 0;
    let shared = 0;
    for (const p of mine) if (theirs.has(p)) shared += 1;
    return shared / Math.min(mine.size, theirs.size);
  });
  const best = Math.max(...scores);
  if (best < 0.5 || scores.filter((s) => s === best).length > 1) return null;
  return scores.indexOf(best);
}
