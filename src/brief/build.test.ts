import { describe, expect, it } from 'vitest';
import { buildBrief } from './build.js';
import { extractors, hedgeFinding, independent, outlet, trace, wire } from './test-helpers/story.js';

const brief = buildBrief([independent, outlet, wire], trace, [hedgeFinding], extractors);

describe('buildBrief', () => {
  it('orders the versions sources first, then by publication date', () => {
    expect(brief.articles).toEqual([wire.id, outlet.id, independent.id]);
  });

  it('builds a timeline merged across versions, with independent-source counts', () => {
    expect(brief.timeline.map((e) => [e.date, e.precision, e.articles.length, e.sources])).toEqual([
      ['1998', 'year', 1, 1],
      ['2026-03-16', 'day', 3, 2],
      ['2026-03-17', 'day', 1, 1],
    ]);
    const monday = brief.timeline[1];
    expect(monday.text).toBe('A fire broke out at the Kessel harbour warehouse on Monday.');
    expect(monday.reports.map((r) => r.date.text)).toEqual(['on Monday', 'on Monday', 'on Monday']);
  });

  it('counts a copied fact once and shows the other hedges beside it', () => {
    const [people] = brief.facts;
    expect(people).toMatchObject({ value: 14, hedge: 'at least', text: 'At least 14 people', sources: 1 });
    expect(people.conflicts.map((c) => [c.hedge, c.differs, c.articles.length, c.findings])).toEqual([
      ['more than', 'hedge', 1, ['hedge-changed']],
      ['exact', 'hedge', 1, []],
    ]);
  });

  it('gives each quote its canonical wording, speaker and variants', () => {
    expect(brief.quotes).toHaveLength(1);
    const [quote] = brief.quotes;
    expect(quote).toMatchObject({
      text: 'We saw the flames from the bridge',
      speaker: 'Ana Ruiz',
      canonicalFrom: wire.id,
    });
    expect(quote.variants.map((v) => [v.kind, v.text, v.articles])).toEqual([
      ['canonical', 'We saw the flames from the bridge', [wire.id]],
      ['reworded', 'We saw flames from the bridge', [outlet.id]],
    ]);
  });

  it('says what each version adds and drops', () => {
    const [first, copy, other] = brief.contributions;
    expect(first.adds.sentences).toHaveLength(4);
    expect(copy.derivedFrom).toEqual([wire.id]);
    expect(copy.adds.sentences.map((s) => s.text)).toEqual(['The mayor promised an inquiry into the cause.']);
    expect(copy.drops.sentences.map((s) => s.text)).toEqual(['The warehouse was built in 1998.']);
    expect(other.adds.sentences.map((s) => s.sentence)).toEqual([1, 2]);
    expect(other.drops.sentences).toEqual([]);
  });

  it('cites every span in the original text', () => {
    for (const event of brief.timeline)
      for (const r of event.reports) {
        const article = [wire, outlet, independent].find((a) => a.id === r.article);
        expect(article?.original.slice(r.span[0], r.span[1])).toBe(r.text);
      }
  });

  it('summarises with cited, distinct sentences in story order', () => {
    expect(brief.summary.length).toBeGreaterThanOrEqual(5);
    expect(brief.summary[0]).toMatchObject({ article: wire.id, sentence: 0, sources: 2 });
    const keys = brief.summary.map((s) => `${brief.articles.indexOf(s.article)}:${s.sentence}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(brief.summary.map((s) => s.text)).size).toBe(brief.summary.length);
  });
});
