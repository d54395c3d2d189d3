// Turns a message into sparse features: Chinese character n-grams, English words and character n-grams,
// and concept features from the lexicon, so that 密码 and PIN, 冻结 and frozen meet in one feature.
import { normaliseText } from '../nlu/normalise-text.js';

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
  /** Latin terms match whole words only ("pin" not inside "spinning"); Chinese terms match anywhere. */
  readonly wholeWord: boolean;
}

/** A character trie over the terms: each node lists the terms that end there. */
interface TrieNode {
  readonly children: Map<string, TrieNode>;
  readonly entries: TermEntry[];
}

/** All concept terms compiled into one character trie, so a message is matched in one walk from each position. */
export interface ConceptIndex {
  readonly concepts: readonly ConceptMatcher[];
  readonly root: TrieNode;
}

const isCjkTerm = (term: string) => /[\u3400-\u9fff]/.test(term);
const WORD_CHAR = /[a-z0-9#]/;
const newNode = (): TrieNode => ({ children: new Map(), entries: [] });

export function buildConceptIndex(concepts: readonly ConceptMatcher[]): ConceptIndex {
  const root = newNode();
  for (const concept of concepts) {
    for (const term of new Set(concept.terms)) {
      const cjk = isCjkTerm(term);
      if (term.length === 0 || (!cjk && !/[a-z#]/.test(term))) continue;
      let node = root;
      for (const ch of term) {
        let next = node.children.get(ch);
        if (!next) node.children.set(ch, (next = newNode()));
        node = next;
      }
      node.entries.push({ feature: concept.feature, weight: concept.weight, term, wholeWord: !cjk });
    }
  }
  return { concepts, root };
}

const CJK_RUN = /[\u3400-\u9fff]+/g;
/** Latin tokens, letters first, then letters, digits and apostrophes: "mac", "a0", "er012", "d0", "can't". */
const LATIN_WORD = /[a-z][a-z0-9']*/g;

/**
 * The ways of asking that say nothing about the cause ("…是什么意思", "…怎么回事", "what does … mean"). They
 * are taken out before the n-grams, so a message is matched on what it is about, not on how it asks.
 */
const QUESTION_WRAPPERS = new RegExp(
  [
    '是什么意思', '什么意思', '啥意思', '是啥意思', '是什么原因', '什么原因', '啥原因', '是怎么回事', '怎么回事', '咋回事', '怎么办', '咋办', '怎么解决', '如何解决',
    '怎么处理', '如何处理', '如何应对', '怎么弄', '怎么搞', '什么情况', '啥情况', '是为什么', '为什么', '为啥', '请问', '求助', '解决方法', '解决办法', '有没有人知道',
    '怎么样', '怎么', '怎样', '如何', '咋',
    '\\bwhat does\\b', '\\bwhat do\\b', '\\bwhat is\\b', '\\bwhat\'s\\b', '\\bmeans?\\b', '\\bwhat should i do\\b', '\\bhow do i\\b', '\\bhow can i\\b', '\\bhow to\\b', '\\bhow do you\\b',
    '\\bwhy\\b', '\\bplease\\b', '\\bhelp\\b',
  ].join('|'),
  'g',
);
const STOPWORDS = new Set(['the', 'a', 'an', 'is', 'it', 'to', 'and', 'or', 'of', 'my', 'i', 'on', 'in', 'for', 'at', 'me', 'this', 'that', 'was', 'be', 'we', 'you', 'but', 'so', 'do', 'did', 'what', 'with']);

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Normalised (script, width), lower-cased text in which free-standing numbers are folded to one symbol
 * (amounts and ids are noise here), while codes and Latin tokens stay as written: a0, er012, t1 and d0
 * keep their digits, "t+1" its 1.
 */
export function normaliseForFeatures(text: string): string {
  return normaliseText(text).toLowerCase().replace(/(?<![a-z+])\d+(?:[.,]\d+)*/g, '#');
}

function add(vector: SparseVector, feature: string, weight: number): void {
  vector.set(feature, (vector.get(feature) ?? 0) + weight);
}

/** Raw term counts of `text` (before tf-idf weighting). */
export function rawFeatures(text: string, concepts: ConceptIndex): SparseVector {
  const normalised = normaliseForFeatures(text);
  const vector: SparseVector = new Map();
  const content = normalised.replace(QUESTION_WRAPPERS, ' ');
  for (const run of content.match(CJK_RUN) ?? []) {
    for (let i = 0; i < run.length; i += 1) {
      add(vector, `u:${run[i]}`, 0.5);
      if (i + 1 < run.length) add(vector, `b:${run.slice(i, i + 2)}`, 1);
      if (i + 2 < run.length) add(vector, `t:${run.slice(i, i + 3)}`, 1);
    }
  }
  for (const raw of content.match(LATIN_WORD) ?? []) {
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
    const wordStart = !WORD_CHAR.test(normalised[at - 1] ?? ' ');
    let node = index.root.children.get(normalised[at]!);
    for (let end = at + 1; node; end += 1) {
      for (const entry of node.entries) {
        if (entry.wholeWord && (!wordStart || WORD_CHAR.test(normalised[end] ?? ' '))) continue;
        hits.push({ feature: entry.feature, weight: entry.weight, start: at, end });
      }
      node = end < normalised.length ? node.children.get(normalised[end]!) : undefined;
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
