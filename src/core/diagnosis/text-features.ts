// Turns a message into sparse features: Chinese character n-grams, English words and character n-grams,
// and concept features from the lexicon, so that 密码 and PIN, 冻结 and frozen meet in one feature.
import { normaliseWidth } from '../nlu/normalise-text.js';

export type SparseVector = Map<string, number>;

/** A named concept (lexicon concept, a cause's keywords or screen texts) and the words that signal it. */
export interface ConceptMatcher {
  readonly feature: string;
  /** Terms as the features see them (lower case, digits folded). */
  readonly terms: readonly string[];
  readonly weight: number;
}

export interface TermHit {
  readonly feature: string;
  readonly weight: number;
  readonly start: number;
  readonly end: number;
}

interface TermEntry {
  readonly feature: string;
  readonly weight: number;
  readonly term: string;
}

/**
 * All concept terms compiled for one pass over a message: Chinese terms indexed by their first
 * character (matched as substrings), English terms in one whole-word regex (longest first).
 */
export interface ConceptIndex {
  readonly concepts: readonly ConceptMatcher[];
  readonly byFirstChar: ReadonlyMap<string, readonly TermEntry[]>;
  readonly english: RegExp | null;
  readonly englishTerms: ReadonlyMap<string, readonly TermEntry[]>;
}

const isCjkTerm = (term: string) => /[\u3400-\u9fff]/.test(term);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function buildConceptIndex(concepts: readonly ConceptMatcher[]): ConceptIndex {
  const byFirstChar = new Map<string, TermEntry[]>();
  const englishTerms = new Map<string, TermEntry[]>();
  for (const concept of concepts) {
    for (const term of new Set(concept.terms)) {
      if (term.length === 0) continue;
      const entry = { feature: concept.feature, weight: concept.weight, term };
      if (isCjkTerm(term)) {
        const first = term[0]!;
        byFirstChar.set(first, [...(byFirstChar.get(first) ?? []), entry]);
      } else if (/[a-z#]/.test(term)) {
        englishTerms.set(term, [...(englishTerms.get(term) ?? []), entry]);
      }
    }
  }
  const words = [...englishTerms.keys()].sort((a, b) => b.length - a.length);
  const english = words.length > 0 ? new RegExp(`(?<![a-z0-9#])(?:${words.map(escape).join('|')})(?![a-z0-9#])`, 'g') : null;
  return { concepts, byFirstChar, english, englishTerms };
}

const CJK_RUN = /[\u3400-\u9fff]+/g;
const LATIN_WORD = /[a-z][a-z']*/g;
const STOPWORDS = new Set(['the', 'a', 'an', 'is', 'it', 'to', 'and', 'or', 'of', 'my', 'i', 'on', 'in', 'for', 'at', 'me', 'this', 'that', 'was', 'be', 'we', 'you', 'but', 'so', 'do', 'did', 'what', 'with']);

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Lower-cased, width-normalised text with digit runs folded to one symbol (amounts and ids are noise here). */
export function normaliseForFeatures(text: string): string {
  return normaliseWidth(text).toLowerCase().replace(/\d+(?:[.,]\d+)*/g, '#');
}

function add(vector: SparseVector, feature: string, weight: number): void {
  vector.set(feature, (vector.get(feature) ?? 0) + weight);
}

/** Raw term counts of `text` (before tf-idf weighting). */
export function rawFeatures(text: string, concepts: ConceptIndex): SparseVector {
  const normalised = normaliseForFeatures(text);
  const vector: SparseVector = new Map();
  for (const run of normalised.match(CJK_RUN) ?? []) {
    for (let i = 0; i < run.length; i += 1) {
      add(vector, `u:${run[i]}`, 0.5);
      if (i + 1 < run.length) add(vector, `b:${run.slice(i, i + 2)}`, 1);
      if (i + 2 < run.length) add(vector, `t:${run.slice(i, i + 3)}`, 1);
    }
  }
  for (const raw of normalised.match(LATIN_WORD) ?? []) {
    const word = raw.replace(/'s$|'/g, '');
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    const stemmed = stem(word);
    add(vector, `w:${stemmed}`, 1);
    const padded = `_${stemmed}_`;
    for (let i = 0; i + 4 <= padded.length; i += 1) add(vector, `g:${padded.slice(i, i + 4)}`, 0.3);
  }
  for (const hit of conceptHits(normalised, concepts)) add(vector, hit.feature, hit.weight);
  return vector;
}

/** The concept terms found in `text`, as written there (for evidence: "余额不足", "frozen"). */
export function matchedTerms(text: string, concepts: ConceptIndex): { feature: string; term: string }[] {
  const normalised = normaliseForFeatures(text);
  return conceptHits(normalised, concepts).map((h) => ({ feature: h.feature, term: normalised.slice(h.start, h.end) }));
}

/**
 * Concepts whose terms occur in the text. A term inside a longer term of another concept does not
 * count (余额不足 inside T0余额不足 or 退款提示余额不足 is not the funds concept); each concept counts once.
 */
function conceptHits(normalised: string, index: ConceptIndex): TermHit[] {
  const hits: TermHit[] = [];
  for (let at = 0; at < normalised.length; at += 1) {
    for (const entry of index.byFirstChar.get(normalised[at]!) ?? []) {
      if (normalised.startsWith(entry.term, at)) hits.push({ feature: entry.feature, weight: entry.weight, start: at, end: at + entry.term.length });
    }
  }
  if (index.english) {
    for (const m of normalised.matchAll(index.english)) {
      for (const entry of index.englishTerms.get(m[0]) ?? []) hits.push({ feature: entry.feature, weight: entry.weight, start: m.index, end: m.index + m[0].length });
    }
  }
  hits.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: TermHit[] = [];
  for (const hit of hits) {
    const covered = kept.some((k) => k.feature !== hit.feature && k.start <= hit.start && hit.end <= k.end && k.end - k.start > hit.end - hit.start);
    if (!covered) kept.push(hit);
  }
  const seen = new Set<string>();
  return kept.filter((h) => !seen.has(h.feature) && seen.add(h.feature));
}
