import * as chrono from 'chrono-node';
import { holidayParser } from './date-holidays.js';
import { nightsAgoParser } from './date-nights-ago.js';
import { noiseRefiner } from './date-noise-refiner.js';
import { possessiveRefiner } from './date-possessive-refiner.js';
import { qualifierRefiner } from './date-qualifier-refiner.js';
import { weekdayRefiner } from './date-weekday-refiner.js';
import { yearRefiner } from './date-year-refiner.js';
import { yearParser } from './date-years.js';

/**
 * chrono's casual English parser extended for news, the chrono way: each addition is one parser or
 * refiner in its own file. Parsers add what chrono does not read (holidays, "two nights ago", bare
 * years); refiners run after chrono's own (which have already merged and de-overlapped results)
 * and fix what news needs differently: the direction of bare weekdays and months, qualifier spans,
 * and the noise a timeline must not show. The possessive refiner runs first, to undo chrono's
 * "after this month" before anything reads its month; the noise refiner next, so that later refiners only
 * see real dates; the direction refiners run before the qualifier refiner widens spans, so that the
 * tense is read around the date words themselves.
 */
export function createNewsDateParser(): chrono.Chrono {
  const parser = chrono.casual.clone();
  parser.parsers.push(holidayParser, nightsAgoParser, yearParser);
  parser.refiners.push(possessiveRefiner, noiseRefiner, weekdayRefiner, yearRefiner, qualifierRefiner);
  return parser;
}
