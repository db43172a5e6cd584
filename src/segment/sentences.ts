import type { Span } from '../core/types.js';
import { AMBIGUOUS, LY_NAMES, MONTHS, REPORTING_VERBS, SENTENCE_OPENERS, TITLES } from './abbreviations.js';

const TERMINALS = '.?!…';
const CLOSERS = '"”’\'»)]';
const OPENERS = '"“‘\'«([';
const LOWERCASE_OPENERS = new Set(['this', 'these', 'the', 'he', 'she', 'they', 'we', 'it', 'however', 'but']);

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** The word that ends at `end` (exclusive), without leading quotes or brackets: "(U.S" → "U.S". */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  let word = text.slice(start, end);
  while (word.length > 0 && OPENERS.includes(word[0])) word = word.slice(1);
  return word;
}

/** The word that starts at `start`, without opening quotes, and whether a quote or bracket opened it. */
function wordAfter(text: string, start: number): { word: string; opened: boolean } {
  let i = start;
  let opened = false;
  while (i < text.length && OPENERS.includes(text[i])) {
    opened = true;
    i++;
  }
  let end = i;
  while (end < text.length && /[\p{L}\p{N}'’-]/u.test(text[end])) end++;
  return { word: text.slice(i, end), opened };
}

/**
 * After a quoted question or exclamation, `“Why now?” Ms. Kaur asked.` is one sentence: the
 * capitalised words are the speaker, not a new sentence. We look for up to four capitalised words
 * (titles and initials allowed) followed by a verb of saying, or a verb of saying first ("asked Kaur").
 */
function isAttributionTail(text: string, start: number): boolean {
  const tail = text.slice(start, start + 80).split(/\s+/, 6);
  for (let i = 0; i < tail.length; i++) {
    const bare = tail[i].replace(/[.,;:!?]+$/, '');
    if (REPORTING_VERBS.has(bare.toLowerCase())) return i > 0 || /[.,]$/.test(tail[i]) || tail.length > 1;
    if (!isUpper(bare[0])) return false;
  }
  return false;
}

/**
 * Decides whether a full stop after `word` ends the sentence, given the text that follows.
 * The reasons are in abbreviations.ts; the examples here are the cases each branch exists for.
 */
function fullStopEnds(word: string, next: { word: string; opened: boolean }, nextChar: string): boolean {
  const bare = word.replace(/\.$/, '');
  const lower = bare.toLowerCase();
  const nextLower = next.word.toLowerCase();
  // Only a capitalised word opens a sentence: "3 p.m. on Monday" goes on, "the U.S. On Monday" ends.
  // A capitalised -ly adverb ("Roughly a quarter…", "Separately, …") opens a sentence as surely as "The".
  const adverb = /^\p{Lu}\p{Ll}{3,}ly$/u.test(next.word) && !LY_NAMES.has(nextLower);
  const opener = next.opened || (isUpper(next.word[0]) && (SENTENCE_OPENERS.has(nextLower) || adverb));
  // "Mr. Smith", "Dr. Ruiz": a title never ends a sentence.
  if (TITLES.has(lower)) return false;
  // "Harriet J. Calloway": a lone capital is an initial, unless a sentence plainly starts next.
  if (/^\p{Lu}$/u.test(bare)) return opener && !isUpper(next.word[1]) && SENTENCE_OPENERS.has(nextLower);
  // "Jan. 2": a month abbreviation before a number continues the date.
  if (MONTHS.has(lower)) return !/^\d/.test(next.word) && opener;
  // "No. 3", "p.m. on Monday": a number or a lower-case word after the stop continues the sentence.
  if (/^\d/.test(nextChar) && (lower === 'no' || lower === 'nos')) return false;
  // "the U.S. Navy" vs "…in the U.S. The talks…": dotted acronyms and company suffixes end a
  // sentence only when an obvious sentence opener follows.
  if (bare.includes('.') || AMBIGUOUS.has(lower)) return opener;
  // Spun and machine-rewritten copy drops capitals ("…on state TV. this offer comes…"): after an
  // ordinary word, a lower-case pronoun or article still opens a sentence.
  if (isLower(nextChar)) return bare.length >= 3 && LOWERCASE_OPENERS.has(nextLower);
  return true;
}

/** Only line breaks and terminal marks can end a sentence: the scan jumps from one to the next. */
const BREAK = /[\n.?!…]/g;

function nextBreak(text: string, from: number): number {
  BREAK.lastIndex = from;
  return BREAK.exec(text)?.index ?? -1;
}

/**
 * Splits one paragraph into sentence spans (relative to `base`). Abbreviation-aware ("U.S.",
 * "Mr.", "Harriet J. Calloway", "Jan. 2", "3.5"), keeps a closing quotation mark with its sentence,
 * and treats a line break inside a paragraph (a heading or a bullet run into text) as a boundary.
 */
export function splitSentences(text: string, base = 0): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push([base + s, base + e]);
  };
  for (let i = nextBreak(text, 0); i >= 0; i = nextBreak(text, i + 1)) {
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    // Take the whole run of terminal marks and closing quotes: `?!”)`.
    let end = i + 1;
    while (end < text.length && (TERMINALS.includes(text[end]) || CLOSERS.includes(text[end]))) end++;
    if (end < text.length && !/\s/.test(text[end])) {
      i = end - 1;
      continue; // "3.5", "U.S.-led", "example.com": no space, no boundary.
    }
    let nextStart = end;
    while (nextStart < text.length && /[ \t]/.test(text[nextStart])) nextStart++;
    if (nextStart >= text.length || text[nextStart] === '\n') {
      push(end);
      start = end;
      i = end - 1;
      continue;
    }
    const next = wordAfter(text, nextStart);
    const closedQuote = CLOSERS.includes(text[end - 1]) && text[end - 1] !== ')';
    let ends: boolean;
    // A full stop inside closing quotation marks (“No.”) ends the quoted sentence whatever word
    // it follows; abbreviation rules are for bare stops.
    if (ch === '.' && !closedQuote && !text.slice(i, end).startsWith('...')) {
      ends = fullStopEnds(wordBefore(text, i + 1), next, text[nextStart]);
    } else {
      ends = !isLower(text[nextStart]);
    }
    // “What do they want?” Kaur asked. — a quoted question or exclamation and its attribution are
    // one sentence. After a quoted full stop (“…a decade.” She said a grant…) a new sentence starts.
    if (ends && closedQuote && ch !== '.' && isAttributionTail(text, nextStart)) ends = false;
    if (ends) {
      push(end);
      start = end;
    }
    i = end - 1;
  }
  push(text.length);
  return spans;
}
