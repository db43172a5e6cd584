import type { Parser, ParsingContext } from 'chrono-node';

/**
 * A year on its own: "in 2025", "since 2019", "by 2030", "the 2024 election" is NOT one (see below).
 * chrono leaves bare years alone because a four-digit number is as often a count ("2025 people")
 * as a year; in news a year after a temporal preposition is reliably a date, so that is what this
 * parser takes, with year precision. The preposition is part of the match ("in 2025"), as in
 * chrono's own "on 3 March 2025": chrono discards a match made of digits alone.
 *
 * Not taken: decades ("the 1990s": no single year, and rarely the date of a reported event), year
 * ranges ("2024-25": a season, not a date), and years used as adjectives ("the 2024 election":
 * the year names the event, it does not date something reported in the story).
 */
const PATTERN =
  /(?<![\p{L}\p{N}])(?:in|since|by|during|until|till|through|throughout|from|before|after|early|late|mid|and|or|to|between|of|year|summer|winter|spring|autumn|fall)[\s-]+((?:19|20)\d{2})(?![\p{L}\p{N}]|[-–/]\d|['’]?s\b|\s*(?:%|percent|per\s+cent))/iu;

export const yearParser: Parser = {
  pattern: () => PATTERN,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const year = Number(match[1]);
    const components = context.createParsingComponents({ year });
    components.addTag('wiretrace/year');
    return components;
  },
};
