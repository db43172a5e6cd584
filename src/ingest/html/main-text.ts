import { Readability } from '@mozilla/readability';
import { domToText } from './to-text.js';

/**
 * The article's main text, found by Mozilla Readability (the Firefox Reader View engine) over
 * the jsdom document, then turned into paragraphs by `domToText`. Readability is given the DOM
 * node itself (its `serializer` option) so the article is not re-serialised and re-parsed.
 */
export interface MainText {
  text: string;
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
}

/**
 * Readability's default refuses articles under 500 characters; short news items (a 3-paragraph
 * wire brief is ~400) are still articles, so we accept from 200 and let the caller decide.
 */
const CHAR_THRESHOLD = 200;

export function extractMainText(doc: Document): MainText | undefined {
  const reader = new Readability<Node>(doc, {
    charThreshold: CHAR_THRESHOLD,
    serializer: (node: Node) => node,
  });
  const article = reader.parse();
  if (!article?.content) return undefined;
  return {
    text: domToText(article.content),
    title: article.title ?? undefined,
    byline: article.byline ?? undefined,
    siteName: article.siteName ?? undefined,
    publishedTime: article.publishedTime ?? undefined,
  };
}
