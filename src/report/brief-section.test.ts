import { describe, expect, it } from 'vitest';
import { buildBrief } from '../brief/build.js';
import { extractors, hedgeFinding, independent, outlet, trace, wire } from '../brief/test-helpers/story.js';
import type { AnalysisResult } from '../core/types.js';
import { briefSection } from './brief-section.js';
import { reportContext } from './context.js';
import { colors } from './text.js';

const articles = [wire, outlet, independent];
const result: AnalysisResult = {
  articles: articles.map((a) => ({ id: a.id, title: a.title, published: a.published, outlet: a.outlet, credits: [] })),
  stories: [
    {
      id: 'harbour-fire',
      title: 'Harbour fire',
      articles: articles.map((a) => a.id),
      duplicates: [],
      derivations: trace.derivations,
      findings: [hedgeFinding],
      brief: buildBrief(articles, trace, [hedgeFinding], extractors),
    },
  ],
  errors: [],
};

const text = briefSection(result.stories[0], reportContext(result, colors(false), 140)).join('\n');

describe('briefSection', () => {
  it('prints the timeline in date order with what was said', () => {
    const timeline = text.slice(text.indexOf('Timeline'), text.indexOf('Facts'));
    expect(timeline.indexOf('1998')).toBeLessThan(timeline.indexOf('2026-03-16'));
    expect(timeline).toContain(
      '2026-03-16  A fire broke out at the Kessel harbour warehouse on Monday. ("on Monday"; Wire, Outlet, Independent)',
    );
  });

  it('prints each fact with its independent sources and the other hedges beside it', () => {
    expect(text).toContain('• At least 14 people 1 independent source (Wire)');
    expect(text).toContain('~ More than 14 people 1 independent, Outlet [hedge-changed]');
  });

  it('prints quotes with their reworded variants', () => {
    expect(text).toContain('“We saw the flames from the bridge” — Ana Ruiz');
    expect(text).toContain('≠ reworded “We saw flames from the bridge” (Outlet)');
  });

  it('prints what each version added and dropped', () => {
    expect(text).toContain('+ The mayor promised an inquiry into the cause.');
    expect(text).toContain('− The warehouse was built in 1998.');
  });

  it('prints nothing for a story without a brief', () => {
    const { brief: _, ...bare } = result.stories[0];
    expect(briefSection(bare, reportContext(result, colors(false), 100))).toEqual([]);
  });
});
