import * as chrono from 'chrono-node';

/**
 * Publication dates arrive as ISO 8601 ("2026-03-14T09:30:00Z", from meta tags and JSON-LD),
 * RFC 2822 ("Sat, 14 Mar 2026 09:30:00 GMT", from RSS), or free text ("March 14, 2026 9:30 am
 * EST", "14/03/2026", from text files and bylines). We store ISO 8601: a date-time in UTC when
 * the source gave a time, a bare "YYYY-MM-DD" when it gave only a day.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const RFC_2822 = /^(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2,4}\s+\d{1,2}:\d{2}/;

/** Years outside this window are typos or placeholder dates ("0001-01-01", "2099-12-31"). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function plausible(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** ISO 8601 for a date the source wrote, or undefined when it is not a date. */
export function toIsoDate(value: string | undefined | null): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (ISO_DAY.test(text)) return plausible(new Date(`${text}T00:00:00Z`)) ? text : undefined;
  if (ISO_DATETIME.test(text) || RFC_2822.test(text)) {
    // "2026-03-14 09:30:00" (space instead of T) is common in CMS meta tags.
    const parsed = new Date(ISO_DATETIME.test(text) ? text.replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T') : text);
    if (plausible(parsed)) return parsed.toISOString();
  }
  return parseFreeDate(text);
}

/**
 * A date written in prose ("Published March 14, 2026 at 9:30 a.m. ET"). Only the first date
 * chrono finds counts; relative expressions ("yesterday") are refused because without a
 * reference date they mean nothing.
 */
export function parseFreeDate(text: string): string | undefined {
  const [result] = chrono.parse(text, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  // A date without a digit is relative ("yesterday", "last Tuesday"): chrono resolves it against
  // the reference date and calls it certain, but it means nothing without a real reference.
  if (!result || !/\d/.test(result.text)) return undefined;
  const start = result.start;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return undefined;
  const date = start.date();
  if (!plausible(date)) return undefined;
  if (!start.isCertain('hour')) {
    const y = start.get('year') ?? date.getUTCFullYear();
    const m = String(start.get('month')).padStart(2, '0');
    const d = String(start.get('day')).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  return date.toISOString();
}
