import { describe, expect, it } from 'vitest';
import { MappedTextBuilder } from './mapped-text.js';
import { appendNormalized, normalizeInline } from './normalize.js';
import { endsLikeSentence, flat, wordCount } from './rules/rule.js';

describe('normalisation fast path', () => {
  it('composes a letter and its marks even when the letter ends a plain run', () => {
    expect(normalizeInline('Cafe\u0301 and nai\u0308ve')).toBe('Caf\u00e9 and na\u00efve');
    const out = new MappedTextBuilder();
    appendNormalized(out, 'xCafe\u0301s', 1, 7, false);
    expect(out.toString()).toBe('Caf\u00e9s');
    // "é" maps to the "e" it was composed from, the "s" after the mark to itself.
    expect(out.toOffsetRuns()).toEqual([
      { clean: 0, original: 1, length: 4 },
      { clean: 4, original: 6, length: 1 },
    ]);
  });

  it('keeps characters that NFC changes on their own, outside plain runs, as NFC writes them', () => {
    expect(normalizeInline('10 \u212b, 5 \u2126')).toBe('10 \u00c5, 5 \u03a9');
  });

  it('folds space-like and drops invisible characters between plain runs', () => {
    expect(normalizeInline(' gov\u00adern\u200bment\u00a0\u00a0said\t ')).toBe('government said');
  });
});

describe('flat and word counts', () => {
  it('leaves flat text as it is and folds anything else', () => {
    expect(flat('Share this article')).toBe('Share this article');
    expect(flat(' Share\u00a0this \n article\u200b ')).toBe('Share this article');
    expect(flat('\u2060\ufeff')).toBe('');
  });

  it('counts words of raw and flattened paragraphs alike', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount('  one\ttwo \n three ')).toBe(3);
    expect(wordCount('one two three')).toBe(3);
  });

  it('sees a sentence end through closing quotes and brackets only', () => {
    expect(endsLikeSentence('He left.” ')).toBe(true);
    expect(endsLikeSentence('(See page 3.)')).toBe(true);
    expect(endsLikeSentence('Read more: the U.S. economy')).toBe(false);
    expect(endsLikeSentence('”')).toBe(false);
  });
});
