import { diffWordsWithSpace } from 'diff';
import { toOriginalSpan } from '../../core/offsets.js';
import type { AlignedPair, Alignment, Article, Span } from '../../core/types.js';
import { articleRef } from './build.js';
import type { DiffRow, DiffSide, PairDiff } from './types.js';

/**
 * Turns a sentence alignment of `a` and `b` into rows for a side-by-side view: every sentence
 * of both articles appears once, in reading order; aligned sentences share a row, and an edited
 * or paraphrased row carries the changed words on each side.
 *
 * `alignment` may have been computed for (b, a): it is flipped here, so callers can pass
 * whichever orientation the trace stage judged.
 */
export function pairDiff(a: Article, b: Article, alignment: Alignment): PairDiff {
  const pairs = orient(alignment, a.id, b.id)
    .filter((p) => p.a.length > 0 && p.b.length > 0)
    .sort((p, q) => Math.min(...p.a) - Math.min(...q.a) || Math.min(...p.b) - Math.min(...q.b));
  const rows: DiffRow[] = [];
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let nextA = 0;
  let nextB = 0;
  const flushUntil = (untilA: number, untilB: number) => {
    for (; nextA < untilA; nextA++) if (!usedA.has(nextA)) rows.push(lonely('only-a', a, nextA));
    for (; nextB < untilB; nextB++) if (!usedB.has(nextB)) rows.push(lonely('only-b', b, nextB));
  };
  for (const pair of pairs) {
    // A crossing pair (the aligner promises monotone output, but a caller may not) still gets
    // its row; it just does not move the reading position backwards.
    if (pair.a.some((i) => usedA.has(i)) || pair.b.some((i) => usedB.has(i))) continue;
    flushUntil(Math.min(...pair.a), Math.min(...pair.b));
    rows.push(alignedRow(a, b, pair));
    for (const i of pair.a) usedA.add(i);
    for (const i of pair.b) usedB.add(i);
    nextA = Math.max(nextA, Math.max(...pair.a) + 1);
    nextB = Math.max(nextB, Math.max(...pair.b) + 1);
  }
  flushUntil(a.sentences.length, b.sentences.length);
  return { a: articleRef(a), b: articleRef(b), rows };
}

function orient(alignment: Alignment, aId: string, bId: string): AlignedPair[] {
  if (alignment.a === aId && alignment.b === bId) return alignment.pairs;
  if (alignment.a === bId && alignment.b === aId) return alignment.pairs.map((p) => ({ ...p, a: p.b, b: p.a }));
  throw new Error(`alignment is for ${alignment.a} and ${alignment.b}, not ${aId} and ${bId}`);
}

/** The original-text span and text of consecutive sentences. */
function side(article: Article, indices: number[]): DiffSide {
  const sorted = [...indices].sort((x, y) => x - y);
  const first = article.sentences[sorted[0]];
  const last = article.sentences[sorted[sorted.length - 1]];
  const span = toOriginalSpan(article, [first.span[0], last.span[1]]);
  return { sentences: sorted, span, text: article.original.slice(span[0], span[1]), changes: [] };
}

function lonely(kind: 'only-a' | 'only-b', article: Article, index: number): DiffRow {
  const s = side(article, [index]);
  return kind === 'only-a' ? { kind, a: s, b: null } : { kind, a: null, b: s };
}

function alignedRow(a: Article, b: Article, pair: AlignedPair): DiffRow {
  const left = side(a, pair.a);
  const right = side(b, pair.b);
  if (pair.kind !== 'identical' || left.text !== right.text) {
    const [changesA, changesB] = wordChanges(left.text, right.text);
    left.changes = changesA.map(([s, e]) => [left.span[0] + s, left.span[0] + e] as Span);
    right.changes = changesB.map(([s, e]) => [right.span[0] + s, right.span[0] + e] as Span);
  }
  return { kind: pair.kind, similarity: pair.similarity, a: left, b: right };
}

/**
 * Word-level changes between two texts, as spans relative to each text: words removed from the
 * first and words added in the second. Whitespace counts as a token (diffWordsWithSpace) so the
 * kept and removed parts concatenate back to exactly the input and the offsets stay exact.
 */
export function wordChanges(before: string, after: string): [Span[], Span[]] {
  const removed: Span[] = [];
  const added: Span[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffWordsWithSpace(before, after)) {
    const n = change.value.length;
    if (change.removed) {
      removed.push([i, i + n]);
      i += n;
    } else if (change.added) {
      added.push([j, j + n]);
      j += n;
    } else {
      i += n;
      j += n;
    }
  }
  return [tidy(before, removed), tidy(after, added)];
}

/** Trims whitespace off each change and joins changes only whitespace apart ("looked" "at" → "looked at"). */
function tidy(text: string, spans: Span[]): Span[] {
  const out: [number, number][] = [];
  for (let [start, end] of spans) {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start === end) continue;
    const last = out[out.length - 1];
    if (last && text.slice(last[1], start).trim() === '') last[1] = end;
    else out.push([start, end]);
  }
  return out;
}
