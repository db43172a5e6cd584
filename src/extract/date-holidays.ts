import type { Parser, ParsingContext } from 'chrono-node';
import { compareDays, contextDay } from './date-reference.js';
import { tenseAt } from './date-tense.js';

/**
 * Named days that chrono does not know: "New Year's Eve", "Christmas Day", "Independence Day",
 * "Thanksgiving", "Good Friday". News dates events by them ("the blaze started on New Year's Eve"),
 * so a timeline without them loses exactly the days that matter.
 *
 * Fixed-date holidays are a month and day; moveable ones are computed for a given year (Easter by
 * the Gregorian computus; US federal Monday holidays by "n-th weekday of the month"). Where a name
 * differs by country, the United States date is used ("Independence Day" = 4 July, "Labor Day" =
 * first Monday in September), because that is the English-language default in news; a different
 * country's day needs the country in the text, which this parser does not attempt.
 *
 * Without a year the holiday is the one on or before the publication day when the clause is past
 * ("crowds gathered on New Year's Eve", published 2 January → 31 December of the year before), and
 * the one on or after it when the clause is future; "last"/"next"/"this" override the tense.
 */

type DayOfYear = (year: number) => { month: number; day: number };

const fixed =
  (month: number, day: number): DayOfYear =>
  () => ({ month, day });

/** The n-th given weekday (0 = Sunday) of a month; n = -1 is the last one. */
const nthWeekday =
  (n: number, weekday: number, month: number): DayOfYear =>
  (year) => {
    if (n > 0) {
      const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
      return { month, day: 1 + ((weekday - first + 7) % 7) + (n - 1) * 7 };
    }
    const lastDay = new Date(Date.UTC(year, month, 0));
    const back = (lastDay.getUTCDay() - weekday + 7) % 7;
    return { month, day: lastDay.getUTCDate() - back };
  };

/** Easter Sunday (Anonymous Gregorian algorithm), shifted by `offset` days. */
const easter =
  (offset: number): DayOfYear =>
  (year) => {
    const a = year % 19;
    const b = Math.floor(year / 100);
    const c = year % 100;
    const d = Math.floor(b / 4);
    const e = b % 4;
    const f = Math.floor((b + 8) / 25);
    const g = Math.floor((b - f + 1) / 3);
    const h = (19 * a + b - d - g + 15) % 30;
    const i = Math.floor(c / 4);
    const k = c % 4;
    const l = (32 + 2 * e + 2 * i - h - k) % 7;
    const m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31);
    const day = ((h + l - 7 * m + 114) % 31) + 1;
    const shifted = new Date(Date.UTC(year, month - 1, day + offset));
    return { month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
  };

const thanksgiving = nthWeekday(4, 4, 11);

/** Apostrophes may be straight, curly or missing: "New Year's", "New Year’s", "New Years". */
const S = "(?:['’]?s)?";

/** Name pattern → the day it falls on. Longer names first, so "Christmas Eve" wins over "Christmas". */
const HOLIDAYS: [pattern: string, dayOf: DayOfYear][] = [
  [`New\\s+Year${S}\\s+Eve`, fixed(12, 31)],
  [`New\\s+Year${S}(?:\\s+Day)?`, fixed(1, 1)],
  ['Christmas\\s+Eve', fixed(12, 24)],
  ['Christmas(?:\\s+Day)?', fixed(12, 25)],
  ['Boxing\\s+Day', fixed(12, 26)],
  [`(?:St\\.?|Saint)\\s+Valentine${S}\\s+Day|Valentine${S}\\s+Day`, fixed(2, 14)],
  [`(?:St\\.?|Saint)\\s+Patrick${S}\\s+Day`, fixed(3, 17)],
  ['Halloween', fixed(10, 31)],
  ['Independence\\s+Day|the\\s+Fourth\\s+of\\s+July|July\\s+Fourth', fixed(7, 4)],
  ['Juneteenth', fixed(6, 19)],
  ['Veterans\\s+Day|Armistice\\s+Day|Remembrance\\s+Day', fixed(11, 11)],
  ['Bastille\\s+Day', fixed(7, 14)],
  ['Canada\\s+Day', fixed(7, 1)],
  ['Australia\\s+Day', fixed(1, 26)],
  ['Guy\\s+Fawkes\\s+Night|Bonfire\\s+Night', fixed(11, 5)],
  ['Thanksgiving(?:\\s+Day)?', thanksgiving],
  [
    'Black\\s+Friday',
    (y) => {
      const t = thanksgiving(y);
      return { month: t.month, day: t.day + 1 };
    },
  ],
  ['Memorial\\s+Day', nthWeekday(-1, 1, 5)],
  ['Labou?r\\s+Day', nthWeekday(1, 1, 9)],
  [`Martin\\s+Luther\\s+King(?:\\s+Jr\\.?)?${S}?\\s+Day|MLK\\s+Day`, nthWeekday(3, 1, 1)],
  [`Presidents?${S}\\s+Day`, nthWeekday(3, 1, 2)],
  ['Good\\s+Friday', easter(-2)],
  ['Easter\\s+Monday', easter(1)],
  ['Easter(?:\\s+Sunday)?', easter(0)],
];

const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(last|next|this)\\s+)?(${HOLIDAYS.map(([p]) => `(${p})`).join('|')})(?:,?\\s+((?:19|20)\\d{2}))?(?![\\p{L}\\p{N}])`,
  'iu',
);

/** The capture group index of each holiday inside PATTERN (group 1 is the modifier, 2 the name). */
const FIRST_HOLIDAY_GROUP = 3;

export const holidayParser: Parser = {
  pattern: () => PATTERN,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const name = match[2];
    // Capitalised names only: "christmas" in running text is an adjective ("christmas lights")
    // as often as a date, and news style capitalises the day.
    if (!/^\p{Lu}/u.test(name) && !/^the\s/i.test(name)) return null;
    const which = HOLIDAYS.findIndex((_, i) => match[FIRST_HOLIDAY_GROUP + i] !== undefined);
    if (which < 0) return null;
    const dayOf = HOLIDAYS[which][1];
    const modifier = match[1]?.toLowerCase();
    const explicitYear = match[FIRST_HOLIDAY_GROUP + HOLIDAYS.length];
    let year: number;
    if (explicitYear) {
      year = Number(explicitYear);
    } else {
      const today = contextDay(context);
      const index = match.index ?? 0;
      const direction =
        modifier === 'last'
          ? 'past'
          : modifier === 'next'
            ? 'future'
            : tenseAt(context.text, index, index + match[0].length);
      year = today.year;
      const cmp = compareDays({ year, ...dayOf(year) }, today);
      if (direction === 'past' && cmp > 0) year--;
      if (direction === 'future' && (cmp < 0 || (modifier === 'next' && cmp === 0))) year++;
    }
    const { month, day } = dayOf(year);
    const components = context.createParsingComponents({ year, month, day });
    components.addTag('wiretrace/holiday');
    return components;
  },
};
