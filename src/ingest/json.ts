import type { RawArticle } from '../core/types.js';
import { toIsoDate } from './dates.js';
import { readHtml } from './html/index.js';
import { inputError, type ReadResult } from './types.js';

/**
 * JSON and JSONL article records. Documented fields (README "Input formats"):
 *
 *   id          the record's own identifier → externalId, and `source` = "<path>#<id>"
 *   url         where it was published
 *   title
 *   text | html the body: plain text (paragraphs split by blank lines), or an HTML page or
 *               fragment that goes through the HTML reader
 *   published   ISO 8601 or any common date format
 *   outlet      the publishing outlet
 *   author      (optional)
 *
 * Common synonyms are accepted (body/content for text, date/publishedAt/datePublished for
 * published, source/site/publisher for outlet, headline for title, link for url) because
 * scraper exports name them differently.
 */
type Json = Record<string, unknown>;

function str(record: Json, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number' && (key === 'id' || key === '_id')) return String(value);
    // {"outlet": {"name": "Northwire"}} from some exporters
    if (value && typeof value === 'object' && typeof (value as Json).name === 'string')
      return (value as Json).name as string;
  }
  return undefined;
}

/** True when the value has the shape of an article record (it carries a body). */
export function isArticleRecord(value: unknown): value is Json {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    str(value as Json, 'text', 'body', 'content', 'html', 'articleBody') !== undefined
  );
}

/**
 * One record → RawArticle. `batchPath` is the file it came from; `index` its 1-based position,
 * used in `source` when the record has no id.
 */
export function readJsonRecord(value: unknown, batchPath: string, index: number): ReadResult {
  const fallbackSource = `${batchPath}#${index}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return inputError(fallbackSource, `record is ${Array.isArray(value) ? 'an array' : typeof value}, not an object`);
  }
  const record = value as Json;
  const id = str(record, 'id', '_id', 'guid');
  const source = id ? `${batchPath}#${id}` : fallbackSource;
  const text = str(record, 'text', 'body', 'content', 'articleBody');
  const html = str(record, 'html', 'raw_html');
  const url = str(record, 'url', 'link', 'uri');
  let article: RawArticle;
  if (text !== undefined) {
    article = { source, format: 'json', body: text.normalize('NFC') };
  } else if (html !== undefined) {
    const read = readHtml(source, html, { url, format: 'json', externalId: id });
    if (!('body' in read)) return read;
    article = read;
  } else {
    return inputError(source, 'record has neither "text" nor "html"');
  }
  if (id) article.externalId = id;
  if (url) article.url = url;
  const title = str(record, 'title', 'headline');
  if (title) article.title = title;
  const rawDate = str(record, 'published', 'date', 'publishedAt', 'published_at', 'datePublished', 'pubDate', 'dct');
  const published = toIsoDate(rawDate);
  if (published) article.published = published;
  const outlet = str(record, 'outlet', 'source', 'site', 'publisher', 'site_name', 'newspaper');
  if (outlet) article.outlet = outlet;
  const author = str(record, 'author', 'byline', 'authors');
  if (author) article.author = author;
  return article;
}

/**
 * A whole .json file: one record, an array of records, or {"articles": [...]}. Returns
 * `undefined` for JSON that holds no article records at all (a manifest or config file), so a
 * directory walk can pass over it; the caller decides whether that is an error.
 */
export function readJsonDocument(text: string, path: string): ReadResult[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return [inputError(path, `malformed JSON: ${error instanceof Error ? error.message : String(error)}`)];
  }
  const records = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && Array.isArray((value as Json).articles)
      ? ((value as Json).articles as unknown[])
      : [value];
  if (!records.some(isArticleRecord)) return undefined;
  if (records.length === 1 && !Array.isArray(value)) {
    // A one-article .json file: its source is the file itself.
    const result = readJsonRecord(records[0], path, 1);
    if ('body' in result) {
      result.source = path;
      return [result];
    }
    return [{ source: path, reason: result.reason }];
  }
  return records.map((record, i) => readJsonRecord(record, path, i + 1));
}
