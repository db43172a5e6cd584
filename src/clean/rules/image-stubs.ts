import { type BlockRule, dropAll, flat, wordCount } from './rule.js';

/**
 * Leftovers of images: markdown stubs ("![]()", "![alt](url)"), caption and credit lines
 * ("Image: …", "Photo: …", "Photograph: Jane Doe/Northwire", "Image source, Getty Images"),
 * and captions ending in an agency photo credit ("Crews at the quay. (AP Photo/Jane Doe)").
 */

/** A paragraph that is only markdown image syntax, possibly several in a row. */
const MARKDOWN_IMAGE = /^(?:!\[[^\]]*\]\([^)]*\)\s*)+$/;

/** Caption/credit labels at the start of a line: "Photo: …", "Image credit: …". */
const CAPTION_LABEL =
  /^(?:image|images|photo|photos|photograph|picture|pictures|video|graphic|illustration|gallery)(?: (?:credit|caption|source|courtesy))?\s*[:,]/i;

/** A parenthesised photo credit: "(AP Photo/Jane Doe)", "(Photo by Jane Doe/Getty Images)". */
const PHOTO_CREDIT =
  /\((?:[\w.&' -]+ )?(?:photo|photograph|image|pool photo|file photo)(?: by)?\s*[/:]?[^()]{0,80}\)\s*$/i;

/** Lines that are only a credit to a picture desk: "Getty Images", "Reuters/Jane Doe". */
const PICTURE_AGENCY = /^(?:[\w.&' -]+\/)?(?:getty images|shutterstock|alamy|istock(?:photo)?|afp via getty images)$/i;

/** Captions are short: 60 words covers a long descriptive one. */
const MAX_CAPTION_WORDS = 60;

export const imageStubs: BlockRule = {
  name: 'image-stubs',
  apply(block) {
    const text = flat(block.text);
    if (MARKDOWN_IMAGE.test(text)) return dropAll(block);
    if (wordCount(text) > MAX_CAPTION_WORDS) return undefined;
    if (CAPTION_LABEL.test(text) || PHOTO_CREDIT.test(text) || PICTURE_AGENCY.test(text)) return dropAll(block);
    return undefined;
  },
};
