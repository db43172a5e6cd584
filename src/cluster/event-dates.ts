/**
 * The day an article says its event happened, as a term: "#on 2026-03-02".
 *
 * Local news dates its events relative to the day it is published: "was shot Monday night",
 * "died yesterday", "on March 2". Two reports of one shooting, published a day apart, both say
 * "Monday"; two shootings in one neighbourhood a week apart are told in the same words, names
 * and numbers, but on different days. Resolved against the publication date, the weekday becomes
 * a date, and a shared date is a rare term that two reports of one event have in common (a
 * different one adds nothing: later reports also name the day of an arrest or a funeral).
 */
import type { TermToken } from './features.js';

const DAY_MS = 86_400_000;

/** What a date word says: a weekday (0 = Sunday), days before publication, or a month (0 = January). */
type DateWord = { weekday: number } | { back: number } | { month: number };

/** Looked up once per token, so one map of every word that can start a date. */
const DATE_WORDS = new Map<string, DateWord>();
for (const [weekday, name] of 'sunday monday tuesday wednesday thursday friday saturday'.split(' ').entries())
  DATE_WORDS.set(name, { weekday });
// Words that name the publication day or the one before it.
for (const [name, back] of [
  ['today', 0],
  ['tonight', 0],
  ['yesterday', 1],
] as const)
  DATE_WORDS.set(name, { back });
[
  'january jan',
  'february feb',
  'march mar',
  'april apr',
  'may',
  'june jun',
  'july jul',
  'august aug',
  'september sept sep',
  'october oct',
  'november nov',
  'december dec',
].forEach((names, month) => {
  for (const name of names.split(' ')) {
    DATE_WORDS.set(name, { month });
    if (name.length <= 4) DATE_WORDS.set(`${name}.`, { month });
  }
});

/** How every event-date term begins. */
export const EVENT_DATE_PREFIX = '#on ';

function dayTerm(ms: number): string {
  return `${EVENT_DATE_PREFIX}${new Date(ms).toISOString().slice(0, 10)}`;
}

/** The day of the month a token gives ("14", "14th"), or undefined. */
function dayOfMonth(text: string): number | undefined {
  const m = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(text);
  if (!m) return undefined;
  const day = Number(m[1]);
  return day >= 1 && day <= 31 ? day : undefined;
}

/**
 * A reader of the dates an article's tokens name, resolved against `published` (ISO date or
 * date-time): `dateAt(tokens, i)` is the term of the date that starts at token i, if one does.
 * A weekday is the latest such day on or before publication, "yesterday" the day before, a month
 * and day ("March 2", "2 March", "Mar. 2") that day in the year written beside it or else in the
 * year that puts it at most a week after publication. Undefined when the publication date is
 * unknown: nothing can be resolved.
 */
export function eventDateReader(
  published: string | undefined,
): ((tokens: readonly TermToken[], i: number) => string | undefined) | undefined {
  if (!published) return undefined;
  const time = Date.parse(published);
  if (!Number.isFinite(time)) return undefined;
  const date = new Date(time);
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = date.getUTCDay();
  return (tokens, i) => {
    // The lemma is lower-cased already: cheaper than lower-casing every token's text.
    const word = DATE_WORDS.get(tokens[i].lemma);
    if (word === undefined) return undefined;
    if ('weekday' in word) return dayTerm(day - ((weekday - word.weekday + 7) % 7) * DAY_MS);
    if ('back' in word) return dayTerm(day - word.back * DAY_MS);
    const { month } = word;
    // "March 2" (the month may be abbreviated, with or without its full stop) or "2 March".
    // "May" alone is the verb as often as the month: it needs a day beside it like the others.
    let next = i + 1;
    if (tokens[next]?.text === '.') next++;
    const after = next < tokens.length ? dayOfMonth(tokens[next].text) : undefined;
    const dom = after ?? (i > 0 ? dayOfMonth(tokens[i - 1].text) : undefined);
    if (dom === undefined) return undefined;
    // "March 2, 2025": the year written out wins.
    let yearAt = after === undefined ? i + 1 : next + 1;
    if (tokens[yearAt]?.text === ',') yearAt++;
    const written = yearAt < tokens.length && /^(19|20)\d\d$/.test(tokens[yearAt].text);
    if (written) return dayTerm(Date.UTC(Number(tokens[yearAt].text), month, dom));
    const ms = Date.UTC(date.getUTCFullYear(), month, dom);
    // More than a week after publication, it is last year's ("on Dec. 28", in January).
    return dayTerm(ms - day > 7 * DAY_MS ? Date.UTC(date.getUTCFullYear() - 1, month, dom) : ms);
  };
}
