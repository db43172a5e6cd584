import { quoteMask } from '../align/index.js';
import { standardise } from '../align/logistic-fit.js';
import type { Alignment, Article, DerivationClass } from '../core/types.js';
import model from './derivation-model.json' with { type: 'json' };
import { alignedCredit, combinedCoverage, narrativeWeights } from './pair-verdict.js';

/**
 * Document-level evidence that a story derives from one or more source versions (METER: a
 * newspaper story against all the wire copy on its story), and a three-way class from it.
 *
 * Sentence coverage alone (pair-verdict.ts) cannot tell a partly rewritten story from an
 * independent report of the same court case: both align a fifth to a third of their sentences
 * with the wire. What separates them is how the words were taken: runs of the source's words in
 * the narrative (outside quotation marks, which independent reports share), how much of the
 * source the story used, and how long the story is beside it. A multinomial logistic regression
 * combines these; its weights (derivation-model.json, numbers only) were fitted on the METER dev
 * file by `npx tsx eval/tasks/meter.ts --fit`, and the METER eval refits them per fold to report
 * a cross-validated figure.
 *
 * It answers the newsroom question (did this paper run the wire copy?) and is not the pair verdict
 * of a traced story (pair-verdict.ts): trained on wire copying, it reads a heavy paraphrase with
 * few shared word runs as an independent report, which is wrong for rewriters and for
 * Clough & Stevenson's heavily revised answers (7 of 19 would become non-derived).
 */

export const DERIVATION_FEATURES = [
  'coverage',
  'narrativeBigramContainment',
  'narrativeFivegramContainment',
  'sourceWordsUsed',
  'sourceCoverage',
  'quotedShare',
  'tiledShare',
  'logLength',
  'logSharedBigrams',
  'logNarrativeSharedTrigrams',
] as const;

export const DERIVATION_CLASSES: DerivationClass[] = ['wholly-derived', 'partially-derived', 'non-derived'];

/** Shortest run of words the tiling counts as copied: shorter shared runs are stock phrases. */
const MIN_TILE = 5;

interface Words {
  /** Word hashes in text order (lower-cased letters and digits; punctuation tokens dropped). */
  hashes: Int32Array;
  /** 1 when the word sits inside quotation marks. */
  quoted: Uint8Array;
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
  for (const sentence of article.sentences) {
    for (const token of sentence.tokens) {
      if (token.pos === 'PUNCT') continue;
      const word = token.text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      if (!word) continue;
      hashes.push(wordHash(word));
      quoted.push(mask[token.span[0]]);
    }
  }
  const words = { hashes: Int32Array.from(hashes), quoted: Uint8Array.from(quoted) };
  wordCache.set(article, words);
  return words;
}

function gramKey(hashes: Int32Array, at: number, n: number): string {
  let key = '';
  for (let k = 0; k < n; k++) key += `${hashes[at + k]},`;
  return key;
}

function gramSet(sources: Words[], n: number): Set<string> {
  const set = new Set<string>();
  for (const s of sources) for (let i = 0; i + n <= s.hashes.length; i++) set.add(gramKey(s.hashes, i, n));
  return set;
}

/** How many of the target's n-grams (all, and those with no quoted word) the sources hold. */
function sharedGrams(target: Words, sources: Words[], n: number) {
  const set = gramSet(sources, n);
  let all = 0;
  let narrative = 0;
  let narrativeTotal = 0;
  for (let i = 0; i + n <= target.hashes.length; i++) {
    const hit = set.has(gramKey(target.hashes, i, n));
    if (hit) all++;
    if (target.quoted.subarray(i, i + n).every((q) => q === 0)) {
      narrativeTotal++;
      if (hit) narrative++;
    }
  }
  return { all, narrative, narrativeShare: narrativeTotal > 0 ? narrative / narrativeTotal : 0 };
}

/**
 * Greedy string tiling (Wise 1993), the classic text-reuse measure: repeatedly mark the longest
 * runs of words shared by a and b that are not yet marked, down to MIN_TILE words. Returns the
 * share of a's words inside tiles. Unlike n-gram containment, each source word backs one copy.
 */
export function tiledShare(a: Int32Array, b: Int32Array, minTile = MIN_TILE): number {
  if (a.length === 0) return 0;
  const markedA = new Uint8Array(a.length);
  const markedB = new Uint8Array(b.length);
  const where = new Map<number, number[]>();
  b.forEach((w, j) => {
    const list = where.get(w);
    if (list) list.push(j);
    else where.set(w, [j]);
  });
  let covered = 0;
  for (;;) {
    let longest = minTile - 1;
    let runs: [number, number, number][] = [];
    for (let i = 0; i < a.length; i++) {
      if (markedA[i]) continue;
      for (const j of where.get(a[i]) ?? []) {
        if (markedB[j]) continue;
        let k = 0;
        while (i + k < a.length && j + k < b.length && !markedA[i + k] && !markedB[j + k] && a[i + k] === b[j + k]) k++;
        if (k > longest) {
          longest = k;
          runs = [[i, j, k]];
        } else if (k === longest) runs.push([i, j, k]);
      }
    }
    if (runs.length === 0) break;
    for (const [i, j, k] of runs) {
      let free = true;
      for (let t = 0; t < k && free; t++) free = !markedA[i + t] && !markedB[j + t];
      if (!free) continue;
      markedA.fill(1, i, i + k);
      markedB.fill(1, j, j + k);
      covered += k;
    }
  }
  return covered / a.length;
}

/** Share of `source`'s words (tokens) whose word occurs anywhere in `target`. */
function wordsUsed(source: Int32Array, target: Set<number>): number {
  if (source.length === 0) return 0;
  let used = 0;
  for (const w of source) if (target.has(w)) used++;
  return used / source.length;
}

/** Evidence of "target derives from these sources", in DERIVATION_FEATURES order. */
export function derivationFeatures(target: Article, alignments: { alignment: Alignment; source: Article }[]): number[] {
  const t = wordsOf(target);
  const sources = alignments.map(({ source }) => wordsOf(source));
  const targetWords = new Set(t.hashes);
  let sourceCoverage = 0;
  for (const { alignment, source } of alignments) {
    const credit = alignedCredit(alignment, source, target, 'a');
    const weights = narrativeWeights(source);
    let total = 0;
    let covered = 0;
    for (let i = 0; i < weights.length; i++) {
      total += weights[i];
      covered += weights[i] * credit[i];
    }
    if (total > 0) sourceCoverage = Math.max(sourceCoverage, covered / total);
  }
  const bigrams = sharedGrams(t, sources, 2);
  const trigrams = sharedGrams(t, sources, 3);
  const fivegrams = sharedGrams(t, sources, 5);
  let quoted = 0;
  for (const q of t.quoted) quoted += q;
  return [
    combinedCoverage(target, alignments),
    bigrams.narrativeShare,
    fivegrams.narrativeShare,
    Math.max(0, ...sources.map((s) => wordsUsed(s.hashes, targetWords))),
    sourceCoverage,
    t.hashes.length > 0 ? quoted / t.hashes.length : 0,
    Math.max(0, ...sources.map((s) => tiledShare(t.hashes, s.hashes))),
    Math.log1p(t.hashes.length),
    Math.log1p(bigrams.all),
    Math.log1p(trigrams.narrative),
  ];
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
 * as much as the commonest in the loss, as macro-F1 counts them. Deterministic.
 */
export function fitDerivationModel(
  rows: readonly number[][],
  labels: readonly DerivationClass[],
  { iterations = 3000, rate = 0.5, l2 = 1 } = {},
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
