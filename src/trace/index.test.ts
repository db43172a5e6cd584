import { describe, expect, it } from 'vitest';
import { articleFromText } from '../core/prepare.js';
import { trace } from './index.js';

/**
 * An invented agency report and two papers' copies of it. Each copy cut paragraphs the other kept,
 * so neither can derive from the other; both credit the agency, which is not in the pile.
 */
const P = [
  'Carrow council voted 7-2 on Tuesday night to close the Lowick Street library branch in June, ending a two-year fight by parents who say the nearest branch is too far for children to walk to.',
  'The branch, opened in 1911, lends about 40,000 books a year and runs homework clubs four evenings a week.',
  'Council officers said the building needs repairs estimated at $3.1 million, including a new roof and heating system.',
  'Ilse Marsh, who chairs the library committee, said the money would be better spent on a mobile library serving six villages.',
  'Parents presented a petition with 5,400 signatures before the vote and several spoke during a public session that ran past midnight.',
  'The Lowick Street staff of nine will be offered posts at the central library, officers said.',
  'A local historical society has asked the state heritage board to list the building, which would make demolition harder.',
  'The board is expected to decide by the end of the summer whether to open a review of the case.',
];

const report = (paragraphs: string[], credit: string) => `${paragraphs.join('\n\n')}\n\n${credit}`;

describe('trace', () => {
  it('infers a common source for two copies that each hold passages the other lacks, named from credits', () => {
    const ledger = articleFromText(report([P[0], P[1], P[2], P[3], P[4], P[6], P[7]], '— Harbour Wire'), {
      source: 'ledger.txt',
      outlet: 'Valley Ledger',
      published: '2026-05-06T09:00:00Z',
    });
    // The herald trims inside sentences, merges two of them and keeps a paragraph the ledger cut.
    const herald = articleFromText(
      report(
        [
          'CARROW (Harbour Wire) — Carrow council voted 7-2 on Tuesday night to close the Lowick Street library branch in June, ending a two-year fight by parents.',
          P[1],
          'Council officers said the building needs repairs estimated at $3.1 million.',
          P[3],
          P[5],
          'A local historical society has asked the state heritage board to list the building, and the board is expected to decide by the end of the summer.',
        ],
        '',
      ),
      { source: 'herald.txt', outlet: 'Coastal Herald', published: '2026-05-06T10:00:00Z' },
    );
    const graph = trace([ledger, herald]);
    expect(graph.duplicates).toEqual([]);
    const edges = graph.derivations.map((d) => ({ source: d.source, target: d.target, class: d.class, mode: d.mode }));
    expect(edges).toEqual(
      expect.arrayContaining([
        { source: { inferred: 'Harbour Wire' }, target: ledger.id, class: 'wholly-derived', mode: 'verbatim' },
        { source: { inferred: 'Harbour Wire' }, target: herald.id, class: 'wholly-derived', mode: 'edited' },
      ]),
    );
    expect(edges).toHaveLength(2);
  });

  it('keeps a copy with a staff byline partially derived from the common source', () => {
    const ledger = articleFromText(report([P[0], P[1], P[2], P[3], P[4], P[6]], '— Harbour Wire'), {
      source: 'ledger.txt',
      outlet: 'Valley Ledger',
    });
    const herald = articleFromText(
      `By Oskar Brennan\n\nCARROW (Harbour Wire) — ${report([P[0], P[1], P[2], P[5], P[7], 'Our own reporting found the roof was last repaired in 1987, when the council spent a fraction of that sum.'], '')}`,
      { source: 'herald.txt', outlet: 'Coastal Herald' },
    );
    const graph = trace([ledger, herald]);
    const toHerald = graph.derivations.find((d) => d.target === herald.id);
    expect(toHerald?.source).toEqual({ inferred: 'Harbour Wire' });
    expect(toHerald?.class).toBe('partially-derived');
  });

  it('links a trimmed copy to its earlier source, also when the copy was read twice', () => {
    const source = articleFromText(P.join('\n\n'), { source: 'wire.txt', published: '2026-05-06T08:00:00Z' });
    const copy = () => articleFromText([P[0], P[1], P[2], P[3], P[4]].join('\n\n'), { source: 'copy.txt' });
    // The same text read from two files has one id (a hash of the text): one node, one edge.
    const graph = trace([copy(), copy(), source]);
    expect(graph.duplicates).toEqual([]);
    expect(graph.derivations.map((d) => [d.source, d.target, d.class, d.mode])).toEqual([
      [source.id, copy().id, 'wholly-derived', 'verbatim'],
    ]);
  });
});
