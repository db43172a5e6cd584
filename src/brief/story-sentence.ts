import type { Sentence } from '../core/types.js';

/**
 * Whether a "sentence" is story text rather than a heading or a label that the cleaner left in
 * ("Overview", "US news", "Staff and agencies", "What We Know So Far"). Contributions and the
 * summary list story sentences only: a content farm's section headings are not something it
 * "added" to the story.
 *
 * A heading has no closing punctuation and is short (under SHORT_WITHOUT_STOP words), or is
 * written in title case (most words capitalised, under TITLE_CASE_MAX words: "What Caused the
 * Blast?"). A real sentence of a few words ("He declined to comment.") ends with a stop.
 */
const SHORT_WITHOUT_STOP = 12;
const TITLE_CASE_MAX = 10;
const TITLE_CASE_SHARE = 0.6;
const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'with',
  'from',
  'as',
]);

export function isStorySentence(sentence: Sentence): boolean {
  const words = sentence.tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  const text = sentence.text.trim();
  const stops = /[.!?]["'”’)\]]*$/u.test(text);
  if (!stops && words.length < SHORT_WITHOUT_STOP) return false;
  const content = words.filter((t) => !SMALL_WORDS.has(t.text.toLowerCase()));
  const capitalised = content.filter((t) => /^\p{Lu}/u.test(t.text)).length;
  if (words.length < TITLE_CASE_MAX && content.length >= 2 && capitalised / content.length >= TITLE_CASE_SHARE)
    return false;
  return words.length > 0;
}
