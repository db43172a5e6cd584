import { describe, expect, it } from 'vitest';
import { articleFromText } from '../core/prepare.js';
import { eventDateReader } from './event-dates.js';
import { countTerms } from './features.js';

function tokensOf(text: string) {
  return articleFromText(text).sentences.flatMap((s) => s.tokens);
}

/** Every date the text names, read as of `published`. */
function datesIn(text: string, published: string | undefined): string[] {
  const dateAt = eventDateReader(published);
  if (!dateAt) return [];
  const tokens = tokensOf(text);
  const dates: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const date = dateAt(tokens, i);
    if (date) dates.push(date);
  }
  return dates;
}

// 2026-03-04 is a Wednesday.
const WEDNESDAY = '2026-03-04';

describe('eventDateReader', () => {
  it('reads a weekday as the latest such day on or before publication', () => {
    expect(datesIn('A man was shot Monday night in Kelsworth.', WEDNESDAY)).toEqual(['#on 2026-03-02']);
    expect(datesIn('The council met Wednesday.', WEDNESDAY)).toEqual(['#on 2026-03-04']);
    expect(datesIn('Two boys were hurt Thursday.', WEDNESDAY)).toEqual(['#on 2026-02-26']);
  });

  it('reads yesterday and today against the publication day', () => {
    expect(datesIn('She died yesterday, and the inquiry opens today.', WEDNESDAY)).toEqual([
      '#on 2026-03-03',
      '#on 2026-03-04',
    ]);
  });

  it('reads a month and day in the year that puts it on or just after publication', () => {
    expect(datesIn('The fire broke out on Feb. 27 at the depot.', WEDNESDAY)).toEqual(['#on 2026-02-27']);
    expect(datesIn('The hearing is set for 9 March.', WEDNESDAY)).toEqual(['#on 2026-03-09']);
    expect(datesIn('He was arrested on December 28 after the robbery.', '2026-01-05')).toEqual(['#on 2025-12-28']);
    expect(datesIn('The bridge closed on June 14, 2024, and never reopened.', WEDNESDAY)).toEqual(['#on 2024-06-14']);
  });

  it('takes "May" for a month only beside a day', () => {
    expect(datesIn('Officers may return to the street.', WEDNESDAY)).toEqual([]);
    expect(datesIn('The shop reopened on May 2.', '2026-05-10')).toEqual(['#on 2026-05-02']);
  });

  it('resolves nothing without a publication date', () => {
    expect(eventDateReader(undefined)).toBeUndefined();
    expect(eventDateReader('not a date')).toBeUndefined();
  });
});

describe('countTerms with a publication date', () => {
  it('counts the day an article names once, twice when the lede names it', () => {
    const tokens = tokensOf(
      'Three people were shot Monday in Kelsworth. Police said the Monday shooting followed a party. ' +
        'A vigil was held Tuesday.',
    );
    const counts = countTerms(tokens, undefined, 8, WEDNESDAY);
    expect(counts.get('#on 2026-03-02')).toBe(2);
    expect(counts.get('#on 2026-03-03')).toBe(1);
    expect(countTerms(tokens, undefined, 8).has('#on 2026-03-02')).toBe(false);
  });
});
