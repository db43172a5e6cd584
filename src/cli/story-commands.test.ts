import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../core/types.js';
import { runCli } from './test-helpers/run-cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A wire report, and an outlet's copy two hours later that rewords a quote and a hedge. */
const wire = `Ferry runs aground off Gull Point
March 15, 2026 18:00 GMT
Outlet: Coastwire

REDMARSH (Coastwire) — A passenger ferry ran aground off Gull Point on Sunday evening, and at least 40 passengers were taken ashore by lifeboat, the coastguard said.

The ferry, the Marram Queen, was on its last crossing of the day from Redmarsh to the island of Skerry when it struck a sandbank in falling tide.

"The crew did everything right, and nobody was hurt," said harbour master Ines Calloway.

Divers will inspect the hull on Tuesday before the ferry is towed back to Redmarsh for repairs.

The operator said crossings would resume on Friday with a chartered boat.
`;

const copy = `Ferry aground at Gull Point: passengers rescued
March 15, 2026 20:00 GMT
Outlet: Harbour Daily

A passenger ferry ran aground off Gull Point on Sunday evening, and more than 40 passengers were taken ashore by lifeboat, the coastguard said.

The ferry, the Marram Queen, was on its last crossing of the day from Redmarsh to the island of Skerry when it struck a sandbank in falling tide.

"The crew did everything right, and no one was injured," said harbour master Ines Calloway.

Divers will inspect the hull on Tuesday before the ferry is towed back to Redmarsh for repairs.

The operator said crossings would resume on Friday with a chartered boat.
`;

describe('wiretrace trace, findings and diff', () => {
  let dir: string;
  let input: string;
  const file = (name: string) => path.join(input, name);
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wiretrace-story-'));
    input = path.join(dir, 'in');
    mkdirSync(input);
    writeFileSync(file('wire.txt'), wire);
    writeFileSync(file('copy.txt'), copy);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trace prints who copied whom as a tree, and the same graph as JSON', async () => {
    const [text, json] = await Promise.all([runCli(['trace', input]), runCli(['trace', '--json', input])]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /Provenance\n {4}Coastwire · Ferry runs aground off Gull Point \[[0-9a-f]{8}\]\n {4}└─▶ Harbour Daily · Ferry aground at Gull Point.* \[[0-9a-f]{8}\] {2}wholly-derived · edited · \d\.\d\d/,
    );
    const result = JSON.parse(json.stdout) as AnalysisResult;
    const id = (outlet: string) => result.articles.find((a) => a.outlet === outlet)?.id;
    const [story] = result.stories;
    expect(story).toEqual({
      id: expect.any(String),
      title: 'Ferry runs aground off Gull Point',
      articles: [id('Coastwire'), id('Harbour Daily')],
      duplicates: [],
      derivations: [expect.objectContaining({ source: id('Coastwire'), target: id('Harbour Daily') })],
    });
    const [identical] = story.derivations[0].evidence.filter((e) => e.kind === 'identical');
    expect(identical.source[1] - identical.source[0]).toBeGreaterThan(40);
  }, 120_000);

  it('findings shows what changed, the version beside its source', async () => {
    const [text, json] = await Promise.all([runCli(['findings', input]), runCli(['findings', '--json', input])]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/hedge-changed +hedge changed: 'at least' → 'more than'/);
    expect(text.stdout).toMatch(/“more than 40 passengers” +│ “at least 40 passengers”/);
    expect(text.stdout).toMatch(/quote-altered +quote reworded: 'nobody' → 'no one'; 'hurt' → 'injured'/);
    expect(text.stdout).toMatch(/2 findings in 1 story of 2 articles\.\n$/);
    const { stories } = JSON.parse(json.stdout) as AnalysisResult;
    expect(stories[0].findings.map((f) => [f.type, f.text, f.sourceText])).toEqual([
      ['hedge-changed', 'more than 40 passengers', 'at least 40 passengers'],
      ['quote-altered', 'The crew did everything right, and no one was injured', expect.stringContaining('nobody')],
    ]);
  }, 120_000);

  it('analyze --json gives each story whole, and --html writes the report that opens from disk', async () => {
    const report = path.join(dir, 'report.html');
    const run = await runCli(['analyze', '--json', '--html', report, input]);
    const webBuilt = existsSync(path.join(root, 'dist-web', 'index.html'));
    if (!webBuilt) {
      // The report inlines the built web UI: without it the command says what to do.
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('npm run build:web');
      return;
    }
    expect(run.code).toBe(0);
    const [story] = (JSON.parse(run.stdout) as AnalysisResult).stories;
    expect(Object.keys(story)).toEqual(['id', 'title', 'articles', 'duplicates', 'derivations', 'findings', 'brief']);
    expect(story.brief?.quotes[0].variants.map((v) => v.kind)).toEqual(['canonical', 'reworded']);
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("connect-src 'none'");
    expect(html).toContain('no one was injured');
  }, 120_000);

  it('diff lines the two versions up, sentence by sentence, edits marked', async () => {
    const run = await runCli(['diff', file('wire.txt'), file('copy.txt')]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[2]).toBe(
      '5 aligned sentence pairs (3 identical, 2 edited, 0 paraphrased) · 0 only in A · 0 only in B',
    );
    // Not a terminal: no colour, so the changed words carry [-removed-] and {+added+} marks.
    const first = lines.findIndex((l) => l.startsWith('[1] '));
    expect(lines[first]).toMatch(/^\[1\] \[-REDMARSH \(Coastwire\) —-\] A passenger .* ~ \[1\] A passenger ferry/);
    expect(lines.slice(first, first + 5).join('\n')).toContain('{+more than+} 40');
    expect(lines.find((l) => l.startsWith('[2] '))).toMatch(/^\[2\] The ferry, the Marram Queen, .* = \[2\] The ferry/);
  }, 120_000);

  describe('on a store that ingest filled', () => {
    let db: string;
    let story: string;
    let stored: string[];
    beforeAll(async () => {
      db = path.join(dir, 'store.db');
      const ingest = JSON.parse((await runCli(['--db', db, '--json', 'ingest', input])).stdout);
      stored = ingest.inserted;
      [story] = ingest.stories.newStories;
    }, 120_000);

    it('diff takes stored article ids too, and names what it cannot find', async () => {
      // The story opened with the wire report: the other stored article is the outlet's copy.
      const copyId = stored.find((id) => story !== `story-${id}`) as string;
      const [fromStore, missing, usage] = await Promise.all([
        runCli(['--db', db, '--json', 'diff', file('wire.txt'), copyId.slice(0, 8)]),
        runCli(['--db', db, 'diff', file('wire.txt'), 'no-such-thing']),
        runCli(['diff', file('wire.txt')]),
      ]);
      expect(fromStore.code).toBe(0);
      const diff = JSON.parse(fromStore.stdout);
      expect(diff.b).toMatchObject({ id: copyId, outlet: 'Harbour Daily' });
      expect(diff.summary).toEqual({ identical: 3, edited: 2, paraphrased: 0, onlyA: 0, onlyB: 0 });
      expect(diff.rows[0].a.changes.length).toBeGreaterThan(0);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/^wiretrace: no-such-thing: no such file, and no such article in /);
      expect(usage.code).toBe(2);
    }, 120_000);

    it('trace and findings --story ID read the stored story', async () => {
      const [trace, findings, missing] = await Promise.all([
        runCli(['--db', db, 'trace', '--story', story.replace(/^story-/, '').slice(0, 6)]),
        runCli(['--db', db, '--json', 'findings', '--story', story]),
        runCli(['--db', db, 'findings', '--story', 'ffffff']),
      ]);
      expect(trace.stdout).toMatch(/^Story: Ferry runs aground off Gull Point \(2 articles, story-[0-9a-f]{16}\)/);
      expect(trace.stdout).toContain('└─▶ Harbour Daily');
      const result = JSON.parse(findings.stdout) as AnalysisResult;
      expect(result.stories.map((s) => [s.id, s.findings.length])).toEqual([[story, 2]]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/^wiretrace: ffffff: no such story in /);
    }, 120_000);
  });

  it('exit status: 1 for bad inputs (the rest is still reported), 2 for usage', async () => {
    writeFileSync(file('empty.txt'), '');
    const [withBad, noInputs, both] = await Promise.all([
      runCli(['trace', input]),
      runCli(['findings']),
      runCli(['trace', '--story', 'abc', input]),
    ]);
    rmSync(file('empty.txt'));
    expect(withBad.code).toBe(1);
    expect(withBad.stderr).toMatch(/^wiretrace: .*empty\.txt: /);
    expect(withBad.stdout).toContain('└─▶ Harbour Daily');
    expect(noInputs.code).toBe(2);
    expect(noInputs.stderr).toContain('no inputs: give PATHS… or --story ID');
    expect(both.code).toBe(2);
  }, 120_000);
});
