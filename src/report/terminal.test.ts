import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Story } from '../core/types.js';
import { renderFindings, renderReport, renderTrace } from './terminal.js';
import { changeMarkers, colors, sanitize, wrap, wrapMarked } from './text.js';

const result: AnalysisResult = {
  articles: [
    {
      id: 'aaaaaaaa11111111',
      path: 'wire.txt',
      title: 'Harbour fire injures 14',
      published: '2026-03-14T09:30:00Z',
      outlet: 'Northwire',
      credits: [{ kind: 'copyright', name: 'Northwire', text: '© 2026 Northwire', span: [900, 916] }],
    },
    {
      id: 'bbbbbbbb22222222',
      path: 'outlet.html',
      title: 'Fire at the harbour',
      published: '2026-03-14T12:00:00Z',
      outlet: 'Daily Tide',
      credits: [],
      copies: [{ path: 'outlet-mirror.html' }],
    },
    { id: 'cccccccc33333333', path: 'farm.html', title: 'Harbour Fire: What We Know', outlet: 'Spinfarm', credits: [] },
  ],
  stories: [
    {
      id: 'harbour-fire',
      title: 'Harbour fire',
      articles: ['aaaaaaaa11111111', 'bbbbbbbb22222222', 'cccccccc33333333'],
      duplicates: [],
      derivations: [
        {
          source: 'aaaaaaaa11111111',
          target: 'bbbbbbbb22222222',
          class: 'wholly-derived',
          mode: 'edited',
          confidence: 0.93,
          evidence: [],
        },
        {
          source: 'bbbbbbbb22222222',
          target: 'cccccccc33333333',
          class: 'partially-derived',
          mode: 'paraphrase',
          confidence: 0.71,
          evidence: [],
        },
        {
          source: { inferred: 'Northwire' },
          target: 'aaaaaaaa11111111',
          class: 'wholly-derived',
          mode: 'verbatim',
          confidence: 0.6,
          evidence: [],
        },
      ],
      findings: [
        {
          type: 'hedge-changed',
          article: 'cccccccc33333333',
          span: [10, 30],
          text: 'more than 14 people',
          sourceArticle: 'bbbbbbbb22222222',
          sourceSpan: [40, 60],
          sourceText: 'at least 14 people',
          severity: 'medium',
          explanation: "hedge changed: 'at least' → 'more than'",
        },
        {
          type: 'quote-unsourced',
          article: 'cccccccc33333333',
          span: [100, 120],
          text: 'We will rebuild',
          sourceArticle: null,
          sourceSpan: null,
          sourceText: null,
          speaker: 'Ilse Varga',
          severity: 'high',
          explanation: 'no earlier version has this quote',
        },
      ],
    },
  ],
  errors: [],
};

describe('terminal report', () => {
  const report = renderReport(result, { width: 100 });

  it('lists every article with date, outlet, title and credits', () => {
    expect(report).toContain('Articles (3)');
    expect(report).toMatch(/aaaaaaaa {2}2026-03-14 {2}Northwire +Harbour fire injures 14/);
    expect(report).toContain('credits: © 2026 Northwire');
    expect(report).toMatch(/cccccccc {2}— {11}Spinfarm/);
  });

  it('groups exact duplicates under the article they copy', () => {
    expect(report).toContain('Exact duplicates (1)');
    expect(report).toContain('= outlet.html');
    expect(report).toContain('= outlet-mirror.html');
  });

  it('draws derivations as a tree from the inferred common source down', () => {
    const tree = report.slice(report.indexOf('Provenance'));
    const lines = tree.split('\n');
    expect(lines[1]).toContain('common source: Northwire');
    expect(lines[2]).toMatch(
      /└─▶ Northwire · Harbour fire injures 14 \[aaaaaaaa\] {2}wholly-derived · verbatim · 0\.60/,
    );
    expect(lines[3]).toMatch(
      /^ {8}└─▶ Daily Tide · Fire at the harbour \[bbbbbbbb\] {2}wholly-derived · edited · 0\.93/,
    );
    expect(lines[4]).toMatch(/^ {12}└─▶ Spinfarm .* partially-derived · paraphrase · 0\.71/);
  });

  it('shows each finding with its two spans side by side', () => {
    const hedge = report.split('\n').find((l) => l.includes('“more than 14 people”'));
    expect(hedge).toMatch(/“more than 14 people” +│ “at least 14 people”/);
    expect(report).toMatch(/“We will rebuild” +│ *\n?.*|no earlier version has it/);
    expect(report).toContain('(no earlier version has it)');
  });

  it('prints no colour codes unless asked, and keeps lines within the width', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ESC.
    expect(report).not.toMatch(/\u001b\[/);
    for (const line of report.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ESC.
    expect(renderReport(result, { color: true })).toMatch(/\u001b\[/);
  });

  it('never lets article text drive the terminal', () => {
    expect(sanitize('Title\u001b]0;pwned\u0007 here')).toBe('Title]0;pwned here');
    const hostile = { ...result, stories: [], articles: [{ ...result.articles[0], title: 'x\u001b[2Jy' }] };
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ESC.
    expect(renderReport(hostile)).not.toMatch(/\u001b/);
  });

  it('wraps words to a width', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });

  it('wraps text with its changed words marked: a run of changed words opens and closes once', () => {
    const text = 'knows, because we have told them';
    const plain = changeMarkers(colors(false));
    expect(wrapMarked(text, [[7, 14]], 40, plain.removed)).toEqual(['knows, [-because-] we have told them']);
    expect(wrapMarked(text, [[7, 22]], 18, plain.added)).toEqual(['knows, {+because', 'we have+} told', 'them']);
    // On a terminal the colour shows the change; the widths still count only what is visible.
    const coloured = wrapMarked(text, [[7, 14]], 14, changeMarkers(colors(true)).removed);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping colour codes (ESC).
    const visible = coloured.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));
    expect(visible).toEqual(['knows, because', 'we have told', 'them']);
  });
});

describe('trace and findings reports', () => {
  const lonely: Story = {
    id: 'story-dddd',
    title: 'Gallery opens in the old mill',
    articles: ['dddddddd44444444'],
    duplicates: [],
    derivations: [],
    findings: [],
  };
  const withLonely: AnalysisResult = {
    ...result,
    articles: [...result.articles, { id: 'dddddddd44444444', title: 'Gallery opens in the old mill', credits: [] }],
    stories: [...result.stories, lonely],
  };

  it('trace draws the tree of each story, and lists stories of one article together at the end', () => {
    const trace = renderTrace(withLonely, { width: 100 });
    expect(trace).toMatch(/^Story: Harbour fire \(3 articles, harbour-fire\)/);
    expect(trace).toContain('    common source: Northwire (inferred, not in the pile)');
    expect(trace).toMatch(/└─▶ Daily Tide · Fire at the harbour \[bbbbbbbb\] {2}wholly-derived · edited · 0\.93/);
    expect(trace).not.toContain('Findings');
    expect(trace).toMatch(/Single-article stories \(1\)\n {2}dddddddd {2}— +— +Gallery opens in the old mill\n$/);
  });

  it('trace says so when the versions of a story are independent', () => {
    const independent = { ...result, stories: [{ ...result.stories[0], derivations: [] }] };
    expect(renderTrace(independent)).toContain('No version derives from another here');
  });

  it('findings lists the stories that have any, then counts them', () => {
    const findings = renderFindings(withLonely, { width: 100 });
    expect(findings).toContain('Findings (2)');
    expect(findings).not.toContain('Gallery opens');
    expect(findings).toMatch(/2 findings in 2 stories of 4 articles\.\n$/);
  });
});
