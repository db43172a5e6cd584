import type { Parser, ParsingContext } from 'chrono-node';
import { addDays, contextDay } from './date-reference.js';
import { UNITS } from './numbers/number-words.js';

/**
 * "two nights ago", "three evenings ago", "the night before last": chrono counts days, weeks and
 * months back, but not nights, which is how news dates what happened after dark ("Two nights ago,
 * gunmen opened fire…"). A night n nights ago is dated by the evening it began: the publication
 * day minus n.
 */

const COUNTS: Record<string, number> = {
  ...Object.fromEntries(Object.entries(UNITS).filter(([, n]) => n >= 1 && n <= 10)),
  a: 1,
  an: 1,
  'a couple of': 2,
  couple: 2,
};

const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(\\d{1,2}|a\\s+couple\\s+of|${Object.keys(COUNTS)
    .filter((k) => !k.includes(' '))
    .join(
      '|',
    )})\\s+(?:nights|evenings|mornings|afternoons|night|evening|morning|afternoon)\\s+ago|the\\s+night\\s+before\\s+last)(?![\\p{L}\\p{N}])`,
  'iu',
);

export const nightsAgoParser: Parser = {
  pattern: () => PATTERN,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const count = match[1] ? (COUNTS[match[1].toLowerCase().replace(/\s+/g, ' ')] ?? Number(match[1])) : 2;
    if (!Number.isFinite(count) || count < 1) return null;
    const today = contextDay(context);
    const { year, month, day } = addDays(today.year, today.month, today.day, -count);
    const components = context.createParsingComponents({ year, month, day });
    components.addTag('wiretrace/nights-ago');
    return components;
  },
};
