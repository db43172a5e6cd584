import type { Article } from '../core/types.js';

/** Index of the sentence holding offset `at` of the clean text (the last one starting at or before it). */
export function sentenceAt(article: Pick<Article, 'sentences'>, at: number): number {
  const sentences = article.sentences;
  let lo = 0;
  let hi = sentences.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].span[0] <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return sentences[found]?.index ?? 0;
}
