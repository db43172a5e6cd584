/** What compare needs from each article, extracted once per article and shared by every check. */
import type { Article, DateMention, NumberMention, QuoteMention } from '../core/types.js';
import { datesOf, numbersOf, quotesOf } from '../extract/per-article.js';

export interface Extracted {
  article: Article;
  quotes: QuoteMention[];
  numbers: NumberMention[];
  dates: DateMention[];
}

function within(span: readonly [number, number], quotes: readonly QuoteMention[]): boolean {
  return quotes.some((q) => q.spans.some((s) => span[0] >= s[0] && span[1] <= s[1]));
}

export function extractAll(article: Article): Extracted {
  const quotes = quotesOf(article);
  // Numbers and dates inside quotes are the speaker's words: a change there is a quote change,
  // reported once as such, not again as a number change.
  const numbers = numbersOf(article).filter((n) => !within(n.span, quotes));
  let dates: DateMention[] = [];
  try {
    dates = datesOf(article).filter((d) => !within(d.span, quotes));
  } catch {
    // A date parser failure must not cost the quote and number findings of the article.
    dates = [];
  }
  return { article, quotes, numbers, dates };
}
