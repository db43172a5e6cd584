import { type BlockRule, dropAll, flat, wordCount } from './rule.js';

/**
 * Cookie and consent banners: "We use cookies to improve your experience. By continuing you
 * accept our use of cookies. Accept | Manage preferences". A paragraph is a banner when it talks
 * about cookies together with consent vocabulary and is banner-sized; a news story about
 * browser cookies uses the word but rarely with "accept"/"consent" in one short paragraph.
 */
const COOKIE = /\bcookies?\b/i;
const CONSENT =
  /\b(?:accept|consent|agree|by (?:continuing|using|clicking)|manage (?:your )?(?:preferences|settings|cookies)|privacy (?:policy|settings|notice)|opt[- ]out|reject all|allow all|your choices)\b/i;
/** Stand-alone consent buttons left over from the banner. */
const BUTTON =
  /^(?:accept(?: all)?(?: cookies)?|reject(?: all)?|allow(?: all)?(?: cookies)?|manage (?:preferences|settings|cookies)|cookie settings|i agree|got it|ok(?:ay)?)$/i;

/** Banners run one to four sentences; 120 words is a long one. */
const MAX_BANNER_WORDS = 120;

export const cookieBanners: BlockRule = {
  name: 'cookie-banners',
  apply(block) {
    const t = flat(block.text);
    // Most paragraphs have no separator: they are one item, and the split is skipped.
    const items = /[|·•]/.test(t) ? t.split(/\s*[|·•]\s*/).filter(Boolean) : t ? [t] : [];
    if (items.length > 0 && items.every((item) => BUTTON.test(item))) return dropAll(block);
    if (wordCount(t) > MAX_BANNER_WORDS) return undefined;
    return COOKIE.test(t) && CONSENT.test(t) ? dropAll(block) : undefined;
  },
};
