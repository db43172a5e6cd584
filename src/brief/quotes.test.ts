import { describe, expect, it } from 'vitest';
import { articleFromText } from '../core/prepare.js';
import type { Article, QuoteMention } from '../core/types.js';
import { briefContext, type Extractors } from './context.js';
import { defaultExtractors } from './index.js';
import { buildQuotes } from './quotes.js';
import type { TraceResult } from './trace-result.js';

const source = articleFromText('A. B. C.', { published: '2026-05-04T08:00:00Z', source: 'source.txt' });
const copy = articleFromText('D. E. F.', { published: '2026-05-04T09:00:00Z', source: 'copy.txt' });
const trace: TraceResult = {
  duplicates: [],
  derivations: [
    { source: source.id, target: copy.id, class: 'wholly-derived', mode: 'edited', confidence: 1, evidence: [] },
  ],
  alignments: [],
};

/** Quote mentions handed in directly: what the extractor found is not under test here. */
function withQuotes(byArticle: Map<string, { text: string; speaker?: string }[]>): Extractors {
  return {
    dates: () => [],
    numbers: () => [],
    quotes: (article: Article): QuoteMention[] =>
      (byArticle.get(article.id) ?? []).map((q) => ({ ...q, spans: [[0, 1]], partial: false, sentence: 0 })),
  };
}

describe('buildQuotes', () => {
  it('keeps a short slogan apart from a long quote that happens to contain its words', () => {
    const quotes = buildQuotes(
      briefContext(
        [source, copy],
        trace,
        withQuotes(
          new Map([
            [source.id, [{ text: 'Keep It Local.' }]],
            [
              copy.id,
              [{ text: 'We can keep the jobs here, or we can watch them go to another state.', speaker: 'Mia Torres' }],
            ],
          ]),
        ),
      ),
    );
    expect(quotes.map((q) => q.text)).toEqual([
      'Keep It Local.',
      'We can keep the jobs here, or we can watch them go to another state.',
    ]);
  });

  it('puts a mention whose speaker was not found with the same words of a named speaker', () => {
    const quotes = buildQuotes(
      briefContext(
        [source, copy],
        trace,
        withQuotes(
          new Map([
            [source.id, [{ text: 'routine paperwork problems', speaker: 'Mia Torres' }]],
            [copy.id, [{ text: 'routine paperwork problems' }]],
          ]),
        ),
      ),
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0].variants.map((v) => [v.kind, v.articles])).toEqual([['canonical', [source.id, copy.id]]]);
  });
});

describe('buildQuotes on extracted quotes', () => {
  it('tells an interrupted quote as one statement, and two partial quotes of one sentence as two', () => {
    const text = [
      'Ferry crew praised',
      '',
      '"It was a miracle," Mira Okonjo said, "that nobody was badly hurt."',
      '',
      'Okonjo said the crew was "cooperating fully" and that her "thoughts are with the injured".',
    ].join('\n');
    const wire = articleFromText(text, { published: '2026-05-04T08:00:00Z', source: 'wire.txt' });
    const none: TraceResult = { duplicates: [], derivations: [], alignments: [] };
    const quotes = buildQuotes(briefContext([wire], none, defaultExtractors));
    expect(quotes.map((q) => q.text)).toEqual([
      'It was a miracle … that nobody was badly hurt.',
      'cooperating fully',
      'thoughts are with the injured',
    ]);
    expect(quotes[0].speaker).toBe('Mira Okonjo');
  });
});
