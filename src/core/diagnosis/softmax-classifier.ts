// Multinomial logistic regression over sparse features, trained in-process by SGD: calibrated class probabilities.
import type { TrainingDoc } from './centroid-classifier.js';
import type { SparseVector } from './text-features.js';

export interface SoftmaxSettings {
  /** Passes over the training documents. */
  readonly epochs: number;
  /** Initial step; it decays as 1 / (1 + epoch). */
  readonly learningRate: number;
  /** L2 penalty on the weights (applied to the weights each update touches). */
  readonly l2: number;
  /** Seed of the deterministic shuffle, so the same knowledge base always gives the same model. */
  readonly seed: number;
}

export const SOFTMAX_DEFAULTS: SoftmaxSettings = { epochs: 8, learningRate: 4, l2: 1e-5, seed: 7 };

/** Gradients smaller than this are skipped: after the first passes most labels' probabilities are ~0 for a document. */
const SKIP_GRADIENT = 1e-3;

/** A small deterministic PRNG (mulberry32): the core never calls Math.random. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface EncodedDoc {
  readonly label: number;
  readonly index: Int32Array;
  readonly value: Float32Array;
}

/** Everything a trained softmax classifier holds, as plain data (so a trained model can be stored and restored). */
export interface SoftmaxState {
  readonly kind: 'softmax';
  readonly labels: readonly string[];
  /** Feature names by feature number. */
  readonly vocabulary: readonly string[];
  /** vocabulary size × labels, row-major by feature. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/**
 * Softmax regression: p(label | text) ∝ exp(w_label · x + b_label), x the l2-normalised sublinear
 * term counts (1 + ln tf). Trains with plain SGD on a seeded shuffle; deterministic for a given set of
 * documents. `logits` gives every label's linear score; a softmax over them gives probabilities.
 */
export class SoftmaxClassifier {
  private readonly index: ReadonlyMap<string, number>;

  constructor(readonly state: SoftmaxState) {
    this.index = new Map(state.vocabulary.map((f, i) => [f, i]));
  }

  static train(docs: readonly TrainingDoc[], settings: SoftmaxSettings = SOFTMAX_DEFAULTS): SoftmaxClassifier {
    const labels: string[] = [];
    const labelIndex = new Map<string, number>();
    const vocabulary = new Map<string, number>();
    for (const doc of docs) {
      if (!labelIndex.has(doc.label)) labelIndex.set(doc.label, labels.push(doc.label) - 1);
      for (const f of doc.features.keys()) if (!vocabulary.has(f)) vocabulary.set(f, vocabulary.size);
    }
    const weights = new Float32Array(vocabulary.size * labels.length);
    const bias = new Float32Array(labels.length);
    const encoded = docs.map((doc) => ({ label: labelIndex.get(doc.label)!, ...encode(vocabulary, doc.features) }));
    train(encoded, weights, bias, labels.length, settings);
    return new SoftmaxClassifier({ kind: 'softmax', labels, vocabulary: [...vocabulary.keys()], weights, bias });
  }

  /** Every label's unnormalised log-probability (its linear score). */
  logits(features: SparseVector): Map<string, number> {
    const { labels, weights, bias } = this.state;
    const { index, value } = encode(this.index, features);
    const k = labels.length;
    const z = Float64Array.from(bias);
    for (let i = 0; i < index.length; i += 1) {
      const row = index[i]! * k;
      const x = value[i]!;
      for (let c = 0; c < k; c += 1) z[c]! += weights[row + c]! * x;
    }
    return new Map(labels.map((label, c) => [label, z[c]!]));
  }
}

/** Known features only, as sublinear tf, l2-normalised. */
function encode(vocabulary: ReadonlyMap<string, number>, features: SparseVector): { index: Int32Array; value: Float32Array } {
  const pairs: [number, number][] = [];
  let norm = 0;
  for (const [f, tf] of features) {
    const j = vocabulary.get(f);
    if (j === undefined || tf <= 0) continue;
    const v = 1 + Math.log(tf);
    pairs.push([j, v]);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  return { index: Int32Array.from(pairs, (p) => p[0]), value: Float32Array.from(pairs, (p) => p[1] / norm) };
}

/** SGD over the encoded documents, in place on `weights` and `bias`. */
function train(docs: readonly EncodedDoc[], weights: Float32Array, bias: Float32Array, k: number, settings: SoftmaxSettings): void {
  const random = prng(settings.seed);
  const order = docs.map((_, i) => i);
  const z = new Float64Array(k);
  for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = settings.learningRate / (1 + epoch);
    const decay = 1 - rate * settings.l2;
    for (const d of order) {
      const { index, value, label } = docs[d]!;
      const n = index.length;
      z.set(bias);
      for (let i = 0; i < n; i += 1) {
        const row = index[i]! * k;
        const x = value[i]!;
        for (let c = 0; c < k; c += 1) z[c]! += weights[row + c]! * x;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c += 1) if (z[c]! > max) max = z[c]!;
      let total = 0;
      for (let c = 0; c < k; c += 1) total += z[c] = Math.exp(z[c]! - max);
      for (let c = 0; c < k; c += 1) {
        const gradient = z[c]! / total - (c === label ? 1 : 0);
        if (gradient < SKIP_GRADIENT && gradient > -SKIP_GRADIENT) continue; // a label this document already rules out costs nothing
        const step = rate * gradient;
        bias[c]! -= step;
        for (let i = 0; i < n; i += 1) {
          const at = index[i]! * k + c;
          weights[at] = weights[at]! * decay - step * value[i]!;
        }
      }
    }
  }
}
