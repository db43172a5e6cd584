/**
 * What the story clusterer sees of an article: a bag of weighted terms.
 *
 * - content lemmas (nouns, verbs, adjectives): the topic ("shoot", "earthquake", "strike");
 * - proper nouns, marked "@", alone and as adjacent pairs ("@ana", "@ana varga"): who and where.
 *   Two look-alike stories (two earthquakes, two shootings in one city) share their vocabulary but
 *   not their people and places, so these terms get extra weight;
 * - numbers, marked "#" ("#7.0", "#33", "#2016"; "four" and "4" both "#4"): magnitudes, ages,
 *   counts, addresses, years — they tell one earthquake or one shooting from the next;
 * - the days the article names, as dates ("#on 2026-03-02" for "Monday", see event-dates.ts):
 *   two shootings in one neighbourhood a week apart share everything but their day.
 * Function words are left out: every story has them.
 */

import { eventDateReader } from './event-dates.js';

export interface TermToken {
  text: string;
  lemma: string;
  pos: string;
}

/**
 * Terms fall in four channels, compared separately (see StoryClusterer): body lemmas, proper
 * nouns ("@"), numbers ("#"), and headline terms ("^", any of the three, from the title).
 */
export type TermKind = 'word' | 'entity' | 'number' | 'title';

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ']);

/**
 * Number words as digits, so that "Four killed, one wounded" and "4 shot, 1 dead" share their
 * counts: reports of one incident write its numbers both ways, depending on house style and on
 * whether the number opens a sentence.
 */
const NUMBER_WORDS: Record<string, string> = Object.fromEntries(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, i) => [w, String(i + 1)]),
);

/** Headline words too common to say anything about a story. */
const FUNCTION_WORDS = new Set(
  'the and for with after before from that this these those are was were has have had his her hers their its into onto over under about says said say will would could should not but you your our out off who whom what when where why how than then them they she him all any can may new more most just been being also amid via per'.split(
    ' ',
  ),
);

export function termKind(term: string): TermKind {
  const c = term.charCodeAt(0);
  if (c === 64 /* @ */) return 'entity';
  if (c === 35 /* # */) return 'number';
  if (c === 94 /* ^ */) return 'title';
  return 'word';
}

function hasLetterOrDigit(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s);
}

/** The term a token contributes, if any (see the kinds above). */
function tokenTerm(token: TermToken): string | undefined {
  const { pos } = token;
  if (pos === 'PROPN') {
    const lemma = token.lemma.toLowerCase();
    return lemma.length >= 2 && hasLetterOrDigit(lemma) ? `@${lemma}` : undefined;
  }
  if (pos === 'NUM') {
    if (/\d/.test(token.text)) return `#${token.text.replace(/,/g, '').toLowerCase()}`;
    const digits = NUMBER_WORDS[token.text.toLowerCase()];
    return digits === undefined ? undefined : `#${digits}`;
  }
  if (CONTENT_POS.has(pos)) {
    const lemma = token.lemma.toLowerCase();
    return lemma.length >= 2 && hasLetterOrDigit(lemma) ? lemma : undefined;
  }
  return undefined;
}

/**
 * Raw counts of the terms of an article, in first-occurrence order (for determinism). Terms
 * among the first `ledeTokens` tokens count twice: news is written top-down, the lede and the
 * paragraphs after it name the event, while the end of a page drifts into background, related
 * stories and page furniture.
 *
 * A date the article names (see event-dates.ts) counts once, twice if the lede names it: it is
 * whether two articles name the same day that tells, not how often (counting every mention of
 * the day lowered F1 on both gva halves).
 *
 * The headline, when there is one, adds its words marked "^": it is the writer's own summary of
 * the story ("Four shot, one dead, in home invasion near Plaza"). Headlines are not tokenised by
 * the segmenter and are often in Title Case, so headline terms are plain lower-cased words: the
 * same for every article, whether or not its body could be read (see titleSupport).
 */
export function countTerms(
  tokens: readonly TermToken[],
  title?: string,
  ledeTokens = 0,
  published?: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, n: number) => counts.set(term, (counts.get(term) ?? 0) + n);
  const dateAt = eventDateReader(published);
  let previousProper: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const n = i < ledeTokens ? 2 : 1;
    const date = dateAt?.(tokens, i);
    if (date) counts.set(date, Math.max(counts.get(date) ?? 0, n));
    const term = tokenTerm(token);
    if (term === undefined) {
      previousProper = undefined;
      continue;
    }
    add(term, n);
    if (token.pos === 'PROPN') {
      const lemma = term.slice(1);
      if (previousProper) add(`@${previousProper} ${lemma}`, n);
      previousProper = lemma;
    } else previousProper = undefined;
  }
  if (title) for (const term of titleTerms(title)) add(term, 1);
  return counts;
}

/** Headline terms: "^" + each lower-cased word that is not a function word, once each. */
export function titleTerms(title: string): string[] {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? [];
  const terms = new Set<string>();
  for (const word of words) {
    const bare = word.replace(/['’]s$/, '');
    if (bare.length >= 2 && !FUNCTION_WORDS.has(bare)) terms.add(`^${NUMBER_WORDS[bare] ?? bare}`);
  }
  return [...terms];
}

/** How many tokens carry content (what "thin" pages lack). */
export function contentTokenCount(tokens: readonly TermToken[]): number {
  let n = 0;
  for (const t of tokens) if (t.pos === 'NOUN' || t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'PROPN') n++;
  return n;
}

function titleWords(title: string): string[] {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w)))];
}

/**
 * Share of the headline's content words that the body mentions (surface form or lemma, so
 * "shootings" in a title is found as "shooting" in the text), or undefined when the title has
 * fewer than three such words to judge by.
 *
 * Why: a page whose body never mentions what its headline announces is not that article: it is a
 * sign-in wall, cookie banner or captcha that the crawler saved in its place ("Bartow gunman shot
 * at a dozen people" over "We have sent you a verification email"). Such bodies are identical
 * across hundreds of unrelated pages, so clustering them by content would glue unrelated stories.
 */
export function titleSupport(title: string | undefined, tokens: readonly TermToken[]): number | undefined {
  if (!title) return undefined;
  const words = titleWords(title);
  if (words.length < 3) return undefined;
  // The body forms each headline word accepts: itself, and its singular when it ends in "s".
  // Looked up token by token, stopping once every word is found: cheaper than a set of the body.
  const wanted = new Map<string, number[]>();
  const want = (form: string, word: number) => {
    const list = wanted.get(form);
    if (list) list.push(word);
    else wanted.set(form, [word]);
  };
  words.forEach((w, i) => {
    want(w, i);
    if (w.endsWith('s')) want(w.slice(0, -1), i);
  });
  const found = new Array<boolean>(words.length).fill(false);
  let left = words.length;
  const see = (form: string) => {
    const list = wanted.get(form);
    if (!list) return;
    for (const i of list) {
      if (found[i]) continue;
      found[i] = true;
      left--;
    }
    wanted.delete(form);
  };
  for (const t of tokens) {
    see(t.lemma);
    see(t.text.toLowerCase());
    if (left === 0) break;
  }
  return (words.length - left) / words.length;
}
