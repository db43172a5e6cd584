import type { RawArticle } from '../../core/types.js';
import { toIsoDate } from '../dates.js';
import { inputError, type ReadResult } from '../types.js';
import { chooseBody } from './choose-body.js';
import { parseHtml } from './dom.js';
import { extractMainText } from './main-text.js';
import { extractMetadata } from './metadata.js';
import { domToText } from './to-text.js';

export interface HtmlReadOptions {
  /** Where the page was fetched from (WARC target URI, feed item link), for relative links. */
  url?: string;
  format?: RawArticle['format'];
  externalId?: string;
}

/**
 * Fewer words than this is not an article: a login wall, a 404 page, a cookie wall, a video
 * page with a one-line caption. A wire brief is ~60 words, so 40 keeps those.
 */
const MIN_ARTICLE_WORDS = 40;

/**
 * Reads one HTML page: metadata first (Readability modifies the document), then the main text,
 * then the choice between Readability's text and JSON-LD articleBody (choose-body.ts).
 */
export function readHtml(source: string, html: string, options: HtmlReadOptions = {}): ReadResult {
  let doc: Document;
  try {
    doc = parseHtml(html, options.url);
  } catch (error) {
    return inputError(source, `HTML could not be parsed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const meta = extractMetadata(doc, options.url);
  let main: ReturnType<typeof extractMainText>;
  try {
    main = extractMainText(doc);
  } catch {
    // Readability trips over some pages (jsdom's CSS parser throws on malformed inline styles);
    // JSON-LD articleBody, when the page has one, still gives the story.
    main = undefined;
  }
  const articleBody = meta.jsonLd?.articleBody ? jsonLdBodyText(meta.jsonLd.articleBody) : undefined;
  const body = chooseBody(main?.text, articleBody);
  const words = body?.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (!body || words < MIN_ARTICLE_WORDS) {
    return inputError(source, `HTML page with no article text (${words} words of main text found)`);
  }
  const article: RawArticle = {
    source,
    format: options.format ?? 'html',
    body: body.text.normalize('NFC'),
  };
  if (options.externalId) article.externalId = options.externalId;
  const url = meta.url ?? options.url;
  if (url) article.url = url;
  const title = meta.title ?? main?.title;
  if (title) article.title = title;
  const published = meta.published ?? toIsoDate(main?.publishedTime);
  if (published) article.published = published;
  const outlet = meta.outlet ?? main?.siteName;
  if (outlet) article.outlet = outlet;
  const author = meta.author ?? main?.byline?.replace(/^by\s+/i, '').trim();
  if (author) article.author = author;
  return article;
}

/**
 * articleBody is meant to be plain text but often carries HTML tags or entities
 * ("&lt;p&gt;…", "&amp;"); those are parsed as a fragment so entities decode and tags become
 * paragraph breaks.
 */
function jsonLdBodyText(value: string): string {
  if (!/[<&]/.test(value)) return value;
  const doc = parseHtml(`<!doctype html><body>${value}</body>`);
  return domToText(doc.body);
}
