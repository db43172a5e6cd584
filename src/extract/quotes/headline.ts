/**
 * Whether an article's text opens with its headline: a first paragraph written in Title Case
 * ("Mayor Vows To Fight ‘Reckless’ Budget Cuts"), followed by the body. Headline style recases
 * and abridges what was said, so quotes there are the copy desk's rendering, not anyone's words
 * as spoken; the body quotes them as said.
 */
import type { Span } from '../../core/types.js';

/** Of the longer words (small words stay lower case in a title), the share written with a capital. */
const TITLE_SHARE = 0.8;

export function opensWithHeadline(text: string, paragraphs: readonly Span[]): boolean {
  if (paragraphs.length < 2) return false;
  const [s, e] = paragraphs[0];
  const words = (text.slice(s, e).match(/[\p{L}][\p{L}’'-]*/gu) ?? []).filter((w) => w.length >= 4);
  if (words.length < 3) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= TITLE_SHARE;
}
