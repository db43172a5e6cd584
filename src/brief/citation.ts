import { toOriginalSpan } from '../core/offsets.js';
import type { Article, Span } from '../core/types.js';
import type { Citation } from './types.js';

/**
 * A citation for a span of `article.text` (the clean text every stage works in), turned into the
 * span of the original body that readers see: the brief is output, and output spans point into
 * the original (see core/offsets).
 */
export function cite(article: Article, sentence: number, cleanSpan: Span): Citation {
  const span = toOriginalSpan(article, cleanSpan);
  return { article: article.id, sentence, span, text: article.original.slice(span[0], span[1]) };
}

/** A citation of a whole sentence. */
export function citeSentence(article: Article, sentence: number): Citation {
  return cite(article, sentence, article.sentences[sentence].span);
}
