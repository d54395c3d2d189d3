// Everything diagnosis needs, built once from the knowledge base: the classifier, concept matchers, code table, topics.
import type { CauseEntry, FollowUpQuestion, KnowledgeBase, Lang, ResponseCode, Topic } from '../knowledge/types.js';
import { CentroidClassifier, type CentroidState, type TrainingDoc } from './centroid-classifier.js';
import { SOFTMAX_DEFAULTS, SoftmaxClassifier, type SoftmaxSettings, type SoftmaxState } from './softmax-classifier.js';
import { buildConceptIndex, normaliseForFeatures, rawFeatures, type ConceptIndex, type ConceptMatcher, type SparseVector } from './text-features.js';

/** The classifier's label for chit-chat and everything else unrelated to payments. */
export const OFF_TOPIC = '__off_topic__';
/** Labels of out-of-scope topics (rates, applying for a terminal ...) are `topic:<id>`. */
export const TOPIC_PREFIX = 'topic:';

/** Share of a cause's score that comes from its single nearest example (centroid classifier only). */
const NEAREST_WEIGHT = 0.5;
/** Cosine differences are this many logits apart (centroid classifier only). */
const CENTROID_TEMPERATURE = 0.06;

/** Turns a message's features into one score per label: higher is likelier, a softmax gives probabilities. */
export interface TextClassifier {
  logits(features: SparseVector): Map<string, number>;
}

export type ClassifierKind = 'softmax' | 'centroid' | 'blend';

/** A trained classifier as plain data: what `kb compile` stores so the server need not train at start-up. */
export type ClassifierState =
  | CentroidState
  | SoftmaxState
  | { readonly kind: 'blend'; readonly parts: readonly [SoftmaxState, CentroidState] };

/** A classifier together with the state it was built from. */
export interface TrainedClassifier extends TextClassifier {
  readonly state: ClassifierState;
}

export interface ScreenTextMatcher {
  readonly cause: string;
  readonly text: string;
  readonly lower: string;
}

export interface DiagnosisModel {
  readonly causes: ReadonlyMap<string, CauseEntry>;
  readonly topics: ReadonlyMap<string, Topic>;
  readonly questions: ReadonlyMap<string, FollowUpQuestion>;
  readonly responseCodes: ReadonlyMap<string, ResponseCode>;
  readonly classifier: TrainedClassifier;
  readonly concepts: ConceptIndex;
  readonly screenTexts: readonly ScreenTextMatcher[];
  /** Which concept features speak for which causes (for evidence). */
  readonly conceptCauses: ReadonlyMap<string, readonly string[]>;
  features(text: string): SparseVector;
}

/**
 * What a response code's meaning says before its explanations: "资金不足（余额…）" → 资金不足,
 * "无效商户（…）" → 无效商户. Terminals and merchants use these words, with or without the code.
 */
export function codeScreenTexts(code: ResponseCode): string[] {
  const head = (text: string) => text.split(/[（(；;，,／]/)[0]!.trim();
  return [head(code.meaning.zh), head(code.meaning.en)].filter((t) => t.length >= 2);
}

function conceptMatchers(kb: KnowledgeBase): { matchers: ConceptMatcher[]; causesOf: Map<string, readonly string[]> } {
  const matchers: ConceptMatcher[] = [];
  const causesOf = new Map<string, readonly string[]>();
  const push = (feature: string, terms: readonly string[], weight: number, causes: readonly string[]) => {
    // Terms are compared with messages as the features see them: normalised, lower case, digits folded.
    matchers.push({ feature, terms: terms.map(normaliseForFeatures), weight });
    causesOf.set(feature, causes);
  };
  for (const c of kb.lexicon) push(`c:${c.concept}`, [...c.terms.zh, ...c.terms.en], 2, c.causes);
  const codeTexts = new Map<string, string[]>();
  for (const code of kb.responseCodes) if (code.cause) codeTexts.set(code.cause, [...(codeTexts.get(code.cause) ?? []), ...codeScreenTexts(code)]);
  for (const cause of kb.causes) {
    push(`k:${cause.id}`, [...cause.keywords.zh, ...cause.keywords.en], 2, [cause.id]);
    push(`s:${cause.id}`, [...cause.screenTexts, ...(codeTexts.get(cause.id) ?? [])], 2, [cause.id]);
  }
  return { matchers, causesOf };
}

/** The reviewed texts each label is trained on: examples, titles, symptoms, code meanings; topics; chit-chat. */
function trainingDocs(kb: KnowledgeBase, features: (text: string) => SparseVector): TrainingDoc[] {
  const docs: TrainingDoc[] = [];
  const add = (label: string, text: string) => docs.push({ label, features: features(text) });
  const langs: Lang[] = ['zh', 'en'];
  for (const cause of kb.causes) {
    for (const lang of langs) {
      for (const example of cause.examples[lang]) add(cause.id, example);
      add(cause.id, cause.title[lang]);
      for (const symptom of cause.symptoms[lang]) add(cause.id, symptom);
    }
    for (const text of cause.screenTexts) add(cause.id, text);
  }
  for (const code of kb.responseCodes) if (code.cause) for (const lang of langs) add(code.cause, code.meaning[lang]);
  for (const topic of kb.topics) {
    for (const lang of langs) {
      add(`${TOPIC_PREFIX}${topic.id}`, topic.title[lang]);
      for (const example of topic.examples[lang]) add(`${TOPIC_PREFIX}${topic.id}`, example);
    }
  }
  for (const lang of langs) for (const example of kb.offTopic[lang]) add(OFF_TOPIC, example);
  return docs;
}

function softmaxOf(logits: ReadonlyMap<string, number>): Map<string, number> {
  const max = Math.max(...logits.values());
  let total = 0;
  for (const z of logits.values()) total += Math.exp(z - max);
  return new Map([...logits].map(([label, z]) => [label, Math.exp(z - max) / total]));
}

/** A classifier from its state: the softmax's logits; the centroid's cosines as logits; the blend's averaged probabilities. */
export function restoreClassifier(state: ClassifierState): TrainedClassifier {
  switch (state.kind) {
    case 'softmax': {
      const softmax = new SoftmaxClassifier(state);
      return { state, logits: (features) => softmax.logits(features) };
    }
    case 'centroid': {
      const centroid = new CentroidClassifier(state);
      return { state, logits: (features) => new Map(centroid.score(features).map((s) => [s.label, s.score / CENTROID_TEMPERATURE])) };
    }
    case 'blend': {
      const parts = state.parts.map(restoreClassifier);
      return {
        state,
        logits: (features) => {
          const probabilities = parts.map((p) => softmaxOf(p.logits(features)));
          return new Map([...probabilities[0]!.keys()].map((label) => [label, Math.log(probabilities.reduce((sum, p) => sum + (p.get(label) ?? 0), 0) / parts.length)]));
        },
      };
    }
  }
}

function trainClassifier(docs: readonly TrainingDoc[], kind: ClassifierKind, settings: SoftmaxSettings): TrainedClassifier {
  const softmax = () => SoftmaxClassifier.train(docs, settings).state;
  const centroid = () => CentroidClassifier.train(docs, NEAREST_WEIGHT).state;
  return restoreClassifier(kind === 'softmax' ? softmax() : kind === 'centroid' ? centroid() : { kind: 'blend', parts: [softmax(), centroid()] });
}

/**
 * The knowledge a classifier is trained on, as one string: equal strings give equal classifiers (the
 * training is deterministic), so a stored classifier may be reused when this matches.
 */
export function trainingFingerprint(kb: KnowledgeBase, classifier: ClassifierKind = DEFAULT_CLASSIFIER): string {
  return JSON.stringify({ classifier, causes: kb.causes, topics: kb.topics, offTopic: kb.offTopic, lexicon: kb.lexicon, codes: kb.responseCodes });
}

/** The classifier the bot uses: chosen on the real development half (see the README's comparison). */
export const DEFAULT_CLASSIFIER: ClassifierKind = 'blend';

export interface ModelOptions {
  /** Which text classifier to train (DEFAULT_CLASSIFIER unless comparing). */
  readonly classifier?: ClassifierKind;
  readonly softmax?: SoftmaxSettings;
  /** A classifier already trained on this knowledge base (same trainingFingerprint): used instead of training. */
  readonly trained?: ClassifierState;
}

/**
 * Builds the model; pure and deterministic. The text classifier is trained on the knowledge base's
 * reviewed texts, or restored from `trained` (a few milliseconds instead of most of a second).
 */
export function buildDiagnosisModel(kb: KnowledgeBase, options: ModelOptions = {}): DiagnosisModel {
  const { matchers, causesOf } = conceptMatchers(kb);
  const index = buildConceptIndex(matchers);
  const features = (text: string) => rawFeatures(text, index);
  const classifier = options.trained
    ? restoreClassifier(options.trained)
    : trainClassifier(trainingDocs(kb, features), options.classifier ?? DEFAULT_CLASSIFIER, options.softmax ?? SOFTMAX_DEFAULTS);
  const codeTexts = kb.responseCodes.flatMap((r) => (r.cause ? codeScreenTexts(r).map((text) => ({ cause: r.cause!, text })) : []));
  return {
    causes: new Map(kb.causes.map((c) => [c.id, c])),
    topics: new Map(kb.topics.map((t) => [t.id, t])),
    questions: new Map(kb.questions.map((q) => [q.id, q])),
    responseCodes: new Map(kb.responseCodes.map((r) => [r.code, r])),
    classifier,
    concepts: index,
    screenTexts: [...kb.causes.flatMap((c) => c.screenTexts.map((text) => ({ cause: c.id, text }))), ...codeTexts].map((s) => ({ ...s, lower: normaliseForFeatures(s.text) })),
    conceptCauses: causesOf,
    features,
  };
}
