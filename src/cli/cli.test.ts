import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../core/types.js';
import { runCli } from './test-helpers/run-cli.js';

const text =
  'Redmarsh opens its first night market\n\n' +
  'The first night market in Redmarsh opened on Friday with 42 stalls along the old quay.\n\n' +
  '"People wanted somewhere to go after work," said organiser Leila Okafor. Mr. Okafor\'s brother runs the fish stall.\n\n' +
  'The council gave the market a licence for six months. If the stalls still draw a crowd by September, the licence ' +
  'will be extended for two years and the quay lights will stay on until midnight on Fridays and Saturdays.\n\n' +
  'Traders paid 15 pounds a night for a pitch. Most sold hot food; a few sold books, plants and second-hand records, ' +
  'and a brass band from the secondary school played on the steps of the old customs house.';

const page = (chrome: string) =>
  `<!doctype html><html><head><title>Redmarsh opens its first night market | ${chrome}</title>` +
  `<meta property="og:site_name" content="${chrome}"></head><body><nav><a href="/">${chrome} home</a></nav>` +
  `<article><h1>Redmarsh opens its first night market</h1>${text
    .split('\n\n')
    .slice(1)
    .map((p) => `<p>${p}</p>`)
    .join('')}</article><footer>More from ${chrome}</footer></body></html>`;

describe('wiretrace CLI', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wiretrace-cli-'));
    db = path.join(dir, 'store.db');
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', 'market.txt'), text);
    writeFileSync(path.join(dir, 'in', 'gazette.html'), page('Redmarsh Gazette'));
    writeFileSync(path.join(dir, 'in', 'mirror.html'), page('Coast Mirror'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('analyze --json lists each article once, with its exact copies (same text in other files or pages)', async () => {
    const run = await runCli(['analyze', '--json', path.join(dir, 'in')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as AnalysisResult;
    expect(result.errors).toEqual([]);
    expect(result.stories).toBeInstanceOf(Array);
    expect(result.articles).toHaveLength(1);
    const [gazette] = result.articles;
    expect(path.basename(gazette.path ?? '')).toBe('gazette.html');
    expect(gazette).toMatchObject({ title: 'Redmarsh opens its first night market', credits: [] });
    expect(gazette.id).toMatch(/^[0-9a-f]{16}$/);
    expect(gazette.copies?.map((c) => path.basename(c.path))).toEqual(['market.txt', 'mirror.html']);
    expect(gazette.copies?.[1]).toMatchObject({ outlet: 'Coast Mirror' });
  });

  it('analyze prints the report and leaves no store behind without --db', async () => {
    const run = await runCli(['analyze', path.join(dir, 'in')], { env: { HOME: dir } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Articles \(\d\)/);
    expect(run.stdout).toContain('Exact duplicates (1)');
    expect(run.stdout).toContain('mirror.html');
  });

  it('ingest, articles and show work on one store', async () => {
    expect((await runCli(['--db', db, '-q', 'ingest', path.join(dir, 'in', 'market.txt')])).code).toBe(0);
    const list = await runCli(['articles', '--db', db]);
    expect(list.stdout).toMatch(
      /^id {8}published {3}outlet +title\n[0-9a-f]{8} {2}— +— +Redmarsh opens its first night market\n$/,
    );
    const id = list.stdout.split('\n')[1].slice(0, 8);
    const show = await runCli(['--db', db, 'show', id.slice(0, 5)]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Redmarsh opens its first night market');
    expect(show.stdout).toMatch(/\[1\] The first night market in Redmarsh opened on Friday/);
    expect(show.stdout).toMatch(/\[2\] "People wanted somewhere to go after work," said organiser Leila Okafor\./);
    expect(show.stdout).toMatch(/\[3\] Mr\. Okafor's brother runs the fish stall\./);
  });

  it('exit status 1 for an unknown article, 2 for usage errors, 3 when the store fails', async () => {
    const [missing, unknown, noPaths, badBatch, badOption, help, noStore] = await Promise.all([
      runCli(['--db', db, 'show', 'ffffffff']),
      runCli(['frobnicate']),
      runCli(['ingest']),
      runCli(['ingest', '--batch-size', '0', 'x.txt']),
      runCli(['articles', '--no-such-option']),
      runCli(['--help']),
      runCli(['--db', dir, 'articles']),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^wiretrace: ffffffff: no such article/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
    expect(noPaths.code).toBe(2);
    expect(badBatch.code).toBe(2);
    expect(badOption.code).toBe(2);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/ingest.*\n(.*\n)*.*analyze/);
    expect(noStore.code).toBe(3);
    expect(noStore.stderr).toMatch(/^wiretrace: .*cannot open store/);
  });
});
