import { normalizeInline } from './normalize.js';

/**
 * A title for an article whose source gave none: its first paragraph when that reads like a
 * headline, otherwise the beginning of the first paragraph cut at a word boundary.
 */

/** Headlines run 40–100 characters; 150 leaves room for long ones without taking a paragraph. */
const MAX_HEADLINE = 150;
/** A shortened first sentence stays readable in a list view. */
const FALLBACK_LENGTH = 100;

export function chooseTitle(given: string | undefined, text: string): string {
  const fromSource = given ? normalizeInline(given) : '';
  if (fromSource) return fromSource;
  const first = text.split('\n\n', 1)[0] ?? '';
  if (first.length <= MAX_HEADLINE) return first;
  const cut = first.slice(0, FALLBACK_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > FALLBACK_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
