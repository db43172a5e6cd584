import { describe, expect, it } from 'vitest';
import { titleSupport } from './features.js';

const tokens = (words: string) =>
  words.split(' ').map((text) => ({ text, lemma: text.toLowerCase().replace(/s$/, ''), pos: 'NOUN' }));

describe('titleSupport', () => {
  it('is the share of headline words the body mentions, by surface form or lemma', () => {
    const body = tokens('Gunman opened fire on shoppers at the Bartow market on Friday');
    expect(titleSupport('Bartow gunman fired at shoppers', body)).toBe(3 / 4);
  });

  it('finds a plural headline word through its singular in the body', () => {
    expect(titleSupport('Shootings rattle quiet suburb', tokens('A shooting rattles the quiet suburb'))).toBe(1);
  });

  it('is near zero for a sign-in wall saved in place of the article', () => {
    const wall = tokens('We have sent you a verification email Please confirm your address');
    expect(titleSupport('Bartow gunman shot at a dozen people', wall)).toBe(0);
  });

  it('says nothing about a headline with fewer than three content words', () => {
    expect(titleSupport('Fire!', tokens('A fire broke out'))).toBeUndefined();
    expect(titleSupport(undefined, tokens('A fire broke out'))).toBeUndefined();
  });
});
