import type { CleanArticle, OffsetRun, Span } from './types.js';

/**
 * Maps an offset in the clean text to the original body. Offsets inside a run map one-to-one;
 * offsets in a gap (text that cleaning inserted or removed) map to the start of the next run,
 * or to the end of the previous run when there is no next one.
 */
export function toOriginalOffset(offsets: readonly OffsetRun[], clean: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid].clean <= clean) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found === -1) return offsets.length > 0 ? offsets[0].original : clean;
  const run = offsets[found];
  const within = clean - run.clean;
  if (within <= run.length) return run.original + within;
  const next = offsets[found + 1];
  return next ? next.original : run.original + run.length;
}

/** Maps a span of the clean text to the span of the original body that it came from. */
export function toOriginalSpan(article: Pick<CleanArticle, 'offsets'>, span: Span): Span {
  const start = toOriginalOffset(article.offsets, span[0]);
  // The end is exclusive: map the last included character and step past it, so that a span
  // ending at a run boundary does not swallow the gap that follows.
  const end = span[1] > span[0] ? toOriginalOffset(article.offsets, span[1] - 1) + 1 : start;
  return [start, Math.max(start, end)];
}

/** The original text a clean-text span came from. */
export function originalSlice(article: Pick<CleanArticle, 'offsets' | 'original'>, span: Span): string {
  const [start, end] = toOriginalSpan(article, span);
  return article.original.slice(start, end);
}
