import type { ParsedResult, ParsingReference } from 'chrono-node';
import type { Article, DateMention, Sentence } from '../core/types.js';
import { createNewsDateParser } from './date-parser.js';
import { formatResolved, precisionOf } from './date-precision.js';
import { referenceFromPublished } from './date-reference.js';

const parser = createNewsDateParser();

/**
 * Two references far apart, used when an article has no publication date: an expression that
 * resolves the same against both ("3 March 2025") does not depend on the reference and can be kept;
 * one that differs ("yesterday", "in September") cannot be resolved and is dropped.
 */
const PROBE_REFERENCES: ParsingReference[] = [
  { instant: new Date('2001-06-15T12:00:00Z'), timezone: 0 },
  { instant: new Date('2043-02-10T12:00:00Z'), timezone: 0 },
];

function mentionsIn(sentence: Sentence, reference: ParsingReference): { result: ParsedResult; mention: DateMention }[] {
  // One sentence at a time: a date never spans sentences, and the refiners read tense from the
  // sentence the date is in (context.text), not from the whole article.
  const found: { result: ParsedResult; mention: DateMention }[] = [];
  for (const result of parser.parse(sentence.text, reference, { forwardDate: false })) {
    const precision = precisionOf(result);
    if (!precision) continue;
    // chrono's weekday pattern swallows a following comma or bracket ("on Friday,"): trim them
    // so that the span covers the date words only.
    const text = result.text.replace(/[\s,;:()（）]+$/u, '');
    const start = sentence.span[0] + result.index;
    found.push({
      result,
      mention: {
        text,
        span: [start, start + text.length],
        sentence: sentence.index,
        resolved: formatResolved(result, precision),
        precision,
      },
    });
  }
  return found;
}

/**
 * Temporal expressions of an article, resolved against its publication date: "Monday" →
 * "2026-03-16" (day), "last month" → "2026-02" (month), "earlier this year" → "2026" (year).
 * Spans are in `article.text`; precision is what the text states, never more.
 *
 * Without a publication date only absolute expressions are returned.
 */
export function extractDates(article: Article): DateMention[] {
  const reference = referenceFromPublished(article.published);
  const mentions: DateMention[] = [];
  for (const sentence of article.sentences) {
    if (reference) {
      for (const { mention } of mentionsIn(sentence, reference)) mentions.push(mention);
      continue;
    }
    const [first, second] = PROBE_REFERENCES.map((r) => mentionsIn(sentence, r));
    for (const { mention } of first) {
      const same = second.find((o) => o.mention.span[0] === mention.span[0] && o.mention.resolved === mention.resolved);
      if (same) mentions.push(mention);
    }
  }
  return mentions;
}
