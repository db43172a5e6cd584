import { describe, expect, it } from 'vitest';
import type { CleanArticle } from '../core/types.js';
import { segmentArticle } from './index.js';

const text = 'The ferry left Port Elin at dawn. The crews said it was full.\n\nOfficials counted 40 passengers.';
const clean: CleanArticle = {
  id: 'a1',
  contentHash: 'h',
  source: 'test.txt',
  format: 'txt',
  title: 'Ferry',
  credits: [],
  original: text,
  text,
  offsets: [{ clean: 0, original: 0, length: text.length }],
};

describe('segmentArticle', () => {
  const article = segmentArticle(clean);

  it('finds paragraphs and numbers sentences across them', () => {
    expect(article.paragraphs).toHaveLength(2);
    expect(article.sentences.map((s) => [s.index, s.paragraph, s.text])).toEqual([
      [0, 0, 'The ferry left Port Elin at dawn.'],
      [1, 0, 'The crews said it was full.'],
      [2, 1, 'Officials counted 40 passengers.'],
    ]);
  });

  it('gives each sentence its tokens with lemmas, POS and spans into the text', () => {
    const crews = article.sentences[1].tokens;
    expect(crews.map((t) => t.lemma)).toEqual(['the', 'crew', 'say', 'it', 'be', 'full', '.']);
    const said = crews[2];
    expect(text.slice(said.span[0], said.span[1])).toBe('said');
    expect(said.pos).toBe('VERB');
  });
});
