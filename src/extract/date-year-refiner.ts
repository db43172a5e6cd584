import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { compareDays, contextDay } from './date-reference.js';
import { tenseAt } from './date-tense.js';

/**
 * The year of a month or date written without one: "in September", "on March 3". chrono puts a
 * bare month in the publication year and a month-day in the closest year, which in a March story
 * sends "the plan was approved in September" six months into the future.
 *
 * A past clause takes the most recent such month (or day) up to the publication day; a future
 * clause the next one from it. Same month counts as "this one": "in March", published in March.
 */
export const yearRefiner: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const today = contextDay(context);
    for (const result of results) {
      const start = result.start;
      if (!start.isCertain('month') || start.isCertain('year')) continue;
      const month = start.get('month') ?? today.month;
      // Month-only mentions compare at month level, so that "in March" is March of this year.
      const day = start.isCertain('day') ? (start.get('day') ?? undefined) : undefined;
      const direction = tenseAt(context.text, result.index, result.index + result.text.length);
      let year = today.year;
      const cmp = compareDays(
        { year, month, day },
        { year: today.year, month: today.month, day: day === undefined ? undefined : today.day },
      );
      if (direction === 'past' && cmp > 0) year--;
      if (direction === 'future' && cmp < 0) year++;
      start.imply('year', year);
      result.addTag(`wiretrace/year-${direction}`);
    }
    return results;
  },
};
