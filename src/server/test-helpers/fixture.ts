/**
 * A hand-made corpus for the server's and the UI's tests: two invented stories and a hostile
 * article, with a stand-in pipeline whose clusters, derivations and findings are written by hand
 * (the real stages are tested in their own folders). Nothing here is a real person or outlet.
 */
import { JSDOM } from 'jsdom';
import { citeSentence } from '../../brief/citation.js';
import { prepareArticle } from '../../core/prepare.js';
import type { Alignment, Article, Derivation, Finding, RawArticle, Span } from '../../core/types.js';
import type { Pipeline, StoryAnalysis } from '../service.js';

const WIRE = `Ferry services across Lake Orwen were suspended on Tuesday after a storm damaged the main pier at Kessby, officials said.

At least 14 passengers were treated for minor injuries, according to the regional health board.

"We will not reopen the pier until engineers have checked every pile," harbour master Edda Vinter said.

Repairs are expected to take about three weeks.`;

const COPY = `Ferry services across Lake Orwen were suspended on Tuesday after a storm damaged the main pier at Kessby, officials said.

More than 20 passengers were treated for minor injuries, according to the regional health board.

"We will not reopen the pier until engineers have looked at every pile," harbour master Edda Vinter said.

Local traders said the closure would hurt the summer season.`;

const INDEPENDENT = `A storm tore through the Kessby waterfront on Tuesday, leaving the pier badly damaged.

Residents described waves breaking over the promenade for most of the afternoon.

Ferries will not run for some time, the council said.`;

const OTHER = `The Varn valley orchestra announced a free concert series for the autumn.

The first concert will take place in the old market hall on 3 October.`;

/** Title and body carry script tags, event handlers and javascript: links: they must show as text. */
export const HOSTILE_TITLE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">Hostile title`;
const HOSTILE = `<script>window.__pwned = 3; alert(1)</script> This body tries <b onmouseover="window.__pwned=4">markup</b>.

A link: <a href="javascript:window.__pwned=5">click me</a> and <img src=x onerror=alert(2)> more text.`;

export const FIXTURE_RAW: RawArticle[] = [
  raw('lake/wire', WIRE, 'Storm shuts Lake Orwen ferries', '2026-05-12T08:00:00Z', 'Lakewire'),
  raw('lake/copy', COPY, 'Storm closes Kessby pier, ferries halted', '2026-05-12T11:30:00Z', 'Valley Daily'),
  raw('lake/independent', INDEPENDENT, 'Kessby waterfront battered', '2026-05-12T15:00:00Z', 'Kessby Herald'),
  raw('music/concert', OTHER, 'Free autumn concerts in Varn', '2026-04-02T10:00:00Z', 'Varn Post'),
  raw('hostile/page', HOSTILE, HOSTILE_TITLE, '2026-03-01T10:00:00Z', '<i onclick="x()">Outlet</i>'),
];

function raw(source: string, body: string, title: string, published: string, outlet: string): RawArticle {
  return { source: `fixture/${source}`, format: 'txt', body, title, published, outlet };
}

/** The story a fixture article belongs to: the folder of its source. */
function storyKey(article: Article): string {
  return /fixture\/([^/]+)\//.exec(article.source)?.[1] ?? 'other';
}

function spanOf(article: Article, text: string): Span {
  const start = article.original.indexOf(text);
  if (start < 0) throw new Error(`fixture text not found in ${article.source}: ${text}`);
  return [start, start + text.length];
}

/** Pairs the sentences whose first or last 30 characters agree, and labels them by exact equality. */
function alignByPrefix(a: Article, b: Article): Alignment {
  const pairs = a.sentences.flatMap((sa) => {
    const sb = b.sentences.find(
      (s) => s.text.slice(0, 30) === sa.text.slice(0, 30) || s.text.slice(-30) === sa.text.slice(-30),
    );
    return sb
      ? [
          {
            a: [sa.index],
            b: [sb.index],
            kind: sa.text === sb.text ? ('identical' as const) : ('edited' as const),
            similarity: sa.text === sb.text ? 1 : 0.8,
          },
        ]
      : [];
  });
  return { a: a.id, b: b.id, pairs };
}

function analyzeLake(articles: Article[]): StoryAnalysis {
  const wire = articles.find((a) => /\/lake\/wire$/.test(a.source));
  const copy = articles.find((a) => /\/lake\/copy$/.test(a.source));
  const independent = articles.find((a) => /\/lake\/independent$/.test(a.source));
  if (!wire || !copy) return { duplicates: [], derivations: [], findings: [], alignments: [] };
  const alignment = alignByPrefix(wire, copy);
  const derivations: Derivation[] = [
    {
      source: wire.id,
      target: copy.id,
      class: 'partially-derived',
      mode: 'edited',
      confidence: 0.86,
      evidence: [
        {
          source: spanOf(wire, 'Ferry services across Lake Orwen'),
          target: spanOf(copy, 'Ferry services across Lake Orwen'),
          kind: 'identical',
        },
      ],
    },
  ];
  if (independent) {
    derivations.push({
      source: { inferred: 'council statement' },
      target: independent.id,
      class: 'partially-derived',
      mode: 'paraphrase',
      confidence: 0.41,
      evidence: [],
    });
  }
  const finding = (type: Finding['type'], text: string, sourceText: string, explanation: string): Finding => ({
    type,
    article: copy.id,
    span: spanOf(copy, text),
    text,
    sourceArticle: wire.id,
    sourceSpan: spanOf(wire, sourceText),
    sourceText,
    severity: 'high',
    explanation,
  });
  return {
    duplicates: [],
    derivations,
    findings: [
      finding(
        'number-changed',
        'More than 20 passengers',
        'At least 14 passengers',
        'number changed: at least 14 → more than 20 passengers',
      ),
      {
        ...finding(
          'quote-altered',
          'We will not reopen the pier until engineers have looked at every pile',
          'We will not reopen the pier until engineers have checked every pile',
          "quote reworded: 'checked' → 'looked at'",
        ),
        speaker: 'Edda Vinter',
        sourceSpeaker: 'Edda Vinter',
      },
    ],
    brief: {
      articles: articles.map((a) => a.id),
      summary: [{ ...citeSentence(wire, 0), articles: [wire.id, copy.id], sources: 1 }],
      timeline: [
        {
          id: 'e1',
          date: '2026-05-12',
          precision: 'day',
          text: wire.sentences[0].text,
          articles: [wire.id, copy.id],
          sources: 1,
          reports: [{ ...citeSentence(wire, 0), date: { ...citeSentence(wire, 0), text: 'on Tuesday' } }],
        },
      ],
      facts: [],
      quotes: [],
      contributions: [],
    },
    alignments: [alignment],
  };
}

/** A stand-in for the real stages, deterministic and instant. */
export const fixturePipeline: Pipeline = {
  prepare: prepareArticle,
  readHtml(html, source) {
    const doc = new JSDOM(html).window.document;
    const paragraphs = [...doc.querySelectorAll('p')].map((p) => p.textContent?.trim() ?? '').filter(Boolean);
    return { source, format: 'html', title: doc.title || undefined, body: paragraphs.join('\n\n') };
  },
  cluster(articles) {
    const groups = new Map<string, Article[]>();
    for (const a of articles) groups.set(storyKey(a), [...(groups.get(storyKey(a)) ?? []), a]);
    return {
      stories: [...groups.entries()].map(([key, members]) => ({
        id: `story-${key}`,
        title: members[0].title,
        articles: members.map((a) => a.id),
      })),
    };
  },
  analyze(articles) {
    if (articles.some((a) => storyKey(a) === 'lake')) return analyzeLake(articles);
    return { duplicates: [], derivations: [], findings: [], alignments: [] };
  },
  align: alignByPrefix,
};

export function fixtureArticles(): Article[] {
  return FIXTURE_RAW.map(prepareArticle);
}
