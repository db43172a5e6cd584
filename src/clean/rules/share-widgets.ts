import { type BlockRule, dropAll, flat, wordCount } from './rule.js';

/**
 * Share and follow widgets flattened into text: "Share and Follow", "Share this article",
 * "Facebook Twitter WhatsApp Email", "Copy link", "Print". A paragraph is a widget when it is
 * short and made ONLY of widget words, so a sentence like "Users share photos on Facebook." is
 * never touched.
 */
const WIDGET_WORD =
  /^(?:share(?: (?:this|the|on|via))?(?: (?:article|story|page|post|link))?|(?:and|&) follow|follow(?: us)?|tweet|e-?mail|print|copy(?: the)? link|link copied|comments?|save|facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|messenger|flipboard|bluesky|threads|sms|more)$/i;

/** Widget bars are at most a dozen words; "Share this article" is 3. */
const MAX_WIDGET_WORDS = 12;

export const shareWidgets: BlockRule = {
  name: 'share-widgets',
  apply(block) {
    const text = flat(block.text);
    if (!text || wordCount(text) > MAX_WIDGET_WORDS) return undefined;
    // Split on the separators widget bars use ("Share | Tweet", "Facebook · Twitter") and on
    // spaces, then greedily match widget phrases of up to four words.
    const words = text
      .replace(/[|·•,/:]+/g, ' ')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    if (words.length === 0) return undefined;
    let i = 0;
    while (i < words.length) {
      let matched = 0;
      for (let n = Math.min(4, words.length - i); n >= 1; n--) {
        if (WIDGET_WORD.test(words.slice(i, i + n).join(' '))) {
          matched = n;
          break;
        }
      }
      if (matched === 0) return undefined;
      i += matched;
    }
    return dropAll(block);
  },
};
