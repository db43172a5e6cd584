import type { SentenceFeatures } from './sentence-features.js';
import model from './similarity-model.json' with { type: 'json' };
import { dice, has, intersects } from './sorted-sets.js';
import { keyInfo } from './vocabulary.js';

/**
 * Sentence similarity: a handful of overlap features combined by a logistic regression whose
 * weights (similarity-model.json, numbers only) were fitted on the MSRP train file
 * (`npx tsx eval/tasks/msrp.ts --fit`). The aligner and the MSRP eval use exactly this function.
 */

/** A synonym match counts less than the same word: "blaze" for "fire" is a choice, not a copy. */
const SYNONYM_CREDIT = 0.8;

export const FEATURE_NAMES = [
  'softF1',
  'softMin',
  'softMax',
  'exactF1',
  'wordDice',
  'wordBigramDice',
  'wordTrigramDice',
  'charTrigramDice',
  'keyBigramDice',
  'numberMismatch',
  'lengthRatio',
  'unmatchedWeight',
] as const;

export interface LexicalMatch {
  /** Rarity-weighted share of a's content found in b (same lemma, or a synonym at 0.8). */
  recallA: number;
  recallB: number;
  /** Same, counting only identical lemmas. */
  exactA: number;
  exactB: number;
  /** Weight found on neither side. */
  unmatched: number;
}

/** Share of `x`'s weight whose keys (or, softly, synonyms) appear in `y`. */
function covered(x: SentenceFeatures, y: SentenceFeatures): [soft: number, exact: number] {
  if (x.total === 0) return [0, 0];
  let exact = 0;
  let soft = 0;
  let j = 0;
  for (let i = 0; i < x.keys.length; i++) {
    const k = x.keys[i];
    while (j < y.keys.length && y.keys[j] < k) j++;
    if (j < y.keys.length && y.keys[j] === k) {
      exact += x.weights[i];
      soft += x.weights[i];
      continue;
    }
    const concepts = keyInfo(k).concepts;
    if (concepts && y.concepts.length > 0 && anyIn(concepts, y.concepts)) soft += SYNONYM_CREDIT * x.weights[i];
  }
  return [soft / x.total, exact / x.total];
}

function anyIn(small: Int32Array, sorted: Int32Array): boolean {
  if (small.length > 4) return intersects(small.slice().sort(), sorted);
  for (const c of small) if (has(sorted, c)) return true;
  return false;
}

export function lexicalMatch(a: SentenceFeatures, b: SentenceFeatures): LexicalMatch {
  const [recallA, exactA] = covered(a, b);
  const [recallB, exactB] = covered(b, a);
  return { recallA, recallB, exactA, exactB, unmatched: a.total * (1 - recallA) + b.total * (1 - recallB) };
}

function harmonic(x: number, y: number): number {
  return x + y > 0 ? (2 * x * y) / (x + y) : 0;
}

/** The feature vector of a sentence pair, in FEATURE_NAMES order. */
export function pairFeatures(a: SentenceFeatures, b: SentenceFeatures, lex = lexicalMatch(a, b)): number[] {
  // Numbers must agree: "$2.5 billion" vs "$1.8 billion" is a different claim, however similar.
  const sharedNumbers = a.numbers.length + b.numbers.length > 0 ? dice(a.numbers, b.numbers) : 1;
  return [
    harmonic(lex.recallA, lex.recallB),
    Math.min(lex.recallA, lex.recallB),
    Math.max(lex.recallA, lex.recallB),
    harmonic(lex.exactA, lex.exactB),
    dice(a.words, b.words),
    dice(a.wordBigrams, b.wordBigrams),
    dice(a.wordTrigrams, b.wordTrigrams),
    dice(a.grams, b.grams),
    dice(a.keyBigrams, b.keyBigrams),
    1 - sharedNumbers,
    a.length + b.length > 0 ? Math.min(a.length, b.length) / Math.max(a.length, b.length, 1) : 0,
    Math.log1p(lex.unmatched),
  ];
}

interface Model {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  threshold: number;
}

const fitted = model as Model;
if (fitted.features.join() !== FEATURE_NAMES.join()) {
  throw new Error(
    'src/align/similarity-model.json was fitted on other features; refit it with eval/tasks/msrp.ts --fit',
  );
}

/** Logistic combination of a feature vector with given weights. */
export function logistic(features: readonly number[], m: Model = fitted): number {
  let z = m.bias;
  for (let i = 0; i < features.length; i++) z += m.weights[i] * ((features[i] - m.mean[i]) / m.scale[i]);
  return 1 / (1 + Math.exp(-z));
}

/** Probability that two sentences say the same thing (MSRP sense), 0..1. */
export function similarity(a: SentenceFeatures, b: SentenceFeatures): number {
  return logistic(pairFeatures(a, b));
}

/**
 * How strongly sentence b looks derived from sentence a (or a from b), for alignment. MSRP's
 * notion of paraphrase demands that both sentences say the same thing and no more, so its
 * probability punishes the typical rewrite that keeps the facts and pads or trims around them:
 * "Venezuelan President Nicolás Maduro has said he is open to negotiating…" against "The
 * Venezuelan government, led by Nicolás Maduro, has indicated a willingness to engage in
 * discussions…" scores p = 0.29 while sharing 78% and 56% of each other's rare content. So the
 * alignment score is the larger of p and the weighted lexical F1; the order constraint of the
 * alignment keeps topical look-alikes (same names, other fact) from being linked.
 */
export function alignmentScore(a: SentenceFeatures, b: SentenceFeatures): number {
  const lex = lexicalMatch(a, b);
  const p = logistic(pairFeatures(a, b, lex));
  return Math.max(p, harmonic(lex.recallA, lex.recallB));
}

/** The decision threshold chosen on MSRP train: above it, two sentences are paraphrases. */
export const PARAPHRASE_THRESHOLD = fitted.threshold;

export type { Model as SimilarityModel };
