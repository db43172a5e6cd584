import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryListing } from '../../store/index.js';
import { runCli } from '../test-helpers/run-cli.js';

const market =
  'Redmarsh opens its first night market\n\n' +
  'The first night market in Redmarsh opened on Friday with 42 stalls along the old quay, the council said.\n\n' +
  '"People wanted somewhere to go after work," said organiser Leila Okafor, who spent two years on the plan.\n\n' +
  'The council gave the market a licence for six months. If the stalls still draw a crowd by September, the ' +
  'licence will be extended for two years and the quay lights will stay on until midnight on Fridays.\n\n' +
  'Traders paid 15 pounds a night for a pitch. Most sold hot food; a few sold books, plants and records, and a ' +
  'brass band from the secondary school played on the steps of the old customs house until late.';

const ferry =
  'Ferry to Skelding Isle cancelled for a week\n\n' +
  'The only ferry to Skelding Isle will not sail until next Thursday after an engine failed off Garrow Point, ' +
  'the operator Tidewell Lines said on Monday.\n\n' +
  'About 300 islanders rely on the crossing for supplies. A replacement vessel is being chartered from Arnholm, ' +
  'and a landing craft will carry fuel and medicine in the meantime, harbour master Piet Voskuil said.';

/** A store per engine: an SQLite file, and a throwaway PostgreSQL database when one is configured. */
const pgUrl = process.env.WIRETRACE_TEST_PG;
const engines: { name: string; store: (dir: string) => Promise<{ url: string; drop: () => Promise<void> }> }[] = [
  { name: 'sqlite', store: async (dir) => ({ url: path.join(dir, 'store.db'), drop: async () => {} }) },
];
if (pgUrl) {
  engines.push({
    name: 'postgres',
    store: async () => {
      const name = `wiretrace_cli_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(pgUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        drop: async () => {
          const client = new pg.Client({ connectionString: pgUrl });
          await client.connect();
          await client.query(`drop database if exists ${name} with (force)`);
          await client.end();
        },
      };
    },
  });
}

describe.each(engines)('wiretrace ingest and stories on $name', ({ store }) => {
  let dir: string;
  let db: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wiretrace-stories-'));
    ({ url: db, drop } = await store(dir));
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', 'market.txt'), `Published: 2026-05-01\n${market}`);
    // The same report with one line added and a syndication footer (lifted out as a credit): a
    // near copy, not a second story.
    writeFileSync(
      path.join(dir, 'in', 'market-copy.txt'),
      `Published: 2026-05-02\n${market}\n\nThe market returns next Friday.\n\nThis story was first published by the Redmarsh Gazette and is republished with permission.`,
    );
    writeFileSync(path.join(dir, 'in', 'ferry.txt'), `Published: 2026-05-03\n${ferry}`);
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingest clusters new articles and says so; a second ingest of the same files changes nothing', async () => {
    const first = await runCli(['--db', db, 'ingest', path.join(dir, 'in')]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      `3 inputs: 3 inserted, 0 updated, 0 unchanged, 0 failed (store: ${db})\n` +
        'stories: 3 clustered, 2 new stories, 0 joined, 1 copy; 2 stories in the store\n',
    );
    const again = await runCli(['--db', db, '--json', 'ingest', path.join(dir, 'in')]);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.unchanged).toHaveLength(3);
    expect(summary.stories).toEqual({
      clustered: 0,
      newStories: [],
      joined: 0,
      duplicates: 0,
      noise: 0,
      merged: [],
      stories: 2,
    });
  }, 240_000);

  it('stories lists them latest first, and one story with its articles; show names the story', async () => {
    // The machine is shared: each CLI start costs seconds, so independent runs go in parallel.
    const [listed, table] = await Promise.all([
      runCli(['--db', db, 'stories', '--json']),
      runCli(['--db', db, 'stories']),
    ]);
    expect(listed.code).toBe(0);
    const stories = JSON.parse(listed.stdout) as StoryListing[];
    expect(
      stories.map(({ title, size, duplicates, firstPublished, lastPublished }) => ({
        title,
        size,
        duplicates,
        firstPublished,
        lastPublished,
      })),
    ).toEqual([
      {
        title: 'Ferry to Skelding Isle cancelled for a week',
        size: 1,
        duplicates: 0,
        firstPublished: '2026-05-03T00:00:00.000Z',
        lastPublished: '2026-05-03T00:00:00.000Z',
      },
      {
        title: 'Redmarsh opens its first night market',
        size: 2,
        duplicates: 1,
        firstPublished: '2026-05-01T00:00:00.000Z',
        lastPublished: '2026-05-02T00:00:00.000Z',
      },
    ]);

    expect(table.stdout).toMatch(
      /^id +size +outlets +first +last +title\n[0-9a-f]{8} +1 +0 +2026-05-03 +2026-05-03 +Ferry to Skelding Isle/,
    );
    const shortId = stories[1].id.replace(/^story-/, '').slice(0, 6);
    const [one, missing] = await Promise.all([
      runCli(['--db', db, 'stories', shortId]),
      runCli(['--db', db, 'stories', 'ffffffff']),
    ]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(`id         ${stories[1].id}`);
    expect(one.stdout).toContain('articles   2 (1 copy)');
    expect(one.stdout).toMatch(/\n[0-9a-f]{8} +2026-05-02 +— +copy:[0-9a-f]{8} +Redmarsh opens/);

    const copyId = one.stdout.match(/\n([0-9a-f]{8}) +2026-05-02/)?.[1] as string;
    const show = await runCli(['--db', db, 'show', copyId]);
    expect(show.stdout).toMatch(
      /\nstory +[0-9a-f]{8} — Redmarsh opens its first night market \(2 articles, 0 outlets; copy of [0-9a-f]{8}\)\n/,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^wiretrace: ffffffff: no such story/);
  }, 240_000);
});

describe('wiretrace ingest --cluster-every', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wiretrace-stream-'));
    mkdirSync(path.join(dir, 'in'));
    // Read in name order: the later-dated copy arrives first, as happens in a live feed.
    writeFileSync(path.join(dir, 'in', 'a-ferry.txt'), `Published: 2026-05-03\n${ferry}`);
    writeFileSync(
      path.join(dir, 'in', 'b-market-copy.txt'),
      `Published: 2026-05-02\n${market}\n\nThe market returns next Friday.\n\nThis story was first published by the Redmarsh Gazette.`,
    );
    writeFileSync(path.join(dir, 'in', 'c-market.txt'), `Published: 2026-05-01\n${market}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('places articles as they arrive, so the copy that came first opens the story', async () => {
    const db = path.join(dir, 'stream.db');
    const args = ['--db', db, '--json', 'ingest', '--batch-size', '1', '--cluster-every', '1', path.join(dir, 'in')];
    const run = await runCli(args);
    expect(run.code).toBe(0);
    const { inserted, stories } = JSON.parse(run.stdout);
    expect(stories).toMatchObject({ clustered: 3, joined: 0, duplicates: 1, merged: [], stories: 2 });
    // inserted is in reading order: ferry, the copy, the original.
    expect(stories.newStories).toEqual([`story-${inserted[0]}`, `story-${inserted[1]}`]);
  }, 240_000);
});
