import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { addDays, contextDay } from './date-reference.js';
import { tenseAt } from './date-tense.js';

/**
 * Bare weekdays in news: "the fire broke out Monday" is the Monday just gone, "the inquiry will open
 * Monday" the coming one. chrono resolves a bare weekday to the closest such day in either
 * direction, so a Friday mentioned in a Tuesday story lands on the coming Friday even when it is
 * the day the event happened.
 *
 * The publication day itself counts as "just gone": wire copy dates same-day events by weekday
 * ("Police said Tuesday", in a story published Tuesday), so in the past the range is 0–6 days back,
 * and in the future 0–6 days ahead. "last/next/this/past Monday" are left to chrono.
 */
const MODIFIED = /\b(?:last|next|this|past|coming)\b/i;

export const weekdayRefiner: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const today = contextDay(context);
    for (const result of results) {
      const start = result.start;
      if (!start.isCertain('weekday') || start.isCertain('day') || start.isCertain('month')) continue;
      if (MODIFIED.test(result.text)) continue;
      const weekday = start.get('weekday');
      if (weekday === null) continue;
      const direction = tenseAt(context.text, result.index, result.index + result.text.length);
      const delta = direction === 'past' ? -((today.weekday - weekday + 7) % 7) : (weekday - today.weekday + 7) % 7;
      const { year, month, day } = addDays(today.year, today.month, today.day, delta);
      start.imply('year', year).imply('month', month).imply('day', day);
      result.addTag(`wiretrace/weekday-${direction}`);
    }
    return results;
  },
};
