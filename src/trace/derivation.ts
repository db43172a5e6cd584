import { quoteMask } from '../align/index.js';
import { standardise } from '../align/logistic-fit.js';
import type { Article, DerivationClass } from '../core/types.js';
import model from './derivation-model.json' with { type: 'json' };

/**
 * Document-level evidence that a story derives from one or more source versions (METER: a
 * newspaper story against all the wire copy on its story), and a three-way class from it.
 *
 * Sentence coverage alone (pair-verdict.ts) cannot tell a partly rewritten story from an
 * independent report of the same court case: both align a fifth to a third of their sentences
 * with the wire. Three numbers separate the classes about as well as any richer set tried on
 * METER (eval/tasks/meter.ts lists them), and generalise better to stories the model has not
 * seen: how much of the story's vocabulary of content words the wire holds (a paper working from
 * the wire keeps its names, numbers and verbs; its own reporter brings new ones), how much of the
 * narrative outside quotation marks repeats the wire in runs of five words, and how long the
 * story is. A multinomial logistic regression combines them; its weights
 * (derivation-model.json, numbers only) were fitted on the METER dev file by
 * `npx tsx eval/tasks/meter.ts --fit`, and the METER eval refits them per fold to report a
 * cross-validated figure.
 *
 * It answers the newsroom question (did this paper run the wire copy?) and is not the pair verdict
 * of a traced story (pair-verdict.ts): trained on wire copying, it reads a heavy paraphrase with
 * few shared word runs as an independent report, which is wrong for rewriters and for
 * Clough & Stevenson's heavily revised answers.
 */

export const DERIVATION_FEATURES = ['contentWordContainment', 'narrativeFivegramContainment', 'logLength'] as const;

export const DERIVATION_CLASSES: DerivationClass[] = ['wholly-derived', 'partially-derived', 'non-derived'];

/** Parts of speech that carry a story's facts: a reporter's own material shows up in these. */
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);

interface Words {
  /** Word hashes in text order (lower-cased letters and digits; punctuation tokens dropped). */
  hashes: Int32Array;
  /** 1 when the word sits inside quotation marks. */
  quoted: Uint8Array;
  /** 1 when the word is a content word (CONTENT_POS). */
  content: Uint8Array;
}

const wordCache = new WeakMap<Article, Words>();

function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

function wordsOf(article: Article): Words {
  const hit = wordCache.get(article);
  if (hit) return hit;
  const mask = quoteMask(article);
  const hashes: number[] = [];
  const quoted: number[] = [];
  const content: number[] = [];
  for (const sentence of article.sentences) {
    for (const token of sentence.tokens) {
      if (token.pos === 'PUNCT') continue;
      const word = token.text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      if (!word) continue;
      hashes.push(wordHash(word));
      quoted.push(mask[token.span[0]]);
      content.push(CONTENT_POS.has(token.pos) ? 1 : 0);
    }
  }
  const words = { hashes: Int32Array.from(hashes), quoted: Uint8Array.from(quoted), content: Uint8Array.from(content) };
  wordCache.set(article, words);
  return words;
}

function gramKey(hashes: Int32Array, at: number, n: number): string {
  let key = '';
  for (let k = 0; k < n; k++) key += `${hashes[at + k]},`;
  return key;
}

/** Share of the target's n-grams with no quoted word that some source also holds. */
function narrativeContainment(target: Words, sources: Words[], n: number): number {
  const set = new Set<string>();
  for (const s of sources) for (let i = 0; i + n <= s.hashes.length; i++) set.add(gramKey(s.hashes, i, n));
  let shared = 0;
  let total = 0;
  for (let i = 0; i + n <= target.hashes.length; i++) {
    if (target.quoted.subarray(i, i + n).some((q) => q === 1)) continue;
    total++;
    if (set.has(gramKey(target.hashes, i, n))) shared++;
  }
  return total > 0 ? shared / total : 0;
}

/** Share of the target's content-word tokens whose word occurs anywhere in the sources. */
function contentContainment(target: Words, sources: Words[]): number {
  const vocabulary = new Set<number>();
  for (const s of sources) for (const w of s.hashes) vocabulary.add(w);
  let total = 0;
  let found = 0;
  target.hashes.forEach((w, i) => {
    if (!target.content[i]) return;
    total++;
    if (vocabulary.has(w)) found++;
  });
  return total > 0 ? found / total : 0;
}

/** Evidence of "target derives from these sources", in DERIVATION_FEATURES order. */
export function derivationFeatures(target: Article, sources: readonly { source: Article }[]): number[] {
  const t = wordsOf(target);
  const s = sources.map(({ source }) => wordsOf(source));
  return [contentContainment(t, s), narrativeContainment(t, s, 5), Math.log1p(t.hashes.length)];
}

export interface DerivationModel {
  features: string[];
  classes: string[];
  mean: number[];
  scale: number[];
  /** weights[c][k]: weight of standardised feature k for class c. */
  weights: number[][];
  bias: number[];
}

const fitted = model as DerivationModel;
if (fitted.features.join() !== DERIVATION_FEATURES.join() || fitted.classes.join() !== DERIVATION_CLASSES.join()) {
  throw new Error(
    'src/trace/derivation-model.json was fitted on other features; refit it with eval/tasks/meter.ts --fit',
  );
}

/** Class probabilities (DERIVATION_CLASSES order) of a feature vector. */
export function classProbabilities(features: readonly number[], m: DerivationModel = fitted): number[] {
  const z = m.bias.map((b, c) => {
    let s = b;
    for (let k = 0; k < features.length; k++) s += m.weights[c][k] * ((features[k] - m.mean[k]) / m.scale[k]);
    return s;
  });
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((x, y) => x + y, 0);
  return e.map((v) => v / sum);
}

/** The most probable class of a feature vector. */
export function derivationClass(features: readonly number[], m: DerivationModel = fitted): DerivationClass {
  const p = classProbabilities(features, m);
  return DERIVATION_CLASSES[p.indexOf(Math.max(...p))];
}

/**
 * Fits the multinomial logistic regression (full-batch gradient descent on standardised features,
 * L2 penalty). Classes are weighted inversely to their frequency so that the rarest class counts
 * as much as the commonest in the loss, as macro-F1 counts them. Deterministic. The penalty (3)
 * is the one that held up across catchline-grouped partitions of METER dev: 1 and 10 score within
 * 0.005 of it, so the figure does not hang on this choice.
 */
export function fitDerivationModel(
  rows: readonly number[][],
  labels: readonly DerivationClass[],
  { iterations = 3000, rate = 0.5, l2 = 3 } = {},
): DerivationModel {
  const d = DERIVATION_FEATURES.length;
  const n = rows.length;
  const classes = DERIVATION_CLASSES.length;
  const { mean, scale, x } = standardise(rows, d);
  const y = labels.map((l) => DERIVATION_CLASSES.indexOf(l));
  const counts = DERIVATION_CLASSES.map((_, c) => y.filter((v) => v === c).length);
  const sampleWeight = y.map((c) => n / (classes * Math.max(1, counts[c])));
  const weights = DERIVATION_CLASSES.map(() => new Array<number>(d).fill(0));
  const bias = new Array<number>(classes).fill(0);
  const m: DerivationModel = {
    features: [...DERIVATION_FEATURES],
    classes: [...DERIVATION_CLASSES],
    mean,
    scale,
    weights,
    bias,
  };
  for (let it = 0; it < iterations; it++) {
    const gradW = DERIVATION_CLASSES.map(() => new Array<number>(d).fill(0));
    const gradB = new Array<number>(classes).fill(0);
    for (let i = 0; i < n; i++) {
      const p = classProbabilities(rows[i], m);
      for (let c = 0; c < classes; c++) {
        const err = sampleWeight[i] * (p[c] - (y[i] === c ? 1 : 0));
        for (let k = 0; k < d; k++) gradW[c][k] += err * x[i][k];
        gradB[c] += err;
      }
    }
    for (let c = 0; c < classes; c++) {
      for (let k = 0; k < d; k++) weights[c][k] -= rate * ((gradW[c][k] + 2 * l2 * weights[c][k]) / n);
      bias[c] -= (rate * gradB[c]) / n;
    }
  }
  return m;
}
