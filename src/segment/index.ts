import type { Article, CleanArticle, Sentence, Token } from '../core/types.js';
import { splitParagraphs } from './paragraphs.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';

export { splitParagraphs } from './paragraphs.js';
export { splitSentences } from './sentences.js';
export { tokenize } from './tokens.js';

/** Paragraphs, sentences and tokens (with lemmas and POS) of a cleaned article. */
export function segmentArticle(clean: CleanArticle): Article {
  return { ...clean, ...segmentText(clean.text) };
}

/** What segmentation adds to a clean article: it reads nothing but the text. */
export type Segmentation = Pick<Article, 'paragraphs' | 'sentences'>;

export function segmentText(text: string): Segmentation {
  const paragraphs = splitParagraphs(text);
  const tokens = tokenize(text);
  const sentences: Sentence[] = [];
  let t = 0;
  paragraphs.forEach((paragraph, p) => {
    for (const span of splitSentences(text.slice(paragraph[0], paragraph[1]), paragraph[0])) {
      while (t < tokens.length && tokens[t].span[0] < span[0]) t++;
      const own: Token[] = [];
      while (t < tokens.length && tokens[t].span[1] <= span[1]) own.push(tokens[t++]);
      sentences.push({ index: sentences.length, paragraph: p, span, text: text.slice(span[0], span[1]), tokens: own });
    }
  });
  return { paragraphs, sentences };
}
