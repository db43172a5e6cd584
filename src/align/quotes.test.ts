import { describe, expect, it } from 'vitest';
import { quoteMask } from './quotes.js';

/** The quoted characters of a one-paragraph text, as a string. */
function quoted(text: string): string {
  const mask = quoteMask({ text, paragraphs: [[0, text.length]] });
  return [...text].filter((_, i) => mask[i] === 1).join('');
}

describe('quoteMask', () => {
  it('marks curly and straight double quotes', () => {
    expect(quoted('He said “we will appeal” and left.')).toBe('“we will appeal');
    expect(quoted('He said "we will appeal" and left.')).toBe('"we will appeal');
  });

  it("reads typewriter single quotes and the wire's `…' pair, but not apostrophes", () => {
    expect(quoted("The judge's view: 'It was a tragedy,' she said.")).toBe("'It was a tragedy,");
    expect(quoted("He told the court: `I didn't see him' before the crash.")).toBe("`I didn't see him");
    expect(quoted("The players' union won't comment.")).toBe('');
  });
});
