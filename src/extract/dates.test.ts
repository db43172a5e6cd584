import { describe, expect, it } from 'vitest';
import { articleFromText } from '../core/prepare.js';
import { extractDates } from './dates.js';

/** Published on a Tuesday morning, UTC. */
const TUESDAY = '2026-03-17T09:30:00Z';

function dates(text: string, published: string | null = TUESDAY) {
  const article = articleFromText(text, { published: published ?? undefined });
  return extractDates(article).map((d) => ({
    text: d.text,
    resolved: d.resolved,
    precision: d.precision,
    inText: article.text.slice(d.span[0], d.span[1]),
  }));
}

describe('extractDates', () => {
  it('resolves a bare weekday in past-tense news to the day just gone', () => {
    expect(dates('The fire broke out on Monday.')).toEqual([
      { text: 'on Monday', resolved: '2026-03-16', precision: 'day', inText: 'on Monday' },
    ]);
  });

  it('counts the publication day itself as the weekday just gone (wire style "said Tuesday")', () => {
    expect(dates('Police said Tuesday the blaze was out.')[0].resolved).toBe('2026-03-17');
  });

  it('sends a weekday forward when its clause is future or it says "next"', () => {
    expect(dates('He will speak next Monday.')[0].resolved).toBe('2026-03-23');
    expect(dates('The inquiry will open on Friday, officials said.')[0]).toMatchObject({
      text: 'on Friday',
      resolved: '2026-03-20',
    });
  });

  it('dates nights, months and years with the precision the text gives', () => {
    expect(dates('Two nights ago, gunmen opened fire. Last month the council met.')).toEqual([
      { text: 'Two nights ago', resolved: '2026-03-15', precision: 'day', inText: 'Two nights ago' },
      { text: 'Last month', resolved: '2026-02', precision: 'month', inText: 'Last month' },
    ]);
    expect(dates('Earlier this year officials warned. In 2025 the port expanded.')).toEqual([
      { text: 'Earlier this year', resolved: '2026', precision: 'year', inText: 'Earlier this year' },
      { text: 'In 2025', resolved: '2025', precision: 'year', inText: 'In 2025' },
    ]);
  });

  it('reads "after this month\'s vote" as this month, not the month after', () => {
    expect(dates("The plan was shelved after this month's vote. It may return after this month.")).toEqual([
      { text: 'this month', resolved: '2026-03', precision: 'month', inText: 'this month' },
      { text: 'after this month', resolved: '2026-04', precision: 'month', inText: 'after this month' },
    ]);
  });

  it('puts a month without a year in the past for past clauses and ahead for future ones', () => {
    expect(dates('In September the plan was approved.')[0]).toMatchObject({ resolved: '2025-09', precision: 'month' });
    expect(dates('The vote is scheduled for September.')[0]).toMatchObject({ resolved: '2026-09', precision: 'month' });
  });

  it('knows holidays, and which one a story means', () => {
    expect(dates('Crowds gathered on New Year’s Eve.', '2026-01-02T08:00:00Z')[0]).toMatchObject({
      text: 'New Year’s Eve',
      resolved: '2025-12-31',
    });
    expect(dates('Hearings resume on Christmas Eve.')[0].resolved).toBe('2026-12-24');
    expect(dates('It happened on Thanksgiving 2024.')[0].resolved).toBe('2024-11-28');
  });

  it('resolves against the day where the story was published, not UTC', () => {
    // 23:30 in New York on Saturday 14 March is already Sunday in UTC.
    expect(dates('The storm hit yesterday.', '2026-03-14T23:30:00-04:00')[0].resolved).toBe('2026-03-13');
  });

  it('ignores names, verbs, decades, times of day, durations and narrative-relative phrases', () => {
    const text =
      'May Johnson said crowds will march on. In the 1990s it was built. At 3 p.m. the boats left. ' +
      'The strike lasted for three days. Three days later it ended. The Sun reported it first.';
    expect(dates(text)).toEqual([]);
  });

  it('keeps only absolute dates when the article has no publication date', () => {
    expect(dates('On 3 March 2025 it opened. Yesterday it closed. In September it rained.', null)).toEqual([
      { text: 'On 3 March 2025', resolved: '2025-03-03', precision: 'day', inText: 'On 3 March 2025' },
    ]);
  });
});

describe('extractDates on deadlines and narrative time', () => {
  it('puts deadlines ahead and leaves times counted from an event alone', () => {
    const text =
      'The bridge will stay shut until Thursday. Inspectors must file their report by Saturday. ' +
      'The blaze burned for six hours before crews contained it. Two days earlier, a pump had failed.';
    expect(dates(text).map((d) => [d.text, d.resolved])).toEqual([
      ['Thursday', '2026-03-19'],
      ['Saturday', '2026-03-21'],
    ]);
  });
});
