/**
 * Numeric mentions: a number, its hedge and the noun it counts ("at least 14 people",
 * "about 3.5m bushels", "five alleged drug-smuggling boats", "dozens of strikes").
 *
 * Not counted: years ("in 2024", "the 2024 election"), clock times ("9:40 a.m.", "9.40am"),
 * calendar days ("Jan. 28", "28 January"), ordinals ("3rd"), and ages set off by commas
 * ("Schiff, 56, said") — they are dates or labels, not quantities a rewrite could inflate.
 */
import type { Article, NumberMention, Span, Token } from '../../core/types.js';
import { sentenceAt } from '../sentence-index.js';
import { hedgeAfter, hedgeBefore, VAGUE } from './hedges.js';
import { NUMBER_WORD, numeralValue, SCALE_WORD, wordsValue } from './number-words.js';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/** A numeral with optional scale ("3.5 million", "3.5m", "$86.4bn", "1,200") or a number-word phrase. */
const NUMBER = new RegExp(
  [
    `(?<cur>[$£€])?(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:\\s?(?<scale>${SCALE_WORD})\\b|(?<short>m|mn|bn|b|k|tn)\\b)?`,
    `\\b(?<words>(?:a\\s+(?:dozen|couple|pair|hundred|thousand|million)|(?:${NUMBER_WORD})(?:[\\s-]+(?:${NUMBER_WORD}|${SCALE_WORD}|dozen|and))*)(?:\\s+(?:${SCALE_WORD}))?)\\b`,
  ].join('|'),
  'gi',
);

function isExcluded(text: string, start: number, end: number, raw: string): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  if (/^\d{4}$/.test(raw) && +raw >= 1800 && +raw <= 2100) return true; // a year
  if (/^[:.]\d{2}/.test(after) || /^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|o’clock)/i.test(after)) return true; // a time
  if (/^\d{1,2}[:.]\d{2}$/.test(raw)) return true;
  if (new RegExp(`${MONTH}\\s*$`, 'i').test(before) && /^\d{1,2}$/.test(raw)) return true; // "Jan. 28"
  if (new RegExp(`^\\s*(?:${MONTH}|of ${MONTH})`, 'i').test(after) && /^\d{1,2}$/.test(raw)) return true; // "28 January"
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return true; // ordinal
  if (/[\p{L}],\s$/u.test(before) && /^,/.test(after) && /^\d{1,3}$/.test(raw)) return true; // "Schiff, 56, said"
  if (/[-/]$/.test(before) && /^\d/.test(raw)) return true; // "R-56", "9/11", part of an identifier
  if (/^[-/]\d/.test(after)) return true;
  if (/\bone\b/i.test(raw) && !/\d/.test(raw) && !/^\s+\p{L}+s\b/u.test(after)) return true; // "one of", "no one": not a count
  return false;
}

/**
 * The counted noun: the head (last noun) of the noun run right after the number, so that "five
 * alleged drug-smuggling boats" counts boats, not drugs. "of" is skipped ("dozens of strikes").
 */
function countedNoun(tokens: readonly Token[], end: number, currency?: string): Token | undefined {
  if (currency) return undefined;
  let head: Token | undefined;
  let i = tokens.findIndex((t) => t.span[0] >= end);
  if (i < 0) return undefined;
  if (tokens[i].text === '%') return tokens[i];
  if (tokens[i].lemma === 'of') i++;
  for (let n = 0; i < tokens.length && n < 6; i++, n++) {
    const t = tokens[i];
    const hyphenated = tokens[i - 1]?.text === '-' || tokens[i + 1]?.text === '-';
    if (t.pos === 'NOUN' || (t.pos === 'PROPN' && /^\p{Ll}/u.test(t.text))) head = t;
    else if (t.pos === 'ADJ' || t.text === '-' || (hyphenated && t.pos === 'VERB') || (t.pos === 'PROPN' && !head)) {
      if (t.pos === 'PROPN') head = t;
    } else break;
  }
  return head;
}

const CURRENCY: Record<string, string> = { $: 'dollar', '£': 'pound', '€': 'euro' };

function tokensOfSentence(article: Article, index: number): Token[] {
  return article.sentences[index]?.tokens ?? [];
}

/** Every counted quantity in the article, in text order. */
export function extractNumbers(article: Article): NumberMention[] {
  const { text } = article;
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    const raw = m[0];
    const end = start + raw.length;
    let value: number | undefined;
    if (g.num) value = numeralValue(g.num, g.scale ?? g.short);
    else if (g.words) value = wordsValue(g.words);
    if (value === undefined || isExcluded(text, start, end, g.num ?? raw)) continue;
    const sentence = sentenceAt(article, start);
    let spanStart = start;
    let spanEnd = end;
    let { hedge, length } = hedgeBefore(text.slice(Math.max(0, start - 30), start));
    spanStart -= length;
    const plus = hedgeAfter(text.slice(end, end + 10));
    if (plus && hedge === 'exact') {
      hedge = plus.hedge;
      spanEnd += plus.length;
    }
    const nounToken = countedNoun(tokensOfSentence(article, sentence), spanEnd, g.cur);
    const noun = g.cur ? CURRENCY[g.cur] : nounToken?.text === '%' ? 'percent' : nounToken?.lemma;
    const mentionEnd = nounToken ? nounToken.span[1] : spanEnd;
    const span: Span = [spanStart, mentionEnd];
    out.push({ value, noun, hedge, text: text.slice(span[0], span[1]), span, sentence });
  }
  for (const [re, hedge, value] of VAGUE) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const sentence = sentenceAt(article, start);
      const nounToken = countedNoun(tokensOfSentence(article, sentence), end);
      const noun = nounToken?.lemma;
      const span: Span = [start, nounToken ? nounToken.span[1] : end];
      out.push({ value, noun, hedge, text: text.slice(span[0], span[1]), span, sentence });
    }
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}
