// A TF-IDF nearest-centroid classifier over sparse features: trains in milliseconds, explains itself.
import type { SparseVector } from './text-features.js';

export interface TrainingDoc {
  readonly label: string;
  readonly features: SparseVector;
}

export interface LabelScore {
  readonly label: string;
  /** Cosine similarity of the message to the label's centroid, 0..1. */
  readonly score: number;
}

/**
 * Everything a trained centroid classifier holds, as flat arrays indexed by feature number (so a trained
 * model is stored and restored in milliseconds).
 */
export interface CentroidState {
  readonly kind: 'centroid';
  readonly nearestWeight: number;
  readonly vocabulary: readonly string[];
  readonly idf: Float32Array;
  readonly labels: readonly string[];
  /** Per label (in `labels` order): its centroid's features and weights. */
  readonly centroids: readonly { readonly features: Int32Array; readonly weights: Float32Array }[];
  /** Postings in compressed rows: the documents of feature f are postingDocs[postingStart[f] .. postingStart[f + 1]). */
  readonly postingStart: Int32Array;
  readonly postingDocs: Int32Array;
  readonly postingWeights: Float32Array;
  /** Each document's label, as an index into `labels`. */
  readonly docLabels: Int32Array;
}

type Weighted = Map<number, number>;

function normalise(vector: Weighted): Weighted {
  let norm = 0;
  for (const v of vector.values()) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm === 0) return vector;
  const out: Weighted = new Map();
  for (const [k, v] of vector) out.set(k, v / norm);
  return out;
}

/**
 * Sublinear tf (1 + ln tf) × idf, l2-normalised; each label's centroid is the normalised mean of its
 * documents. A label's score blends the cosine to its centroid with the cosine to its nearest
 * document (`nearestWeight`), so a phrasing close to one reviewed example counts even when the
 * label's other examples differ.
 */
export class CentroidClassifier {
  private readonly index: ReadonlyMap<string, number>;
  private readonly centroids: readonly Weighted[];

  constructor(readonly state: CentroidState) {
    this.index = new Map(state.vocabulary.map((f, i) => [f, i]));
    this.centroids = state.centroids.map((c) => new Map(Array.from(c.features, (f, i) => [f, c.weights[i]!])));
  }

  static train(docs: readonly TrainingDoc[], nearestWeight: number): CentroidClassifier {
    const vocabulary: string[] = [];
    const index = new Map<string, number>();
    const df: number[] = [];
    for (const doc of docs) {
      for (const f of doc.features.keys()) {
        let i = index.get(f);
        if (i === undefined) index.set(f, (i = vocabulary.push(f) - 1));
        df[i] = (df[i] ?? 0) + 1;
      }
    }
    const idf = Float32Array.from(df, (n) => Math.log((1 + docs.length) / (1 + n)) + 1);
    const labels: string[] = [];
    const labelIndex = new Map<string, number>();
    const sums: Weighted[] = [];
    const lists: { docs: number[]; weights: number[] }[] = vocabulary.map(() => ({ docs: [], weights: [] }));
    const docLabels = new Int32Array(docs.length);
    docs.forEach((doc, d) => {
      let label = labelIndex.get(doc.label);
      if (label === undefined) {
        labelIndex.set(doc.label, (label = labels.push(doc.label) - 1));
        sums.push(new Map());
      }
      docLabels[d] = label;
      for (const [f, v] of weigh(index, idf, doc.features)) {
        sums[label]!.set(f, (sums[label]!.get(f) ?? 0) + v);
        lists[f]!.docs.push(d);
        lists[f]!.weights.push(v);
      }
    });
    const postingStart = new Int32Array(vocabulary.length + 1);
    lists.forEach((l, f) => (postingStart[f + 1] = postingStart[f]! + l.docs.length));
    return new CentroidClassifier({
      kind: 'centroid',
      nearestWeight,
      vocabulary,
      idf,
      labels,
      centroids: sums.map((sum) => {
        const centroid = normalise(sum);
        return { features: Int32Array.from(centroid.keys()), weights: Float32Array.from(centroid.values()) };
      }),
      postingStart,
      postingDocs: Int32Array.from(lists.flatMap((l) => l.docs)),
      postingWeights: Float32Array.from(lists.flatMap((l) => l.weights)),
      docLabels,
    });
  }

  /** Every label with its score, best first. */
  score(features: SparseVector): LabelScore[] {
    const { idf, labels, postingStart, postingDocs, postingWeights, docLabels, nearestWeight } = this.state;
    const query = weigh(this.index, idf, features);
    const nearest = new Float64Array(labels.length);
    if (nearestWeight > 0) {
      const similarity = new Float64Array(docLabels.length);
      for (const [f, v] of query) for (let p = postingStart[f]!; p < postingStart[f + 1]!; p += 1) similarity[postingDocs[p]!]! += v * postingWeights[p]!;
      similarity.forEach((sim, doc) => {
        const label = docLabels[doc]!;
        if (sim > nearest[label]!) nearest[label] = sim;
      });
    }
    return labels
      .map((label, l) => {
        let dot = 0;
        for (const [f, v] of query) dot += v * (this.centroids[l]!.get(f) ?? 0);
        return { label, score: (1 - nearestWeight) * dot + nearestWeight * nearest[l]! };
      })
      .sort((a, b) => b.score - a.score);
  }
}

/** The tf-idf vector of raw features, by feature number (unknown features are dropped: they match nothing). */
function weigh(index: ReadonlyMap<string, number>, idf: Float32Array, features: SparseVector): Weighted {
  const out: Weighted = new Map();
  for (const [f, tf] of features) {
    const i = index.get(f);
    if (i !== undefined && tf > 0) out.set(i, (1 + Math.log(tf)) * idf[i]!);
  }
  return normalise(out);
}
