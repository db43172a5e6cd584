/**
 * Hedges: the words that qualify a number ("at least 14", "more than 14", "about 3.5m",
 * "nearly 40", "up to 200", "dozens of"). Synonyms map to one hedge so that house-style swaps
 * ("over" for "more than", "around" for "about") are not reported as changes.
 */
import type { Hedge } from '../../core/types.js';

/** Hedge phrases written before a number, longest first so that "more than" wins over "more". */
const BEFORE: [RegExp, Hedge][] = [
  [/\b(?:at least|no fewer than|no less than|a minimum of)\s+$/i, 'at least'],
  [/\b(?:more than|over|upwards of|in excess of|above|exceeding)\s+$/i, 'more than'],
  [/\b(?:at most|no more than|a maximum of)\s+$/i, 'at most'],
  [/\b(?:less than|fewer than|under|below)\s+$/i, 'less than'],
  [/\b(?:about|around|roughly|approximately|some|an estimated|estimated|circa|close to|or so)\s+$/i, 'about'],
  [/\b(?:nearly|almost|just under|just shy of|nearing)\s+$/i, 'nearly'],
  [/\b(?:up to|as many as|as much as)\s+$/i, 'up to'],
];

/** The hedge written just before a number (the text up to the number), and its length. */
export function hedgeBefore(textBefore: string): { hedge: Hedge; length: number } {
  const tail = textBefore.slice(-30);
  for (const [re, hedge] of BEFORE) {
    const m = tail.match(re);
    if (m) return { hedge, length: m[0].length };
  }
  return { hedge: 'exact', length: 0 };
}

/** "14+" / "14-plus" are written hedges too: "more than". */
export function hedgeAfter(textAfter: string): { hedge: Hedge; length: number } | undefined {
  const m = textAfter.match(/^(?:\+|-?plus\b|\s+or more\b)/i);
  return m ? { hedge: 'more than', length: m[0].length } : undefined;
}

/** Vague quantities with no numeral: "dozens of", "hundreds of", "several". Value is the floor of the range. */
export const VAGUE: [RegExp, Hedge, number][] = [
  [/\bdozens of\b/gi, 'dozens', 24],
  [/\bhundreds of\b/gi, 'hundreds', 200],
  [/\bthousands of\b/gi, 'thousands', 2000],
  [/\bseveral\b/gi, 'several', 3],
];

/**
 * The values a hedged number allows, as [low, high]. Two reports conflict only when their
 * ranges do not meet: "at least 14" and "15" agree; "about 1,200" and "roughly 2,000" do not.
 * "about" allows ±15% (rounding in news copy: "about 1,200" for 1,150–1,249 is common).
 */
export function hedgeRange(value: number, hedge: Hedge): [number, number] {
  switch (hedge) {
    case 'exact':
      return [value, value];
    case 'at least':
      return [value, Number.POSITIVE_INFINITY];
    case 'more than':
      return [value + 1e-9, Number.POSITIVE_INFINITY];
    case 'at most':
      return [0, value];
    case 'less than':
      return [0, value - 1e-9];
    case 'about':
      return [value * 0.85, value * 1.15];
    case 'nearly':
      return [value * 0.85, value];
    case 'up to':
      return [0, value];
    case 'dozens':
      return [24, 99];
    case 'hundreds':
      return [200, 999];
    case 'thousands':
      return [2000, 999_999];
    case 'several':
      return [3, 9];
  }
}
