import type { Article } from '../core/types.js';

/**
 * Marks every character of an article's text that lies inside quotation marks (1) or not (0).
 *
 * Why the aligner cares: two independent reports of one press conference quote the same words
 * verbatim, so overlap inside quotes is weak evidence of copying; overlap in the narrative around
 * them is strong evidence.
 *
 * Rules: curly “ opens and ” closes; a straight " toggles; a single ‘ opens only after a space or
 * bracket and ’ closes only before a space, punctuation or the end, so apostrophes ("we’ve",
 * "Varga’s") never open or close anything. Typewriter text writes the single pair as ' … ' or,
 * on news-agency wires, as ` … ', under the same rules. Quotes never run past a paragraph: news style reopens
 * a quote that continues in the next paragraph.
 */
export function quoteMask(article: Pick<Article, 'text' | 'paragraphs'>): Uint8Array {
  const { text } = article;
  const mask = new Uint8Array(text.length + 1);
  const paragraphs = article.paragraphs.length > 0 ? article.paragraphs : [[0, text.length] as const];
  for (const [start, end] of paragraphs) {
    let double = false;
    let single = false;
    for (let i = start; i < end; i++) {
      const c = text[i];
      const before = i > start ? text[i - 1] : ' ';
      const after = i + 1 < end ? text[i + 1] : ' ';
      if (c === '“') double = true;
      else if (c === '”') double = false;
      else if (c === '"') double = !double;
      else if ((c === '‘' || c === '`' || c === "'") && !single && /[\s([—–-]/.test(before) && /\S/.test(after))
        single = true;
      else if ((c === '’' || c === "'") && single && /[\s.,;:!?)\]—–-]/.test(after)) single = false;
      mask[i] = double || single ? 1 : 0;
    }
  }
  return mask;
}
