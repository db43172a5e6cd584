import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { contextDay } from './date-reference.js';

/**
 * "after this month's explosion", "before this year's vote": chrono reads "after this month" as
 * one phrase meaning next month. Followed by a possessive, "this month" names the period the event
 * belongs to and "after" is the sentence's preposition, so the date is the current period itself.
 * The span drops the preposition, which was never part of the date.
 */
const PREPOSITION_THIS = /^((?:after|before)\s+)this\s+(month|year)$/i;
const POSSESSIVE = /^['’]s\b/;

export const possessiveRefiner: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    for (const result of results) {
      const match = PREPOSITION_THIS.exec(result.text);
      const following = context.text.slice(result.index + result.text.length, result.index + result.text.length + 3);
      if (!match || !POSSESSIVE.test(following)) continue;
      const today = contextDay(context);
      result.start.assign('year', today.year);
      if (match[2].toLowerCase() === 'month') result.start.assign('month', today.month);
      else result.start.imply('month', today.month);
      result.index += match[1].length;
      result.text = result.text.slice(match[1].length);
      result.addTag('wiretrace/possessive');
    }
    return results;
  },
};
