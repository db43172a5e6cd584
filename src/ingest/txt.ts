import type { RawArticle } from '../core/types.js';
import { toIsoDate } from './dates.js';
import { inputError, type ReadResult } from './types.js';

/**
 * Plain-text articles. Files saved from CMSs, e-mail and copy-paste often open with a small
 * header: a headline, a date line, a byline, sometimes "Key: value" fields. We read what is
 * there and take the header lines (except the byline, which the cleaner keeps as a credit) out
 * of the body:
 *
 *   Harbour fire closes Port Ellis quay          ← title: short, no closing period
 *   March 14, 2026 09:30 GMT                     ← published: the whole line is a date
 *   By Lina Okafor, Northwire                    ← author (+ outlet); stays in the body
 *
 *   PORT ELLIS (Northwire) — Fire crews …        ← body
 *
 * "Title: …", "Date: …"/"Published: …", "Author: …"/"By: …", "Source: …"/"Outlet: …",
 * "URL: …" header fields are read the same way.
 */

/** Header lines live in the first few lines; a date on line 9 is story text. */
const MAX_HEADER_LINES = 6;
/** A headline is under ~25 words; a first paragraph is longer. */
const MAX_TITLE_WORDS = 25;
/** Two-word lines are widget and section labels more often than headlines ("Share this"). */
const MIN_TITLE_WORDS = 3;
/** Page furniture that can sit where a headline would (first line of a pasted page). */
const NOT_A_TITLE =
  /^(?:share|follow|subscribe|sign (?:up|in)|log ?in|advertisement|menu|skip|home\b|image|photo|table of contents|contents|related|read more|by\s)/i;
/** A date line is short: "Published Saturday 14 March 2026, 09.30 GMT" is 45 characters. */
const MAX_DATE_LINE = 80;
const DATE_LABEL = /^(?:published|updated|posted|last updated|first published|date|dated|on)\s*:?\s*/i;
const FIELD = /^(title|headline|date|published|author|by|byline|source|outlet|publisher|url|link)\s*:\s*(.+)$/i;
const BYLINE = /^by\s+(\p{Lu}[^,|]*?)(?:\s*[,|—–]\s*(.+))?$/iu;

interface Header {
  title?: string;
  published?: string;
  author?: string;
  outlet?: string;
  url?: string;
}

export function readText(source: string, text: string): ReadResult {
  if (text.trim() === '') return inputError(source, 'empty file (no text)');
  const header: Header = {};
  const lines = text.split(/\r\n|\r|\n/);
  let bodyStart = 0; // offset just past the last header line taken out
  let offset = 0;
  let seen = 0;
  for (let i = 0; i < lines.length && seen < MAX_HEADER_LINES; i++) {
    const raw = lines[i];
    const lineEnd = offset + raw.length + lineBreakLength(text, offset + raw.length);
    const line = raw.trim();
    if (line === '') {
      offset = lineEnd;
      continue;
    }
    seen++;
    const kind = classifyHeaderLine(line, header, seen === 1, lines.slice(i + 1));
    if (kind === 'body') break;
    if (kind === 'taken') bodyStart = lineEnd;
    if (kind === 'kept') {
      // A byline stays in the body (the cleaner turns it into a credit); lines after it may
      // still be header lines, but the body must start at the byline.
      break;
    }
    offset = lineEnd;
  }
  const body = text.slice(bodyStart).replace(/^(?:[ \t]*\r?\n)+/, '');
  if (body.trim() === '') return inputError(source, 'no article text after the header lines');
  const article: RawArticle = { source, format: 'txt', body: body.normalize('NFC') };
  if (header.title) article.title = header.title;
  if (header.published) article.published = header.published;
  if (header.author) article.author = header.author;
  if (header.outlet) article.outlet = header.outlet;
  if (header.url) article.url = header.url;
  return article;
}

function lineBreakLength(text: string, at: number): number {
  if (text.startsWith('\r\n', at)) return 2;
  return at < text.length ? 1 : 0;
}

/**
 * 'taken': a header line, removed from the body. 'kept': header information that stays in the
 * body (a byline). 'body': the body starts here.
 */
function classifyHeaderLine(line: string, header: Header, first: boolean, rest: string[]): 'taken' | 'kept' | 'body' {
  const field = FIELD.exec(line);
  if (field) {
    const key = field[1].toLowerCase();
    const value = field[2].trim();
    if ((key === 'title' || key === 'headline') && !header.title) header.title = value;
    else if ((key === 'date' || key === 'published') && !header.published) header.published = toIsoDate(value);
    else if (key === 'author' || key === 'by' || key === 'byline') header.author = value;
    else if (key === 'source' || key === 'outlet' || key === 'publisher') header.outlet = value;
    else if (key === 'url' || key === 'link') header.url = value;
    return 'taken';
  }
  if (!header.published && line.length <= MAX_DATE_LINE) {
    const date = wholeLineDate(line);
    if (date) {
      header.published = date;
      return 'taken';
    }
  }
  const byline = BYLINE.exec(line);
  if (byline && line.split(/\s+/).length <= 12) {
    header.author ??= byline[1].trim();
    if (byline[2] && !/\d|writer|reporter|correspondent|editor|staff/i.test(byline[2]))
      header.outlet ??= byline[2].trim();
    return 'kept';
  }
  if (first && !header.title && looksLikeTitle(line) && rest.some((l) => l.trim() !== '')) {
    header.title = line;
    return 'taken';
  }
  return 'body';
}

function looksLikeTitle(line: string): boolean {
  const words = line.split(/\s+/).length;
  return (
    words >= MIN_TITLE_WORDS &&
    words <= MAX_TITLE_WORDS &&
    !/[.;,:]$/.test(line) &&
    !NOT_A_TITLE.test(line) &&
    /\p{L}/u.test(line)
  );
}

/** The line is a date and nothing else (labels like "Published:" and weekday names allowed). */
function wholeLineDate(line: string): string | undefined {
  const stripped = line.replace(DATE_LABEL, '').trim();
  if (!/\d/.test(stripped)) return undefined;
  const iso = toIsoDate(stripped);
  if (!iso) return undefined;
  // Everything left after removing date words must be punctuation or time-zone noise:
  // "Harbour fire on March 14, 2026" is a headline that contains a date, not a date line.
  const leftover = stripped
    .replace(
      /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(?:am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|cest|est|edt|pst|pdt|et|pt|z|at|updated|published)\b|[\d:.,/\-+T()]+/gi,
      ' ',
    )
    .trim();
  return leftover === '' ? iso : undefined;
}
