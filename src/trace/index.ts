import { align, articleFeatures } from '../align/index.js';
import type { Alignment, Article, Derivation, ProvenanceGraph } from '../core/types.js';
import { creditedSources, identityNames, normalizeName } from './credits.js';
import { directionScore } from './direction.js';
import { evidenceOf } from './evidence.js';
import { narrativeWeights, type PairVerdict, pairVerdict } from './pair-verdict.js';

export { creditedSources, identityNames } from './credits.js';
export { directionScore } from './direction.js';
export { classify, type PairVerdict, pairVerdict } from './pair-verdict.js';

export type TraceResult = ProvenanceGraph & { alignments: Alignment[] };

/**
 * Two versions whose identical sentences cover this share of both narratives are one text in
 * two places (a syndicated copy inside another site's page furniture): they collapse into one node.
 */
const NEAR_DUPLICATE_SHARE = 0.9;

/**
 * A derivation needs at least this many aligned narrative sentences: one shared sentence (a
 * stock background line, a quote with its attribution) is how independent reports overlap too.
 */
const MIN_NARRATIVE_PAIRS = 2;

/**
 * Two versions that share this much of their text verbatim or lightly edited, with neither
 * deriving from the other, point to a common source outside the pile.
 */
const COMMON_SOURCE_VERBATIM_SHARE = 0.3;

interface PairJudgement {
  x: Article;
  y: Article;
  alignment: Alignment;
  /** y derived from x, and x derived from y. */
  yFromX: PairVerdict;
  xFromY: PairVerdict;
}

function identicalShare(article: Article, alignment: Alignment, side: 'a' | 'b'): number {
  const weights = narrativeWeights(article);
  const identical = new Uint8Array(article.sentences.length);
  for (const p of alignment.pairs) if (p.kind === 'identical') for (const i of p[side]) identical[i] = 1;
  let total = 0;
  let covered = 0;
  weights.forEach((w, i) => {
    total += w;
    if (identical[i]) covered += w;
  });
  return total > 0 ? covered / total : 0;
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(i: number, j: number): void {
    const a = this.find(i);
    const b = this.find(j);
    // Keep the smaller index (the earlier representative) as root.
    if (a !== b) this.parent[Math.max(a, b)] = Math.min(a, b);
  }
}

function publishedTime(a: Article): number {
  const t = a.published ? Date.parse(a.published) : Number.NaN;
  return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY;
}

/** A credited organisation both versions name, which no version in the pile is. */
function sharedCredit(x: Article, y: Article, pileNames: Set<string>): string | undefined {
  const cx = creditedSources(x);
  const cy = creditedSources(y);
  for (const [key, name] of cx) if (cy.has(key) && !pileNames.has(key)) return name;
  return undefined;
}

/**
 * Paraphrase alone is weaker evidence than shared wording: two independent reports of one event
 * tell the same facts in the same order, so a fifth to two-fifths of their sentences align as
 * paraphrases (an independent local report against the wire: 0.42). A rewrite that kept little
 * wording must cover at least half of the target, over several sentences, to count as derived
 * (a content-farm spin of a report covers about two-thirds, in order).
 */
const PARAPHRASE_ONLY_COVERAGE = 0.5;
const PARAPHRASE_ONLY_PAIRS = 4;
const WORDING_SHARE = 0.3;

function derives(v: PairVerdict): boolean {
  if (v.class === 'non-derived' || v.narrativePairs < MIN_NARRATIVE_PAIRS) return false;
  if (v.verbatimShare >= WORDING_SHARE) return true;
  return v.targetCoverage >= PARAPHRASE_ONLY_COVERAGE && v.narrativePairs >= PARAPHRASE_ONLY_PAIRS;
}

function isRelated(j: PairJudgement): boolean {
  return derives(j.yFromX) || derives(j.xFromY);
}

/**
 * The provenance graph of one story: exact and near duplicates collapsed, and for each remaining
 * version its most likely direct source — another version, or a common source outside the pile
 * inferred from shared passages and named from credits ("Coastline Press").
 */
export function trace(input: Article[]): TraceResult {
  // Articles without sentences (empty feed items) carry no evidence either way. An id is a hash
  // of the cleaned text, so two inputs with one id are one text: keep its earliest appearance
  // (two entries with one id would leave the id's node pointing at neither and drop its edges).
  const seen = new Set<string>();
  const articles = input
    .filter((a) => a.sentences.length > 0)
    .sort((p, q) => publishedTime(p) - publishedTime(q) || p.id.localeCompare(q.id))
    .filter((a) => !seen.has(a.id) && seen.add(a.id) !== undefined);
  const n = articles.length;
  const groups = new UnionFind(n);
  const byHash = new Map<string, number>();
  articles.forEach((a, i) => {
    const first = byHash.get(a.contentHash);
    if (first === undefined) byHash.set(a.contentHash, i);
    else groups.union(first, i);
  });

  // Align every pair of distinct texts once.
  const judgements: PairJudgement[] = [];
  const alignments: Alignment[] = [];
  for (let i = 0; i < n; i++) {
    if (groups.find(i) !== i) continue;
    for (let j = i + 1; j < n; j++) {
      if (groups.find(j) !== j) continue;
      const x = articles[i];
      const y = articles[j];
      const alignment = align(x, y);
      alignments.push(alignment);
      judgements.push({
        x,
        y,
        alignment,
        yFromX: pairVerdict(alignment, x, y, 'a'),
        xFromY: pairVerdict(alignment, y, x, 'b'),
      });
    }
  }
  const index = new Map(articles.map((a, i) => [a.id, i]));
  for (const j of judgements) {
    if (
      identicalShare(j.x, j.alignment, 'a') >= NEAR_DUPLICATE_SHARE &&
      identicalShare(j.y, j.alignment, 'b') >= NEAR_DUPLICATE_SHARE
    ) {
      groups.union(index.get(j.x.id) as number, index.get(j.y.id) as number);
    }
  }
  const isRepresentative = (a: Article) => groups.find(index.get(a.id) as number) === index.get(a.id);
  const duplicates: string[][] = [];
  const members = new Map<number, string[]>();
  articles.forEach((a, i) => {
    const root = groups.find(i);
    members.set(root, [...(members.get(root) ?? []), a.id]);
  });
  for (const list of members.values()) if (list.length > 1) duplicates.push(list);

  const pileNames = new Set<string>();
  for (const a of articles) for (const name of identityNames(a)) pileNames.add(name);

  // Candidate edges source → target among representatives, best explanation first.
  const related = judgements.filter((j) => isRepresentative(j.x) && isRepresentative(j.y) && isRelated(j));
  interface Candidate {
    source: Article;
    target: Article;
    verdict: PairVerdict;
    judgement: PairJudgement;
    direction: number;
    closeness: number;
  }
  const candidates: Candidate[] = [];
  const siblings: { judgement: PairJudgement; name: string | undefined }[] = [];
  for (const j of related) {
    const shared = sharedCredit(j.x, j.y, pileNames);
    if (shared) {
      // Both credit the same outside organisation: they are copies of its text, not of each other.
      siblings.push({ judgement: j, name: shared });
      continue;
    }
    const direction = directionScore(j.x, j.y, j.yFromX, j.xFromY);
    const [source, target, verdict] = direction >= 0 ? [j.x, j.y, j.yFromX] : [j.y, j.x, j.xFromY];
    if (!derives(verdict)) continue;
    const meanSimilarity =
      j.alignment.pairs.reduce((s, p) => s + p.similarity, 0) / Math.max(1, j.alignment.pairs.length);
    candidates.push({
      source,
      target,
      verdict,
      judgement: j,
      direction: Math.abs(direction),
      // The closest ancestor explains the most of the target in the most similar words: in a chain
      // wire → outlet → farm, the farm is closer to the outlet's edits than to the wire.
      closeness: verdict.targetCoverage * meanSimilarity,
    });
  }
  candidates.sort((p, q) => q.closeness - p.closeness);
  const parent = new Map<string, string>();
  const isAncestor = (maybe: string, of: string): boolean => {
    for (let at = parent.get(of); at !== undefined; at = parent.get(at)) if (at === maybe) return true;
    return false;
  };
  const derivations: Derivation[] = [];
  const explained = new Set<string>();
  for (const c of candidates) {
    if (parent.has(c.target.id) || c.source.id === c.target.id || isAncestor(c.target.id, c.source.id)) continue;
    parent.set(c.target.id, c.source.id);
    explained.add(pairKey(c.source.id, c.target.id));
    const directionCertainty = 0.5 + 0.5 * Math.min(1, c.direction / 2);
    derivations.push({
      source: c.source.id,
      target: c.target.id,
      class: c.verdict.class as Derivation['class'],
      mode: c.verdict.mode,
      confidence: round(c.verdict.confidence * directionCertainty),
      evidence: evidenceOf(c.judgement.alignment, c.source, c.target),
    });
  }

  // Shared text that no chain in the pile explains: a common source outside the pile.
  const root = (id: string): string => {
    let at = id;
    for (let p = parent.get(at); p !== undefined; p = parent.get(at)) at = p;
    return at;
  };
  const inferred = new Map<
    string,
    { name: string; verdict: PairVerdict; sharedWith: string; judgement: PairJudgement; side: 'a' | 'b' }
  >();
  const consider = (j: PairJudgement, name: string | undefined) => {
    if (root(j.x.id) === root(j.y.id)) return;
    const verbatim = Math.max(j.yFromX.verbatimShare, j.xFromY.verbatimShare);
    if (!name && verbatim < COMMON_SOURCE_VERBATIM_SHARE) return;
    const label = name ?? commonName(j.x, j.y) ?? 'unknown common source';
    for (const [article, verdict, other, side] of [
      [j.x, j.xFromY, j.y, 'a'],
      [j.y, j.yFromX, j.x, 'b'],
    ] as const) {
      if (parent.has(article.id)) continue;
      const known = inferred.get(article.id);
      if (!known || verdict.targetCoverage > known.verdict.targetCoverage) {
        inferred.set(article.id, { name: label, verdict, sharedWith: other.id, judgement: j, side });
      }
    }
  };
  for (const s of siblings) consider(s.judgement, s.name);
  for (const c of candidates) {
    const key = pairKey(c.source.id, c.target.id);
    if (!explained.has(key) && !isAncestor(c.source.id, c.target.id) && !isAncestor(c.target.id, c.source.id)) {
      consider(c.judgement, undefined);
    }
  }
  for (const [target, { name, verdict, sharedWith, judgement, side }] of inferred) {
    const article = side === 'a' ? judgement.x : judgement.y;
    derivations.push({
      source: { inferred: name },
      target,
      class: inferredClass(article, name, verdict),
      mode: keepsSharedText(judgement.alignment, judgement.x, judgement.y, side) ? 'verbatim' : verdict.mode,
      confidence: round(verdict.confidence * 0.8),
      evidence: [],
      sharedWith: [sharedWith],
    });
  }
  return { duplicates, derivations, alignments };
}

/**
 * Class of a version against a source outside the pile. The sibling it was found through covers
 * only what the two kept in common, so its coverage understates the source's share: each of two
 * trimmed copies of one agency report holds paragraphs the other cut. A version that credits the
 * source by name and carries no byline of its own presents itself as that source's report, and is
 * taken as wholly derived; otherwise the sibling's verdict stands, at least partially derived.
 */
function inferredClass(article: Article, name: string, verdict: PairVerdict): Derivation['class'] {
  if (verdict.class === 'wholly-derived') return verdict.class;
  const credits = creditedSources(article).has(normalizeName(name));
  const byline = article.credits.some((c) => c.kind === 'byline');
  return credits && !byline ? 'wholly-derived' : 'partially-derived';
}

/**
 * Whether one side of a sibling alignment kept the shared text as it was: wherever the two differ,
 * the other side is the one that departed from it — it was trimmed (fewer words), merged two
 * sentences into one, or paraphrased. Copy editors cut and merge rather than pad, so the fuller
 * side of an edited pair is the closer to the common source.
 */
export function keepsSharedText(alignment: Alignment, a: Article, b: Article, side: 'a' | 'b'): boolean {
  const other = side === 'a' ? 'b' : 'a';
  const sentences = { a: articleFeatures(a).sentences, b: articleFeatures(b).sentences };
  const words = (s: 'a' | 'b', indices: number[]) => indices.reduce((n, i) => n + sentences[s][i].sequence.length, 0);
  if (alignment.pairs.length === 0) return false;
  for (const pair of alignment.pairs) {
    if (pair.kind === 'identical') continue;
    if (pair.kind === 'paraphrased' || pair[side].length < pair[other].length) return false;
    if (pair[side].length === pair[other].length && words(side, pair[side]) <= words(other, pair[other])) return false;
  }
  return true;
}

/** A name for a source outside the pile, from whatever either version credits. */
function commonName(x: Article, y: Article): string | undefined {
  return [...creditedSources(x).values(), ...creditedSources(y).values()][0];
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
