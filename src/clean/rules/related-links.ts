import { type BlockRule, dropAll, endsLikeSentence, flat, wordCount } from './rule.js';

/**
 * Navigation and related-link lists: "Related: Harbour fire closes quay", "Read more: …",
 * "READ MORE", "Recommended", "More from Northwire", "You may also like", "Most read". Either
 * the label starts the paragraph (inline form) or stands alone as a heading, in which case the
 * short link-like lines under it (headlines: no sentence punctuation) go with it.
 */
const LABEL =
  /^(?:related(?: (?:articles?|stories|stories|coverage|content|links?|reading|topics?|news))?|read (?:more|next|also)|also read|see also|recommended(?: (?:for you|stories|reading|articles?))?|more (?:from|on|about|stories|news|coverage)\b[^.!?]{0,60}|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|don['’]t miss|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top stories|latest (?:news|stories)|editor['’]s picks?|further reading|what to read next|popular (?:now|stories)|watch(?: now| next)?|listen(?: now)?)\s*[:|»›>\-–—]?/i;

/** A link line under a related-links heading: a headline, 3–25 words. */
const MAX_LINK_WORDS = 25;

function isLabelOnly(text: string): boolean {
  const t = flat(text);
  const m = LABEL.exec(t);
  return m !== null && m[0].length >= t.length - 1;
}

function looksLikeLink(text: string): boolean {
  const words = wordCount(text);
  return words > 0 && words <= MAX_LINK_WORDS && !endsLikeSentence(text);
}

export const relatedLinks: BlockRule = {
  name: 'related-links',
  apply(block) {
    const t = flat(block.text);
    const m = LABEL.exec(t);
    // Inline form "Related: <headline>" must have a separator so that "Related questions were
    // raised" (a sentence) is not taken for a label.
    if (m && (isLabelOnly(t) || /[:|»›>\-–—]\s*$/.test(m[0]) || /^read more\b/i.test(m[0]))) {
      if (wordCount(t) <= MAX_LINK_WORDS * 2) return dropAll(block);
    }
    // A headline-like line directly under a stand-alone label, or under other such lines.
    if (!looksLikeLink(block.text)) return undefined;
    for (let i = block.index - 1; i >= 0; i--) {
      const previous = block.paragraphs[i];
      if (isLabelOnly(previous)) return dropAll(block);
      if (!looksLikeLink(previous)) return undefined;
    }
    return undefined;
  },
};
