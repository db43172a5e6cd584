/**
 * Choosing the body between Readability's main text and the page's JSON-LD `articleBody`.
 *
 * Readability finds the right block on most pages but drags along what sits inside it: captions,
 * "Read more" teasers, newsletter boxes, author bios. `articleBody` is what the publisher itself
 * declares to be the story — precise when present, but sometimes truncated (paywalls publish the
 * first paragraphs), sometimes stale (an earlier version), sometimes a one-line summary, and it
 * has no paragraph breaks on many sites. So:
 *   - when both agree (most of articleBody's word 4-grams are in Readability's text), keep
 *     Readability's paragraphs (good structure) but only those that articleBody vouches for;
 *   - when articleBody is long and Readability's text barely contains it (Readability chose the
 *     wrong block, or a slideshow/caption block), take articleBody;
 *   - otherwise keep Readability's text.
 */

function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingles(words: string[], n = 4): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** articleBody shorter than this many words is a summary, not a body (a dek is 20–40 words). */
const MIN_BODY_WORDS = 80;
/** "Agree": at least 80% of articleBody's 4-grams occur in Readability's text. */
const AGREEMENT = 0.8;
/** Readability missed the story when it contains under 50% of a substantial articleBody. */
const MISSED = 0.5;
/**
 * A Readability paragraph is vouched for when at least half of its 4-grams are in articleBody.
 * Paragraphs under 4 words have no 4-gram: they are kept only when their words all occur in
 * articleBody (subheadings usually do not, and are dropped with the other furniture).
 */
const VOUCHED = 0.5;
/**
 * Filtering must not gut the text: if it would keep under 60% of Readability's words, articleBody
 * probably is a truncated or different version, and Readability's text stands.
 */
const MIN_KEPT = 0.6;

export interface BodyChoice {
  text: string;
  via: 'readability' | 'json-ld' | 'readability+json-ld';
}

export function chooseBody(readability: string | undefined, articleBody: string | undefined): BodyChoice | undefined {
  const rText = readability?.trim() ?? '';
  const jText = articleBody?.trim() ?? '';
  const jWords = tokens(jText);
  if (jWords.length < MIN_BODY_WORDS) return rText ? { text: rText, via: 'readability' } : undefined;
  if (!rText) return { text: jText, via: 'json-ld' };

  const jShingles = shingles(jWords);
  const rShingles = shingles(tokens(rText));
  let inR = 0;
  for (const s of jShingles) if (rShingles.has(s)) inR++;
  const containment = jShingles.size > 0 ? inR / jShingles.size : 0;
  if (containment < MISSED && jWords.length > tokens(rText).length * 0.5) return { text: jText, via: 'json-ld' };
  if (containment < AGREEMENT) return { text: rText, via: 'readability' };

  const jWordSet = new Set(jWords);
  const paragraphs = rText.split(/\n{2,}/);
  const kept = paragraphs.filter((p) => {
    const words = tokens(p);
    if (words.length === 0) return false;
    const own = shingles(words);
    if (own.size === 0) return words.every((w) => jWordSet.has(w));
    let hits = 0;
    for (const s of own) if (jShingles.has(s)) hits++;
    return hits / own.size >= VOUCHED;
  });
  const keptWords = tokens(kept.join(' ')).length;
  if (keptWords < tokens(rText).length * MIN_KEPT) return { text: rText, via: 'readability' };
  return { text: kept.join('\n\n'), via: 'readability+json-ld' };
}
