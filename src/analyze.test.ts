import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, analyzeStories, type PreparedInputs, prepareInputs } from './analyze.js';
import type { AnalysisResult, Article, Story } from './core/types.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples');

/**
 * The bundled examples hold one story that travelled: a wire report, an outlet's edited copy of
 * it (and that copy again in another site's page), an aggregator's paraphrase of the wire, a
 * content farm's rewrite of the outlet's copy, and an independent report from the same news
 * conference. Beside it: three reports of a council vote (two from an agency outside the pile)
 * and a story of its own.
 */
describe('analyze on the bundled examples', () => {
  let result: AnalysisResult;
  let prepared: PreparedInputs;
  /** Article id by the outlet that published it. */
  const id = (outlet: string) => {
    const found = result.articles.find((a) => a.outlet?.startsWith(outlet));
    if (!found) throw new Error(`no article from ${outlet}`);
    return found.id;
  };
  const storyOf = (outlet: string) => result.stories.find((s) => s.articles.includes(id(outlet))) as Story;
  const original = (articleId: string) => (prepared.articles.find((a) => a.id === articleId) as Article).original;

  beforeAll(async () => {
    [result, prepared] = await Promise.all([analyze([examples]), prepareInputs([examples])]);
  }, 180_000);

  it('reads every article and names the input it could not use', () => {
    expect(result.articles).toHaveLength(10);
    expect(result.errors).toEqual([
      { source: expect.stringMatching(/newsbreeze\.rss#/), reason: 'no article text left after cleaning' },
    ]);
  });

  it('sorts the articles into their three stories', () => {
    const members = (s: Story) => s.articles.map((a) => result.articles.find((x) => x.id === a)?.outlet).sort();
    expect(result.stories).toHaveLength(3);
    expect(members(storyOf('Northwire'))).toEqual([
      'Bayside Observer',
      'NewsBreeze – Latest Headlines',
      'Newsbarrow',
      'Northwire',
      'The Morning Current',
      'TrendPulse Daily',
    ]);
    expect(members(storyOf('Riverton Ledger'))).toEqual([
      'Calder Bay Courier',
      'Northcoast Herald – Business',
      'Riverton Ledger',
    ]);
    expect(storyOf('The Highland Gazette').articles).toHaveLength(1);
  });

  it('traces who copied whom, with direction, and leaves the independent report alone', () => {
    const story = storyOf('Northwire');
    const edges = story.derivations.map((d) => [d.source, d.target, d.class, d.mode]);
    expect(edges).toEqual(
      expect.arrayContaining([
        [id('Northwire'), id('The Morning Current'), 'wholly-derived', 'edited'],
        [id('Northwire'), id('NewsBreeze'), 'wholly-derived', 'edited'],
        [id('The Morning Current'), id('TrendPulse Daily'), 'wholly-derived', 'paraphrase'],
      ]),
    );
    expect(story.derivations).toHaveLength(3);
    expect(story.duplicates).toEqual([[id('The Morning Current'), id('Newsbarrow')]]);
    const independent = id('Bayside Observer');
    expect(story.derivations.filter((d) => d.source === independent || d.target === independent)).toEqual([]);
  });

  it('infers the agency behind two copies when the agency itself is not in the pile', () => {
    const story = storyOf('Riverton Ledger');
    expect(story.derivations.map((d) => [d.source, d.target])).toEqual(
      expect.arrayContaining([
        [{ inferred: 'Coastline Press' }, id('Riverton Ledger')],
        [{ inferred: 'Coastline Press' }, id('Northcoast Herald')],
      ]),
    );
    expect(story.derivations.some((d) => d.target === id('Calder Bay Courier'))).toBe(false);
  });

  it('gives evidence as spans of the original texts, so it can be shown in place', () => {
    const edge = storyOf('Northwire').derivations.find((d) => d.target === id('The Morning Current'));
    const identical = edge?.evidence.filter((e) => e.kind === 'identical') ?? [];
    expect(identical.length).toBeGreaterThan(3);
    for (const e of identical) {
      const source = original(id('Northwire')).slice(...e.source);
      const target = original(id('The Morning Current')).slice(...e.target);
      // Identical words; the outlet's house style curls the quotes and drops the dot of "Mr.".
      const norm = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      expect(norm(target)).toBe(norm(source));
    }
  });

  it('finds what changed on the way, each finding with the two spans that prove it', () => {
    const { findings } = storyOf('Northwire');
    const found = (type: string, outlet: string) => findings.filter((f) => f.type === type && f.article === id(outlet));
    const reworded = found('quote-altered', 'NewsBreeze');
    expect(reworded.map((f) => f.sourceArticle)).toEqual([id('Northwire'), id('Northwire'), id('Northwire')]);
    expect(reworded[0]).toMatchObject({
      text: "We're handling this as a dust explosion unless the evidence points us elsewhere",
      sourceText: 'We are treating this as a dust explosion until the evidence tells us otherwise',
      speaker: 'Marcus D. Whitlow',
      severity: 'high',
    });
    expect(found('hedge-changed', 'TrendPulse Daily')[0]).toMatchObject({
      text: 'More than 14 people',
      sourceText: 'at least 14 people',
      sourceArticle: id('The Morning Current'),
    });
    expect(found('quote-misattributed', 'TrendPulse Daily')).toHaveLength(1);
    expect(found('conflict', 'Bayside Observer')[0]).toMatchObject({ text: 'roughly 2,000 residents' });
    // The outlet's copy is faithful (trimmed quotes, house style): nothing to report on it.
    expect(findings.filter((f) => f.article === id('The Morning Current'))).toEqual([]);
    for (const f of findings) {
      expect(original(f.article).slice(...f.span)).toBe(f.text);
      if (f.sourceArticle && f.sourceSpan) expect(original(f.sourceArticle).slice(...f.sourceSpan)).toBe(f.sourceText);
    }
  });

  it('writes a brief for every story, its timeline in date order', () => {
    for (const story of result.stories) {
      expect(story.brief?.articles).toEqual(expect.arrayContaining(story.articles));
      const dates = story.brief?.timeline.map((e) => e.date) ?? [];
      expect(dates).toEqual([...dates].sort());
    }
    const fact = storyOf('Northwire').brief?.facts.find((f) => f.text.includes('at least 14 people'));
    expect(fact?.conflicts.map((c) => c.text)).toContain('More than 14 people');
  });
});

describe('analyze on text', () => {
  it('takes text with metadata, and analyses a story of one article too', async () => {
    const result = await analyze([
      {
        text: 'Harbour fire injures 14\n\nAt least 14 people were hurt when fire swept through a warehouse on the quay on Monday, the harbour master said.',
        outlet: 'Northwire',
        published: '2026-03-14T09:30:00Z',
      },
      { text: '   ' },
    ]);
    expect(result.articles.map((a) => a.outlet)).toEqual(['Northwire']);
    expect(result.errors).toEqual([{ source: 'input#2', reason: 'no article text left after cleaning' }]);
    expect(result.stories).toHaveLength(1);
    expect(result.stories[0]).toMatchObject({ articles: [result.articles[0].id], derivations: [], findings: [] });
    expect(result.stories[0].brief?.facts.map((f) => f.text)).toContain('At least 14 people');
  }, 60_000);

  it('tells its progress: inputs as they are read, then each story', async () => {
    const seen: string[] = [];
    await analyze(
      [{ text: 'One\n\nA first short article about a quay.' }, { text: 'Two\n\nA second one about a bridge.' }],
      {
        onProgress: (p) => seen.push(p.stage === 'reading' ? `read ${p.done}` : `story ${p.done}/${p.total}`),
      },
    );
    expect(seen.slice(0, 2)).toEqual(['read 1', 'read 2']);
    expect(seen[seen.length - 1]).toMatch(/^story (\d)\/\1$/);
  }, 60_000);

  it('traces hand-picked versions as one story when asked, without clustering', async () => {
    const { articles } = await prepareInputs([
      { text: 'Bridge closes\n\nThe old swing bridge will close for repairs on Monday, the council said.' },
      { text: 'Gallery opens\n\nA new gallery opened in the mill on Friday with paintings by local artists.' },
    ]);
    const stories = await analyzeStories(articles, { oneStory: true, stages: {} });
    expect(stories).toHaveLength(1);
    expect(stories[0].articles).toHaveLength(2);
    expect(stories[0].brief).toBeUndefined();
  }, 60_000);
});
