import { editRatio } from './edit-ratio.js';
import type { SentenceFeatures } from './sentence-features.js';
import model from './similarity-model.json' with { type: 'json' };
import { dice, has, intersectionSize, intersects } from './sorted-sets.js';
import { keyInfo } from './vocabulary.js';

/**
 * Sentence similarity: overlap features (soft and exact lemma recall, word and character n-grams,
 * word order) and what is left over on each side (content words with no match or synonym, names,
 * numbers, a negation on one side only), plus products of the main ones, combined by a logistic
 * regression whose weights (similarity-model.json, numbers only) were fitted on the MSRP train
 * file (`npx tsx eval/tasks/msrp.ts --fit`). The aligner and the MSRP eval use exactly this
 * function. The extra features were chosen by 10-fold cross-validation on MSRP train (accuracy
 * 0.749 → 0.767); the MSRP test file was never read.
 */

/** A synonym match counts less than the same word: "blaze" for "fire" is a choice, not a copy. */
const SYNONYM_CREDIT = 0.8;

const BASE_FEATURES = [
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
  'wordOrder',
  'negationMismatch',
  'lengthGap',
  'missingMax',
  'missingSum',
  'missingNames',
  'missingNumbers',
  'anyMissingNumber',
  'exactMin',
  'exactMax',
  'unmatchedWeightMax',
  'unmatchedWeightMin',
  'shorterLength',
  'bothNumbers',
] as const;

/**
 * Features whose pairwise products also enter the model. MSRP's negatives are mostly pairs with
 * high overlap plus one extra clause or name, so what an overlap is worth depends on what is left
 * over: a linear model cannot say "high overlap, but three content words unmatched" on its own.
 */
const INTERACTING = [
  'softF1',
  'softMin',
  'missingSum',
  'missingMax',
  'wordOrder',
  'charTrigramDice',
  'wordDice',
  'missingNames',
] as const;

const INTERACTING_INDEX = INTERACTING.map((name) => BASE_FEATURES.indexOf(name));

export const FEATURE_NAMES: readonly string[] = [
  ...BASE_FEATURES,
  ...INTERACTING.flatMap((x, i) => INTERACTING.slice(i).map((y) => `${x}*${y}`)),
];

export interface LexicalMatch {
  /** Rarity-weighted share of a's content found in b (same lemma, or a synonym at 0.8). */
  recallA: number;
  recallB: number;
  /** Same, counting only identical lemmas. */
  exactA: number;
  exactB: number;
  /** Weight found on neither side. */
  unmatched: number;
  /** Content keys of a (of b) with neither the same lemma nor a synonym on the other side. */
  missingA: number;
  missingB: number;
}

/** Share of `x`'s weight whose keys (or, softly, synonyms) appear in `y`. */
function covered(x: SentenceFeatures, y: SentenceFeatures): [soft: number, exact: number, missing: number] {
  if (x.total === 0) return [0, 0, x.keys.length];
  let exact = 0;
  let soft = 0;
  let missing = 0;
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
    else missing++;
  }
  return [soft / x.total, exact / x.total, missing];
}

function anyIn(small: Int32Array, sorted: Int32Array): boolean {
  if (small.length > 4) return intersects(small.slice().sort(), sorted);
  for (const c of small) if (has(sorted, c)) return true;
  return false;
}

export function lexicalMatch(a: SentenceFeatures, b: SentenceFeatures): LexicalMatch {
  const [recallA, exactA, missingA] = covered(a, b);
  const [recallB, exactB, missingB] = covered(b, a);
  return {
    recallA,
    recallB,
    exactA,
    exactB,
    unmatched: a.total * (1 - recallA) + b.total * (1 - recallB),
    missingA,
    missingB,
  };
}

function harmonic(x: number, y: number): number {
  return x + y > 0 ? (2 * x * y) / (x + y) : 0;
}

/** The feature vector of a sentence pair, in FEATURE_NAMES order. */
export function pairFeatures(a: SentenceFeatures, b: SentenceFeatures, lex = lexicalMatch(a, b)): number[] {
  // Numbers must agree: "$2.5 billion" vs "$1.8 billion" is a different claim, however similar.
  const sharedNumbers = a.numbers.length + b.numbers.length > 0 ? dice(a.numbers, b.numbers) : 1;
  const sharedNumberCount = intersectionSize(a.numbers, b.numbers);
  const missingNumbers = a.numbers.length + b.numbers.length - 2 * sharedNumberCount;
  const missingNames = a.names.length + b.names.length - 2 * intersectionSize(a.names, b.names);
  const leftA = a.total * (1 - lex.recallA);
  const leftB = b.total * (1 - lex.recallB);
  const base = [
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
    editRatio(a.sequence, b.sequence),
    a.negated === b.negated ? 0 : 1,
    Math.log1p(Math.abs(a.length - b.length)),
    Math.log1p(Math.max(lex.missingA, lex.missingB)),
    Math.log1p(lex.missingA + lex.missingB),
    Math.log1p(missingNames),
    Math.log1p(missingNumbers),
    missingNumbers > 0 ? 1 : 0,
    Math.min(lex.exactA, lex.exactB),
    Math.max(lex.exactA, lex.exactB),
    Math.log1p(Math.max(leftA, leftB)),
    Math.log1p(Math.min(leftA, leftB)),
    Math.log1p(Math.min(a.length, b.length)),
    a.numbers.length > 0 && b.numbers.length > 0 ? 1 : 0,
  ];
  for (let i = 0; i < INTERACTING_INDEX.length; i++) {
    for (let j = i; j < INTERACTING_INDEX.length; j++)
      base.push(base[INTERACTING_INDEX[i]] * base[INTERACTING_INDEX[j]]);
  }
  return base;
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
 * "Harbour Commissioner Ilse Varga has said she is open to talks with the dockers' union…"
 * against "The harbour authority, led by Ilse Varga, has indicated a willingness to engage in
 * discussions with the union…" scores a low p while sharing most of each other's rare content. So the
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
