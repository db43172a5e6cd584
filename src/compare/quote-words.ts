/**
 * Quote text reduced to what a reader hears: the words, in order, with house style removed. Two
 * quotes with the same word keys say the same thing; everything a faithful copy may change is
 * folded away here, so that it never becomes a finding:
 *  - curly vs straight quotation marks and apostrophes ("don’t" / "don't");
 *  - punctuation moved inside or outside the marks, and capitalisation of the first word;
 *  - abbreviation dots ("U.S." / "US", "Mr." / "Mr", "a.m." / "am");
 *  - number words vs digits ("two" / "2", "3.5m" / "3.5 million", "Eleven" / "11").
 */
import { numeralValue, wordsValue } from '../extract/numbers/number-words.js';

export interface QuoteWord {
  /** As written, for explanations: "because". */
  text: string;
  /** Comparison key: "because", "us", "2", "3500000". */
  key: string;
}

/** Ellipses mark words the writer left out: "Grain dust is as volatile … It only needs a spark." */
const ELLIPSIS = /\s*(?:…|\.\s?\.\s?\.)\s*/;

function keyOf(word: string): string {
  const plain = word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\./g, '');
  const numeral = plain.match(/^(\d[\d,]*(?:\.\d+)?)(m|bn|k)?$/);
  if (numeral) {
    const v = numeralValue(numeral[1].replace(/,/g, ''), numeral[2]);
    if (v !== undefined) return String(v);
  }
  const w = wordsValue(plain);
  return w !== undefined && !/^(?:a|an)$/.test(plain) ? String(w) : plain;
}

const SCALE = /^(?:hundred|thousand|million|billion|trillion)$/i;

/** The words of one stretch of quoted text, with number phrases ("3.5 million") folded into one word. */
export function quoteWords(text: string): QuoteWord[] {
  const raw = text.match(/[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+|,\d{3}(?!\d))*\.?/gu) ?? [];
  const words: QuoteWord[] = [];
  for (const token of raw) {
    // A trailing full stop belongs to the sentence unless the word is an abbreviation ("U.S.").
    const word =
      /^(?:\p{L}\.)+$/u.test(token) || /^(?:mr|mrs|ms|dr|st|jr|sr)\.$/i.test(token) ? token : token.replace(/\.$/, '');
    const prev = words.at(-1);
    if (prev && SCALE.test(word) && /^\d/.test(prev.key)) {
      const scaled = numeralValue(prev.text.replace(/,/g, ''), word.toLowerCase());
      if (scaled !== undefined) {
        words[words.length - 1] = { text: `${prev.text} ${word}`, key: String(scaled) };
        continue;
      }
    }
    words.push({ text: word, key: keyOf(word) });
  }
  return words;
}

/** The pieces of a quote between ellipses (and between the parts of an interrupted quote, joined with " … "). */
export function quoteSegments(text: string): QuoteWord[][] {
  return text
    .split(ELLIPSIS)
    .map(quoteWords)
    .filter((s) => s.length > 0);
}

/** Start index of `needle` as a contiguous run in `hay` from `from`, or -1. */
function indexOfRun(hay: readonly string[], needle: readonly string[], from: number): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Faithful reproduction: every piece of the quote (between ellipses) appears word for word, in
 * order, in the source quote. Covers exact copies, partial quotes and trimmed quotes.
 */
export function isFaithful(quote: string, source: string): boolean {
  const hay = quoteSegments(source)
    .flat()
    .map((w) => w.key);
  let from = 0;
  const segments = quoteSegments(quote);
  if (segments.length === 0) return false;
  for (const seg of segments) {
    const at = indexOfRun(
      hay,
      seg.map((w) => w.key),
      from,
    );
    if (at < 0) return false;
    from = at + seg.length;
  }
  return true;
}

/** Length of the longest common subsequence of two key lists. */
export function lcs(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
