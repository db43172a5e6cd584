import type { Article } from '../core/types.js';
import { extractDates } from './dates.js';
import { extractNumbers } from './numbers/index.js';
import { extractQuotes } from './quotes/index.js';

/**
 * One extraction per article object, shared by the stages that need it: compare and brief both
 * read every article's quotes, and the quote extractor (with its name tagger) is the costliest
 * step after parsing. Keyed weakly, so an article that is dropped takes its results with it.
 * Callers must treat the arrays as read-only.
 */
function perArticle<T>(extract: (article: Article) => T): (article: Article) => T {
  const cache = new WeakMap<Article, T>();
  return (article) => {
    let value = cache.get(article);
    if (value === undefined) {
      value = extract(article);
      cache.set(article, value);
    }
    return value;
  };
}

export const quotesOf = perArticle((article) => extractQuotes(article));
export const numbersOf = perArticle(extractNumbers);
export const datesOf = perArticle(extractDates);
