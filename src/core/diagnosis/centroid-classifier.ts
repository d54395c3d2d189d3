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

function normalise(vector: SparseVector): SparseVector {
  let norm = 0;
  for (const v of vector.values()) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm === 0) return vector;
  const out: SparseVector = new Map();
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
  private readonly idf = new Map<string, number>();
  private readonly centroids = new Map<string, SparseVector>();
  /** feature → the documents that have it, with its weight there (for the nearest-document scores). */
  private readonly postings = new Map<string, { doc: number; weight: number }[]>();
  private readonly docLabels: string[] = [];

  constructor(
    docs: readonly TrainingDoc[],
    private readonly nearestWeight = 0,
  ) {
    const df = new Map<string, number>();
    for (const doc of docs) for (const f of doc.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    for (const [f, n] of df) this.idf.set(f, Math.log((1 + docs.length) / (1 + n)) + 1);
    const sums = new Map<string, SparseVector>();
    const counts = new Map<string, number>();
    for (const doc of docs) {
      const sum = sums.get(doc.label) ?? new Map<string, number>();
      const vector = this.weigh(doc.features);
      const index = this.docLabels.push(doc.label) - 1;
      for (const [f, v] of vector) {
        sum.set(f, (sum.get(f) ?? 0) + v);
        const list = this.postings.get(f);
        if (list) list.push({ doc: index, weight: v });
        else this.postings.set(f, [{ doc: index, weight: v }]);
      }
      sums.set(doc.label, sum);
      counts.set(doc.label, (counts.get(doc.label) ?? 0) + 1);
    }
    for (const [label, sum] of sums) this.centroids.set(label, normalise(sum));
  }

  /** The tf-idf vector of raw features (unknown features are dropped: they match no centroid). */
  weigh(features: SparseVector): SparseVector {
    const out: SparseVector = new Map();
    for (const [f, tf] of features) {
      const idf = this.idf.get(f);
      if (idf !== undefined && tf > 0) out.set(f, (1 + Math.log(tf)) * idf);
    }
    return normalise(out);
  }

  /** Every label with its cosine score, best first. */
  score(features: SparseVector): LabelScore[] {
    const query = this.weigh(features);
    const dot = (other: SparseVector) => {
      let sum = 0;
      for (const [f, v] of query) sum += v * (other.get(f) ?? 0);
      return sum;
    };
    const nearest = new Map<string, number>();
    if (this.nearestWeight > 0) {
      const similarity = new Float64Array(this.docLabels.length);
      for (const [f, v] of query) for (const posting of this.postings.get(f) ?? []) similarity[posting.doc]! += v * posting.weight;
      similarity.forEach((sim, doc) => {
        const label = this.docLabels[doc]!;
        if (sim > (nearest.get(label) ?? 0)) nearest.set(label, sim);
      });
    }
    const scores: LabelScore[] = [];
    for (const [label, centroid] of this.centroids) {
      const near = nearest.get(label) ?? 0;
      scores.push({ label, score: (1 - this.nearestWeight) * dot(centroid) + this.nearestWeight * near });
    }
    return scores.sort((a, b) => b.score - a.score);
  }

  /** The features of `features` that weigh most toward `label` (for evidence). */
  topContributions(features: SparseVector, label: string, count: number): string[] {
    const query = this.weigh(features);
    const centroid = this.centroids.get(label);
    if (!centroid) return [];
    return [...query]
      .map(([f, v]) => [f, v * (centroid.get(f) ?? 0)] as const)
      .filter(([, c]) => c > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([f]) => f);
  }
}
