// Everything diagnosis needs, built once from the knowledge base: the classifier, concept matchers, code table.
import type { CauseEntry, FollowUpQuestion, KnowledgeBase, Lang, ResponseCode } from '../knowledge/types.js';
import { CentroidClassifier, type TrainingDoc } from './centroid-classifier.js';
import { buildConceptIndex, normaliseForFeatures, rawFeatures, type ConceptIndex, type ConceptMatcher, type SparseVector } from './text-features.js';

/** The classifier's label for messages that are not about the bot's job. */
export const OFF_TOPIC = '__off_topic__';

/** Share of a cause's score that comes from its single nearest example (the rest from its centroid); fitted on the dev set. */
const NEAREST_WEIGHT = 0.5;

export interface ScreenTextMatcher {
  readonly cause: string;
  readonly text: string;
  readonly lower: string;
}

export interface DiagnosisModel {
  readonly causes: ReadonlyMap<string, CauseEntry>;
  readonly questions: ReadonlyMap<string, FollowUpQuestion>;
  readonly responseCodes: ReadonlyMap<string, ResponseCode>;
  readonly classifier: CentroidClassifier;
  readonly concepts: ConceptIndex;
  readonly screenTexts: readonly ScreenTextMatcher[];
  /** Which concept features speak for which causes (for evidence). */
  readonly conceptCauses: ReadonlyMap<string, readonly string[]>;
  features(text: string): SparseVector;
}

function conceptMatchers(kb: KnowledgeBase): { matchers: ConceptMatcher[]; causesOf: Map<string, readonly string[]> } {
  const matchers: ConceptMatcher[] = [];
  const causesOf = new Map<string, readonly string[]>();
  const push = (feature: string, terms: readonly string[], weight: number, causes: readonly string[]) => {
    // Terms are compared with messages as the features see them: lower case, digits folded (T1 → t#).
    matchers.push({ feature, terms: terms.map(normaliseForFeatures), weight });
    causesOf.set(feature, causes);
  };
  for (const c of kb.lexicon) push(`c:${c.concept}`, [...c.terms.zh, ...c.terms.en], 2, c.causes);
  for (const cause of kb.causes) {
    push(`k:${cause.id}`, [...cause.keywords.zh, ...cause.keywords.en], 2, [cause.id]);
    push(`s:${cause.id}`, cause.screenTexts, 2, [cause.id]);
  }
  return { matchers, causesOf };
}

/** Builds the model; pure and deterministic, a few tens of milliseconds for the whole knowledge base. */
export function buildDiagnosisModel(kb: KnowledgeBase): DiagnosisModel {
  const { matchers, causesOf } = conceptMatchers(kb);
  const index = buildConceptIndex(matchers);
  const features = (text: string) => rawFeatures(text, index);
  const docs: TrainingDoc[] = [];
  const langs: Lang[] = ['zh', 'en'];
  for (const cause of kb.causes) {
    for (const lang of langs) {
      for (const example of cause.examples[lang]) docs.push({ label: cause.id, features: features(example) });
      docs.push({ label: cause.id, features: features(cause.title[lang]) });
      for (const symptom of cause.symptoms[lang]) docs.push({ label: cause.id, features: features(symptom) });
    }
  }
  for (const lang of langs) for (const example of kb.offTopic[lang]) docs.push({ label: OFF_TOPIC, features: features(example) });
  return {
    causes: new Map(kb.causes.map((c) => [c.id, c])),
    questions: new Map(kb.questions.map((q) => [q.id, q])),
    responseCodes: new Map(kb.responseCodes.map((r) => [r.code, r])),
    classifier: new CentroidClassifier(docs, NEAREST_WEIGHT),
    concepts: index,
    screenTexts: kb.causes.flatMap((c) => c.screenTexts.map((text) => ({ cause: c.id, text, lower: normaliseForFeatures(text) }))),
    conceptCauses: causesOf,
    features,
  };
}
