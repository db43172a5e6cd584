import type { CreditKind } from '../../core/types.js';

/**
 * Cleaning rules work paragraph by paragraph, like chrono-node's parsers: each rule is a small
 * object in its own file that looks at one paragraph (with its neighbours for context) and says
 * what to take out. Adding a kind of boilerplate is adding a file to `rules/index.ts`.
 */

/** What a rule sees: the paragraph as written in the original, and where it stands. */
export interface BlockContext {
  /** The paragraph's original text (inner line breaks of hard-wrapped text included). */
  text: string;
  /** 0-based position among the body's paragraphs. */
  index: number;
  /** All paragraphs of the body, as written, for rules that need neighbours. */
  paragraphs: readonly string[];
}

/** A credit found by a rule, with its span relative to the paragraph start. */
export interface FoundCredit {
  kind: CreditKind;
  name: string;
  start: number;
  end: number;
}

/**
 * A rule's decision. `remove` lists ranges of the paragraph (relative offsets) that are not
 * story text; `credits` lists credit lines lifted out as metadata (their ranges should also be
 * in `remove`). A rule returns undefined when the paragraph is none of its business.
 */
export interface BlockVerdict {
  remove: Array<[start: number, end: number]>;
  credits?: FoundCredit[];
}

export interface BlockRule {
  /** What the rule removes, for debugging and for `wiretrace show --explain`-style tooling. */
  name: string;
  apply(block: BlockContext): BlockVerdict | undefined;
}

/** The verdict that removes the whole paragraph. */
export function dropAll(block: BlockContext): BlockVerdict {
  return { remove: [[0, block.text.length]] };
}

const FOLDABLE = /[\s\u200b-\u200d\u2060\ufeff]+/g;
/** Anything `flat` would change: a foldable character other than a lone inner space, or an outer space. */
const NOT_FLAT =
  /[\s\u200b-\u200d\u2060\ufeff]{2}|[\t-\r\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]|^ | $/;

/**
 * Every rule flattens the paragraph it looks at, and several look at neighbours too, so the same
 * paragraph is flattened dozens of times per article: results are remembered for the paragraphs
 * of the article at hand (the cache is emptied when it grows past one long article's worth).
 */
const flatCache = new Map<string, string>();
const FLAT_CACHE_LIMIT = 512;
const wordCache = new Map<string, number>();

/** Whitespace-folded, trimmed paragraph text for pattern tests (offsets not needed). */
export function flat(text: string): string {
  const cached = flatCache.get(text);
  if (cached !== undefined) return cached;
  const result = NOT_FLAT.test(text) ? text.replace(FOLDABLE, ' ').trim() : text;
  if (flatCache.size >= FLAT_CACHE_LIMIT) flatCache.clear();
  flatCache.set(text, result);
  return result;
}

/** Number of words, counting any run of non-space characters. */
export function wordCount(text: string): number {
  const t = flat(text);
  const cached = wordCache.get(t);
  if (cached !== undefined) return cached;
  let words = t ? 1 : 0;
  for (let i = t.indexOf(' '); i >= 0; i = t.indexOf(' ', i + 1)) words++;
  if (wordCache.size >= FLAT_CACHE_LIMIT) wordCache.clear();
  wordCache.set(t, words);
  return words;
}

const SENTENCE_TERMINALS = '.!?…';
const SENTENCE_CLOSERS = `"”’')]`;

/** A paragraph ends like a sentence when its last visible character closes one. */
export function endsLikeSentence(text: string): boolean {
  // Read from the end rather than with an end-anchored pattern, which V8 tries at every position.
  const t = flat(text);
  let k = t.length;
  while (k > 0 && SENTENCE_CLOSERS.includes(t[k - 1])) k--;
  return k > 0 && SENTENCE_TERMINALS.includes(t[k - 1]);
}
