import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * Drops what chrono reads as a date but a timeline must not: a date mention here must name the day,
 * month or year of something, relative to the publication date.
 *
 * - Times of day alone ("at 3 p.m."): not an event date (the day they belong to is stated elsewhere).
 * - Durations and narrative-relative phrases: "for three days", "within 24 hours", "three days
 *   later", "11 hours before", "the next day", "in the past 24 hours" count from some event in the
 *   story, not from the publication date, so resolving them against it would invent a date.
 *   ("later this year" is not caught: chrono matches "this year", and the qualifier refiner adds
 *   "later" only after this filter has run.)
 * - Week-sized periods ("last week", "two weeks ago"): a week has no precision among day, month
 *   and year, and stating one of its days would claim a precision the article does not have.
 * - "now": the publication moment, not an event.
 * - Month names that are words: "march", "may" in lower case are a verb and a modal; a capitalised
 *   month alone must follow a temporal word ("in May", "since March", "early May") so that "May
 *   Johnson said" or a sentence opening "March organisers…" is not a date. With a day or year
 *   ("May 5", "March 2025") the month is unambiguous.
 * - Weekday abbreviations alone ("Sun", "Wed"): far more often a newspaper title or a name.
 */

const TIME_ONLY_CASUAL_DAY = /^(?:this\s+(?:morning|afternoon|evening)|tonight|last\s+night)$/i;
const NARRATIVE_RELATIVE =
  /^(?:for|within|over|during|past|the\s+past)\b|\blater\b|\b(?:next|following|previous|prior)\s+(?:day|morning|night|evening)\b|\bearlier\s+(?:that|the)\b|\s(?:before|after|earlier|since)$/i;
const WEEK = /\bweek(?:s|end)?\b|\bweekday\b|\bfortnight\b/i;
const NOW = /^(?:now|right\s+now|currently|at\s+present|at\s+the\s+moment)$/i;
const MONTH_WORD =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
const TEMPORAL_LEAD =
  /(?:^|[^\p{L}])(?:in|on|for|since|by|until|till|through|throughout|from|before|after|during|early|late|mid|earlier|later|last|this|next|of|and|or|to|between|as\s+of)[\s-]+$/iu;
const FULL_WEEKDAY =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\./i;

function hasDate(result: ParsingResult): boolean {
  const s = result.start;
  return s.isCertain('day') || s.isCertain('weekday') || s.isCertain('month') || s.isCertain('year');
}

function isNoise(context: ParsingContext, result: ParsingResult): boolean {
  const text = result.text.trim();
  if (!hasDate(result) && !TIME_ONLY_CASUAL_DAY.test(text)) return true;
  if (NARRATIVE_RELATIVE.test(text) || WEEK.test(text) || NOW.test(text)) return true;
  const s = result.start;
  if (s.isCertain('weekday') && !s.isCertain('day') && !s.isCertain('month') && !FULL_WEEKDAY.test(text)) return true;
  const bareMonth = MONTH_WORD.test(text.replace(/^(?:in|on)\s+/i, ''));
  if (bareMonth) {
    const word = text.replace(/^(?:in|on)\s+/i, '');
    if (!/^\p{Lu}/u.test(word)) return true;
    const lead = context.text.slice(Math.max(0, result.index - 20), result.index + (text.length - word.length));
    if (!TEMPORAL_LEAD.test(lead)) return true;
  }
  return false;
}

export const noiseRefiner: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((result) => !isNoise(context, result));
  },
};
