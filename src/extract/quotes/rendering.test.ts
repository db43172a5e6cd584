import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../core/prepare.js';
import { extractQuotes } from './index.js';

/** Each quote's speaker phrase as written and the name shown for it. */
function speakers(text: string, resolveNames = true) {
  const article = articleFromText(text);
  return extractQuotes(article, { resolveNames }).map((q) => ({
    span: q.speakerSpan ? article.text.slice(q.speakerSpan[0], q.speakerSpan[1]) : undefined,
    speaker: q.speaker,
  }));
}

describe('a speaker phrase that renders someone’s words', () => {
  it('keeps the phrase as the span and names the person who spoke', () => {
    const q = speakers(
      'Mayor Ana Varga said the city would “rebuild every house,” according to a transcript of her address.',
    );
    expect(q).toEqual([{ span: 'a transcript of her address', speaker: 'Ana Varga' }]);
  });

  it('leaves the phrase as written when names are not resolved', () => {
    const q = speakers(
      'Mayor Ana Varga said the city would “rebuild every house,” according to a transcript of her address.',
      false,
    );
    expect(q[0].speaker).toBe('a transcript of her address');
  });

  it('prefers the sentence’s own reporter to a rendering owned by no person', () => {
    const q = speakers(
      'Ines Duarte said the ferry would run “as long as the weather holds,” according to the agency’s translation.',
    );
    expect(q).toEqual([{ span: 'the agency’s translation', speaker: 'Ines Duarte' }]);
  });

  it('resolves a possessive pronoun, a name with “’s”, a role and an “of” phrase', () => {
    const q = speakers(
      'Tomas Berg, the ferry captain, spoke to reporters on the pier.\n\n' +
        '“We will sail at dawn,” according to a recording of his remarks.\n\n' +
        '“The pier will stay shut,” according to Berg’s letter.\n\n' +
        'Mayor Ana Varga opened the fair on Sunday.\n\n' +
        '“We will rebuild,” according to a transcript of the mayor’s speech.\n\n' +
        '“Nobody leaves,” according to a video of Ana Varga.',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Tomas Berg', 'Tomas Berg', 'Ana Varga', 'Ana Varga']);
  });

  it('takes “the interview” back to the interview the article last mentioned', () => {
    const q = speakers(
      'Mayor Ana Varga gave a long interview to Radio Harbour on Tuesday.\n\n' +
        '“We have a calm, hard-working city,” according to the English translation of the interview published on the council’s website.',
    );
    expect(q).toEqual([
      {
        span: 'the English translation of the interview published on the council’s website',
        speaker: 'Ana Varga',
      },
    ]);
  });

  it('reads “the statement said” as the words of whoever released it', () => {
    const q = speakers(
      'Ana Varga released a statement on Monday.\n\n“We will rebuild every house on the pier,” the statement said.',
    );
    expect(q[0].speaker).toBe('Ana Varga');
  });

  it('names no one when the text does not make the person clear', () => {
    const q = speakers(
      'Ana Varga spoke on Monday. “The pier will stay shut,” according to the harbour board’s statement.\n\n' +
        'Ana Varga and Tomas Berg gave an interview to Radio Harbour.\n\n' +
        '“The ferry will not run,” according to a transcript of the interview.\n\n' +
        '“The fair is cancelled,” according to a transcript released on Monday.',
    );
    expect(q.map((x) => x.speaker)).toEqual([
      'the harbour board’s statement',
      'a transcript of the interview',
      'a transcript released on Monday',
    ]);
  });
});
