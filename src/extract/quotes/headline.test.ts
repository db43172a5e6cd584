import { describe, expect, it } from 'vitest';
import { opensWithHeadline } from './headline.js';

function paragraphsOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const p of text.split('\n')) {
    if (p.trim()) out.push([at, at + p.length]);
    at += p.length + 1;
  }
  return out;
}

const check = (text: string) => opensWithHeadline(text, paragraphsOf(text));

describe('opensWithHeadline', () => {
  it('recognises a Title Case first paragraph above the body', () => {
    expect(
      check('Mayor Vows To Fight ‘Reckless’ Budget Cuts\n\nThe mayor said on Monday that the cuts were reckless.'),
    ).toBe(true);
  });

  it('leaves a body paragraph, and a headline with no body, alone', () => {
    expect(check('The mayor said the cuts were “reckless.”\n\nShe spoke at the town hall.')).toBe(false);
    expect(check('Mayor Vows To Fight Budget Cuts')).toBe(false);
  });
});
