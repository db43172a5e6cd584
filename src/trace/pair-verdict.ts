import { articleFeatures, joinedFeatures, lexicalMatch } from '../align/index.js';
import type { Alignment, Article, DerivationClass, DerivationMode } from '../core/types.js';

/**
 * How much of one article is accounted for by another, judged from their sentence alignment:
 * the METER scheme (wholly / partially / non-derived) with a confidence.
 */

/**
 * Words inside quotation marks count for a fifth of their weight. Two independent reports of the
 * same press conference quote the same words verbatim; what gives a copy away is the narrative
 * around the quotes, aligned in order.
 */
const QUOTE_CREDIT = 0.2;

/**
 * An aligned sentence counts as taken when at least half of its rarity-weighted content (same
 * lemma or a WordNet synonym) is found in the sentence(s) it is aligned with; an aligned sentence
 * that mostly says its own things (same event, other words and details) earns a quarter. On the
 * METER dev file this per-sentence rule separates partially- from non-derived stories better than
 * counting every aligned sentence (macro-F1 0.64 against 0.61) or weighting by similarity (0.62).
 */
const TAKEN_RECALL = 0.5;
const LOOSE_LINK_CREDIT = 0.25;

/**
 * Coverage cuts between the classes, fitted on the METER dev file (eval/tasks/meter.ts prints the
 * grid search and a cross-validated estimate): wholly-derived newspaper stories have about
 * three-quarters of their narrative taken from the wire, partially-derived ones a fifth or more.
 */
export const WHOLLY_DERIVED_COVERAGE = 0.73;
export const PARTIALLY_DERIVED_COVERAGE = 0.2;

export interface PairVerdict {
  class: DerivationClass;
  /** Share of the target's narrative weight aligned to the source (quote words discounted). */
  targetCoverage: number;
  /** Share of the source's narrative weight that reached the target. */
  sourceCoverage: number;
  /** Of the target's aligned weight, the share aligned identical or edited (rather than paraphrased). */
  verbatimShare: number;
  /** Aligned sentence pairs outside headings whose weight is mostly narrative. */
  narrativePairs: number;
  mode: DerivationMode;
  confidence: number;
}

/** Per-sentence evidence weight: rarity weight, quotes discounted, headings and boilerplate zero. */
export function narrativeWeights(article: Article): Float64Array {
  const { sentences } = articleFeatures(article);
  const weights = new Float64Array(sentences.length);
  sentences.forEach((s, i) => {
    weights[i] = s.heading ? 0 : s.total * (1 - (1 - QUOTE_CREDIT) * s.quoteShare);
  });
  return weights;
}

/**
 * For each sentence of one side of an alignment, the credit (0..1) it earns from being aligned.
 * `side` says which side of `alignment` (a or b) is the article of interest.
 */
export function alignedCredit(alignment: Alignment, a: Article, b: Article, side: 'a' | 'b'): Float64Array {
  const fa = articleFeatures(a);
  const fb = articleFeatures(b);
  const credit = new Float64Array((side === 'a' ? a : b).sentences.length);
  for (const pair of alignment.pairs) {
    const match = lexicalMatch(joinedFeatures(fa, pair.a), joinedFeatures(fb, pair.b));
    const recall = side === 'a' ? match.recallA : match.recallB;
    const value = recall >= TAKEN_RECALL ? 1 : LOOSE_LINK_CREDIT;
    for (const i of pair[side]) credit[i] = Math.max(credit[i], value);
  }
  return credit;
}

/** Which sentences of one side were aligned identical or edited (1) rather than paraphrased. */
function verbatimMask(alignment: Alignment, side: 'a' | 'b', sentenceCount: number): Uint8Array {
  const mask = new Uint8Array(sentenceCount);
  for (const pair of alignment.pairs) if (pair.kind !== 'paraphrased') for (const i of pair[side]) mask[i] = 1;
  return mask;
}

function weightedShare(weights: Float64Array, credit: ArrayLike<number>): number {
  let total = 0;
  let covered = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i];
    covered += weights[i] * credit[i];
  }
  return total > 0 ? covered / total : 0;
}

/** METER class from the target's narrative coverage. */
export function classify(targetCoverage: number): DerivationClass {
  if (targetCoverage >= WHOLLY_DERIVED_COVERAGE) return 'wholly-derived';
  if (targetCoverage >= PARTIALLY_DERIVED_COVERAGE) return 'partially-derived';
  return 'non-derived';
}

/**
 * Confidence grows with distance from the nearest class boundary and with the amount of evidence
 * (aligned narrative sentences): one aligned sentence proves little even at full coverage.
 */
function confidenceOf(coverage: number, narrativePairs: number): number {
  const cuts = [PARTIALLY_DERIVED_COVERAGE, WHOLLY_DERIVED_COVERAGE];
  const margin = Math.min(...cuts.map((c) => Math.abs(coverage - c)));
  const fromMargin = 0.5 + Math.min(0.5, margin * 2.5);
  const fromEvidence = 1 - Math.exp(-narrativePairs / 2);
  return Math.round(fromMargin * fromEvidence * 100) / 100;
}

/** Verdict on "target derives from source" given their alignment (source on side `sourceSide`). */
export function pairVerdict(
  alignment: Alignment,
  source: Article,
  target: Article,
  sourceSide: 'a' | 'b' = 'a',
): PairVerdict {
  const targetSide = sourceSide === 'a' ? 'b' : 'a';
  const targetWeights = narrativeWeights(target);
  const sourceWeights = narrativeWeights(source);
  const [a, b] = sourceSide === 'a' ? [source, target] : [target, source];
  const targetCredit = alignedCredit(alignment, a, b, targetSide);
  const sourceCredit = alignedCredit(alignment, a, b, sourceSide);
  const targetCoverage = weightedShare(targetWeights, targetCredit);
  const sourceCoverage = weightedShare(sourceWeights, sourceCredit);
  const verbatim = verbatimMask(alignment, targetSide, target.sentences.length);
  const verbatimCovered = weightedShare(targetWeights, verbatim);
  const verbatimShare = targetCoverage > 0 ? Math.min(1, verbatimCovered / targetCoverage) : 0;
  const { sentences } = articleFeatures(target);
  const narrativePairs = alignment.pairs.filter((p) =>
    p[targetSide].some((i) => !sentences[i].heading && sentences[i].quoteShare < 0.5),
  ).length;
  const cls = classify(targetCoverage);
  const identicalAll = alignment.pairs.length > 0 && alignment.pairs.every((p) => p.kind === 'identical');
  const mode: DerivationMode = identicalAll ? 'verbatim' : verbatimShare >= 0.5 ? 'edited' : 'paraphrase';
  return {
    class: cls,
    targetCoverage,
    sourceCoverage,
    verbatimShare,
    narrativePairs,
    mode,
    confidence: confidenceOf(targetCoverage, narrativePairs),
  };
}

/** Coverage of a target by several sources at once (METER: a story against all its wire copies). */
export function combinedCoverage(target: Article, alignments: { alignment: Alignment; source: Article }[]): number {
  return weightedShare(narrativeWeights(target), combinedCredit(target, alignments));
}

/** Per-sentence credit of a target aligned (as side b) with several sources. */
export function combinedCredit(target: Article, alignments: { alignment: Alignment; source: Article }[]): Float64Array {
  const credit = new Float64Array(target.sentences.length);
  for (const { alignment, source } of alignments) {
    const c = alignedCredit(alignment, source, target, 'b');
    for (let i = 0; i < credit.length; i++) credit[i] = Math.max(credit[i], c[i]);
  }
  return credit;
}
