import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

const sentencesOf = (text: string) => splitSentences(text).map(([s, e]) => text.slice(s, e));

describe('splitSentences', () => {
  it('does not end a sentence at titles, initials, month abbreviations or decimals', () => {
    expect(
      sentencesOf(
        'Mr. Okafor boarded the USS Harriet J. Calloway on Jan. 2 with 3.5 tonnes of aid. Dr. Lin met him there.',
      ),
    ).toEqual([
      'Mr. Okafor boarded the USS Harriet J. Calloway on Jan. 2 with 3.5 tonnes of aid.',
      'Dr. Lin met him there.',
    ]);
  });

  it('ends a sentence at "U.S." only when a sentence plainly starts next', () => {
    expect(sentencesOf('Talks moved to the U.S. Navy base. They ended in the U.S. The next day was calm.')).toEqual([
      'Talks moved to the U.S. Navy base.',
      'They ended in the U.S.',
      'The next day was calm.',
    ]);
  });

  it('keeps closing quotation marks with their sentence and splits after a quoted sentence', () => {
    expect(sentencesOf('He added: “No.” Dr. Ruiz disagreed. “We will rebuild,” she said.')).toEqual([
      'He added: “No.”',
      'Dr. Ruiz disagreed.',
      '“We will rebuild,” she said.',
    ]);
  });

  it('keeps a quoted question with its attribution', () => {
    expect(sentencesOf('“What do they want?” Mayor Ada Brandt asked. Nobody answered.')).toEqual([
      '“What do they want?” Mayor Ada Brandt asked.',
      'Nobody answered.',
    ]);
  });

  it('splits a quote that spans sentences at its inner full stop', () => {
    expect(sentencesOf('"The water rose fast. We had minutes," Ms. Vance said.')).toEqual([
      '"The water rose fast.',
      'We had minutes," Ms. Vance said.',
    ]);
  });

  it('continues after an abbreviation followed by a lower-case word or a number', () => {
    expect(sentencesOf('The vote is at 3 p.m. on Monday at No. 10 Harbour Rd. in Port Elin.')).toEqual([
      'The vote is at 3 p.m. on Monday at No. 10 Harbour Rd. in Port Elin.',
    ]);
  });

  it('ends a sentence at a dotted acronym when an adverb opens the next one', () => {
    expect(sentencesOf('It is the busiest port in the western U.S. Roughly a third of the grain passes here.')).toEqual(
      ['It is the busiest port in the western U.S.', 'Roughly a third of the grain passes here.'],
    );
  });

  it('starts a new sentence after a quoted full stop, even before "She said"', () => {
    expect(sentencesOf('She called it "the anchor we were missing." She said a grant would pay for it.')).toEqual([
      'She called it "the anchor we were missing."',
      'She said a grant would pay for it.',
    ]);
  });

  it('treats a line break inside a paragraph as a boundary (headings, bullets)', () => {
    expect(sentencesOf('What happened next\nThe council met')).toEqual(['What happened next', 'The council met']);
  });
});

describe('splitSentences on careless copy', () => {
  it('still splits when a rewrite forgot the capital after a full stop', () => {
    expect(sentencesOf('The mayor spoke on local radio. this offer comes after weeks of talks.')).toEqual([
      'The mayor spoke on local radio.',
      'this offer comes after weeks of talks.',
    ]);
  });
});
