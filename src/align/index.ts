import type { AlignedPair, Alignment, AlignmentKind, Article } from '../core/types.js';
import { editRatio } from './edit-ratio.js';
import { type Link, monotoneAlign } from './monotone.js';
import {
  type ArticleFeatures,
  articleFeatures,
  joinedFeatures,
  mergedAt,
  type SentenceFeatures,
} from './sentence-features.js';
import { alignmentScore } from './similarity.js';

export { editRatio } from './edit-ratio.js';
export { quoteMask } from './quotes.js';
export { articleFeatures, joinedFeatures, mergeFeatures, type SentenceFeatures } from './sentence-features.js';
export { alignmentScore, lexicalMatch, PARAPHRASE_THRESHOLD, similarity } from './similarity.js';
export { wordDiff } from './word-diff.js';

/**
 * A link earns (similarity − ALIGN_THRESHOLD). It sits below MSRP's paraphrase cut (0.48) on
 * purpose: a copied sentence that was also trimmed or merged ("… drug trafficking, marking a
 * potential turning point …") is less than a full paraphrase of its source but still its
 * descendant, and the order constraint keeps such weaker links honest. It was 0.42 under the
 * earlier 12-feature similarity; the 26-feature model scores topical look-alikes (same subject,
 * other facts) a little higher, and 0.44 keeps independent answers on one subject unlinked.
 */
export const ALIGN_THRESHOLD = 0.44;

/**
 * After the monotone pass, a leftover pair this similar is linked anyway as a moved sentence:
 * rewriters move paragraphs, but only near-copies are trusted out of order.
 */
const REORDER_THRESHOLD = 0.75;

/**
 * Cheap pruning before the full similarity: two sentences sharing less than this share of the
 * smaller one's rarity weight (exact lemmas only) cannot reach ALIGN_THRESHOLD in practice.
 * Sentences on one story share names ("Varga", "Dunmere"), so the bar is relative, not "any".
 */
const PRUNE_SHARE = 0.2;

/** Word-level similarity (2·LCS / total words) from which an aligned pair counts as edited. */
const EDITED_RATIO = 0.6;

/**
 * A copy editor trims, adds a clause or changes a word or two, so at least one side of an edited
 * pair is almost wholly made of the other's words; a rewriter swaps words throughout, so both
 * sides carry words of their own ("Witnesses described a flash and a roar that rattled windows"
 * → "Eyewitnesses reported a bright flash and a loud roar that shook windows": 7% and 29%).
 * Long shared stretches keep such a pair's word-level ratio high (0.75), so the ratio alone
 * cannot tell the two apart.
 */
export const SUBSTITUTED_SHARE = 0.15;

/** Share of x's words (tokens) that y does not contain anywhere. */
function ownWords(x: Int32Array, y: Int32Array): number {
  if (x.length === 0) return 0;
  const inY = new Set(y);
  let own = 0;
  for (const w of x) if (!inY.has(w)) own++;
  return own / x.length;
}

/** identical / edited / paraphrased from the word sequences of the two sides. */
export function alignmentKind(x: SentenceFeatures, y: SentenceFeatures): AlignmentKind {
  const ratio = editRatio(x.sequence, y.sequence);
  if (ratio === 1) return 'identical';
  if (ratio < EDITED_RATIO) return 'paraphrased';
  const substituted = Math.min(ownWords(x.sequence, y.sequence), ownWords(y.sequence, x.sequence));
  return substituted < SUBSTITUTED_SHARE ? 'edited' : 'paraphrased';
}

/**
 * Scores of sentence pairs by fingerprint, shared by every alignment in the process: versions of
 * one story repeat most sentences word for word, so tracing 50 of them meets the same pair of
 * sentences hundreds of times. Cleared when it grows past MEMO_LIMIT pairs to bound memory.
 */
const memo = new Map<number, Map<number, number>>();
let memoSize = 0;
const MEMO_LIMIT = 1_000_000;

/** alignmentScore, memoised (the score is symmetric, so the pair is keyed in fingerprint order). */
function score(x: SentenceFeatures, y: SentenceFeatures): number {
  const [lo, hi] = x.fingerprint <= y.fingerprint ? [x, y] : [y, x];
  let row = memo.get(lo.fingerprint);
  const hit = row?.get(hi.fingerprint);
  if (hit !== undefined) return hit;
  const value = alignmentScore(lo, hi);
  if (memoSize >= MEMO_LIMIT) {
    memo.clear();
    memoSize = 0;
    row = undefined;
  }
  if (!row) {
    row = new Map();
    memo.set(lo.fingerprint, row);
  }
  row.set(hi.fingerprint, value);
  memoSize++;
  return value;
}

/** Similarity of every sentence pair worth scoring; the rest stay 0. */
function scoreMatrix(fa: ArticleFeatures, fb: ArticleFeatures): Float32Array {
  const rows = fa.sentences.length;
  const cols = fb.sentences.length;
  const shared = new Float32Array(rows * cols);
  fb.sentences.forEach((sb, j) => {
    sb.keys.forEach((key, k) => {
      const holders = fa.postings.get(key);
      if (holders) for (const i of holders) shared[i * cols + j] += sb.weights[k];
    });
  });
  const scores = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const sa = fa.sentences[i];
    for (let j = 0; j < cols; j++) {
      const sb = fb.sentences[j];
      const smaller = Math.min(sa.total, sb.total);
      if (smaller > 0 && shared[i * cols + j] >= PRUNE_SHARE * smaller) scores[i * cols + j] = score(sa, sb);
    }
  }
  return scores;
}

/** A merged candidate is only worth scoring when one of its halves already looks related. */
const MERGE_FLOOR = 0.2;

function links(fa: ArticleFeatures, fb: ArticleFeatures, scores: Float32Array): Link[] {
  const rows = fa.sentences.length;
  const cols = fb.sentences.length;
  const monotone = monotoneAlign(
    {
      rows,
      cols,
      one: (i, j) => scores[i * cols + j],
      oneTwo: (i, j) =>
        Math.max(scores[i * cols + j], scores[i * cols + j + 1]) < MERGE_FLOOR ||
        Math.min(scores[i * cols + j], scores[i * cols + j + 1]) === 0
          ? 0
          : score(fa.sentences[i], mergedAt(fb, j)),
      twoOne: (i, j) =>
        Math.max(scores[i * cols + j], scores[(i + 1) * cols + j]) < MERGE_FLOOR ||
        Math.min(scores[i * cols + j], scores[(i + 1) * cols + j]) === 0
          ? 0
          : score(mergedAt(fa, i), fb.sentences[j]),
    },
    ALIGN_THRESHOLD,
  );
  return monotone;
}

/** Leftover near-copies linked out of order, most similar first. */
function reorderedLinks(scores: Float32Array, rows: number, cols: number, taken: Link[]): Link[] {
  const usedA = new Uint8Array(rows);
  const usedB = new Uint8Array(cols);
  for (const l of taken) {
    for (const i of l.a) usedA[i] = 1;
    for (const j of l.b) usedB[j] = 1;
  }
  const candidates: [number, number, number][] = [];
  for (let i = 0; i < rows; i++) {
    if (usedA[i]) continue;
    for (let j = 0; j < cols; j++) {
      const s = scores[i * cols + j];
      if (!usedB[j] && s >= REORDER_THRESHOLD) candidates.push([s, i, j]);
    }
  }
  candidates.sort((x, y) => y[0] - x[0]);
  const extra: Link[] = [];
  for (const [s, i, j] of candidates) {
    if (usedA[i] || usedB[j]) continue;
    usedA[i] = 1;
    usedB[j] = 1;
    extra.push({ a: [i], b: [j], similarity: s });
  }
  return extra;
}

/**
 * Aligns the sentences of two articles: an order-preserving alignment (1–1, 1–2, 2–1, skips),
 * plus near-copies that were moved (`reordered: true`). Each pair is labelled identical, edited
 * or paraphrased. Symmetric up to swapping `a` and `b`.
 */
export function align(a: Article, b: Article): Alignment {
  const fa = articleFeatures(a);
  const fb = articleFeatures(b);
  const scores = scoreMatrix(fa, fb);
  const monotone = links(fa, fb, scores);
  const moved = reorderedLinks(scores, fa.sentences.length, fb.sentences.length, monotone);
  const pairs: AlignedPair[] = [];
  for (const link of monotone) {
    pairs.push({
      a: link.a,
      b: link.b,
      kind: alignmentKind(joinedFeatures(fa, link.a), joinedFeatures(fb, link.b)),
      similarity: link.similarity,
    });
  }
  for (const link of moved) {
    pairs.push({
      a: link.a,
      b: link.b,
      kind: alignmentKind(joinedFeatures(fa, link.a), joinedFeatures(fb, link.b)),
      similarity: link.similarity,
      reordered: true,
    });
  }
  return { a: a.id, b: b.id, pairs };
}
