/**
 * Numbers as news writes them, normalised to a value: digits with separators ("1,200"), decimals
 * with scale words or letters ("3.5 million", "3.5m", "$86.4bn"), number words ("five",
 * "twenty-one", "two hundred"), and counting nouns ("a dozen", "a pair of").
 */

/** Number words below a hundred and their values (other extractors count with them too). */
export const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
  m: 1_000_000,
  mn: 1_000_000,
  bn: 1_000_000_000,
  b: 1_000_000_000,
  k: 1_000,
  tn: 1_000_000_000_000,
};

/** Counting nouns that are numbers: "a dozen eggs", "a pair of boats". */
const COUNTING: Record<string, number> = { dozen: 12, pair: 2, couple: 2, score: 20, half: 0.5 };

export const NUMBER_WORD = Object.keys(UNITS).join('|');
export const SCALE_WORD = 'hundred|thousand|million|billion|trillion';

/** Value of a number word phrase ("twenty-one", "two hundred", "a dozen"), or undefined. */
export function wordsValue(phrase: string): number | undefined {
  const words = phrase
    .toLowerCase()
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'and');
  if (words.length === 0) return undefined;
  if (words[0] === 'a' || words[0] === 'an') {
    if (words.length === 2 && COUNTING[words[1]] !== undefined) return COUNTING[words[1]];
    if (words.length >= 2 && SCALES[words[1]] !== undefined) words[0] = 'one';
    else return undefined;
  }
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (UNITS[w] !== undefined) {
      current += UNITS[w];
      seen = true;
    } else if (w === 'dozen') {
      current = (current || 1) * 12;
      seen = true;
    } else if (SCALES[w] !== undefined && w.length > 2) {
      const scale = SCALES[w];
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      seen = true;
    } else return undefined;
  }
  return seen ? total + current : undefined;
}

/** Value of a digit numeral with an optional scale ("1,200", "3.5 million", "3.5m", "86.4bn"). */
export function numeralValue(numeral: string, scale?: string): number | undefined {
  const cleaned = numeral.replace(/,(?=\d{3}\b)/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(cleaned)) return undefined;
  const base = Number.parseFloat(cleaned);
  const factor = scale ? SCALES[scale.toLowerCase()] : 1;
  if (factor === undefined) return undefined;
  // Round away binary fractions: 3.5 × 1e6 must be exactly 3500000.
  return Math.round(base * factor * 1e6) / 1e6;
}
