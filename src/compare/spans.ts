import { toOriginalSpan } from '../core/offsets.js';
import type { Article, Span } from '../core/types.js';

/** A clean-text span as the original-text span and slice that a finding shows. */
export function evidence(article: Article, span: Span): { span: Span; text: string } {
  const original = toOriginalSpan(article, span);
  return { span: original, text: article.original.slice(original[0], original[1]) };
}

/** The whole stretch of a (possibly interrupted) quote: first part's start to last part's end. */
export function quoteExtent(spans: readonly Span[]): Span {
  return [spans[0][0], spans[spans.length - 1][1]];
}
