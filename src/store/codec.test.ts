import { describe, expect, it } from 'vitest';
import { articleFromText } from '../core/prepare.js';
import { decodeSentences, decodeTokens, encodeSentences } from './codec.js';

describe('sentence codec', () => {
  const article = articleFromText(
    'Storm hits coast\n\nWinds of 120 km/h hit the U.S. coast on Monday. "We are ready," said Gov. Ana Lind.\n\nShe added that schools would close.',
  );

  it('round-trips sentences and tokens exactly', () => {
    expect(decodeSentences(article.text, encodeSentences(article.text, article.sentences))).toEqual(article.sentences);
  });

  it('keeps token text and lemmas that cannot be derived from the clean text', () => {
    const odd = article.sentences.map((s) => ({
      ...s,
      text: `${s.text}!`,
      tokens: s.tokens.map((t) => ({ ...t, text: t.text.toUpperCase(), lemma: 'x' })),
    }));
    expect(decodeSentences(article.text, encodeSentences(article.text, odd))).toEqual(odd);
  });

  it('decodes just the tokens, in reading order, for story clustering', () => {
    const odd = article.sentences.map((s) => ({
      ...s,
      tokens: s.tokens.map((t, i) => (i === 0 ? { ...t, lemma: 'x' } : t)),
    }));
    const expected = odd.flatMap((s) => s.tokens.map(({ text, lemma, pos }) => ({ text, lemma, pos })));
    expect(decodeTokens(article.text, encodeSentences(article.text, odd))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(20);
  });

  it('is several times smaller than plain JSON', () => {
    const compact = encodeSentences(article.text, article.sentences).length;
    expect(compact * 2).toBeLessThan(JSON.stringify(article.sentences).length);
  });
});
