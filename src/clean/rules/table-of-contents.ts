import { type BlockRule, dropAll, endsLikeSentence, flat, wordCount } from './rule.js';

/**
 * Tables of contents: the heading ("Table of Contents", "Contents", "In this article", "Jump to")
 * and the heading-only list under it. A line under the TOC heading counts as a TOC entry when it
 * looks like a heading (short, no sentence punctuation) and the same heading appears again later
 * in the body — that repetition is what tells a TOC entry from the article's first subheading.
 * Example: "Table of Contents / Background / What happens next / <text> / Background / <text>"
 * loses the first "Background" and "What happens next", keeps the later ones.
 */
const TOC_HEADING =
  /^(?:table of contents|contents|in this article|in this story|on this page|jump to(?: section)?|sections?|skip to)\s*:?$/i;

/** Headings are short; 12 words is a long one ("What the council decided and what it means"). */
const MAX_HEADING_WORDS = 12;

function headingKey(text: string): string {
  return flat(text)
    .replace(/^(?:\d+[.)]|[-•*·]|[ivx]+\.)\s*/i, '')
    .toLowerCase();
}

function looksLikeHeading(text: string): boolean {
  const t = flat(text);
  return t.length > 0 && wordCount(t) <= MAX_HEADING_WORDS && !endsLikeSentence(t);
}

export const tableOfContents: BlockRule = {
  name: 'table-of-contents',
  apply(block) {
    if (TOC_HEADING.test(flat(block.text))) return dropAll(block);
    if (!looksLikeHeading(block.text)) return undefined;
    // Walk back over heading-like paragraphs to the nearest TOC heading.
    let i = block.index - 1;
    while (i >= 0 && !TOC_HEADING.test(flat(block.paragraphs[i]))) {
      if (!looksLikeHeading(block.paragraphs[i])) return undefined;
      i--;
    }
    if (i < 0) return undefined;
    const key = headingKey(block.text);
    const repeatedLater = block.paragraphs.slice(block.index + 1).some((p) => headingKey(p) === key);
    return repeatedLater ? dropAll(block) : undefined;
  },
};
