import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFromText } from '../core/prepare.js';
import { openStore, type Store } from './store.js';

const pgUrl = process.env.WIRETRACE_TEST_PG;

/** One fresh store per engine: an SQLite file in a temp dir, a throwaway PostgreSQL schema. */
const engines: { name: string; open: () => Promise<{ store: Store; cleanup: () => Promise<void> }> }[] = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'wiretrace-store-'));
      const store = await openStore(path.join(dir, 'test.db'));
      return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
];
if (pgUrl) {
  engines.push({
    name: 'postgres',
    open: async () => {
      const schema = `wiretrace_test_${process.pid}_${Date.now()}`;
      const store = await openStore(pgUrl, { schema });
      return {
        store,
        cleanup: async () => {
          const client = new pg.Client({ connectionString: pgUrl });
          await client.connect();
          await client.query(`drop schema if exists ${schema} cascade`);
          await client.end();
        },
      };
    },
  });
}

const harbour = articleFromText(
  'Fire at the harbour\n\nA fire broke out at the harbour on Tuesday. At least 14 people were injured, officials said.\n\n"We were lucky," said Mr. Ilse Varga, the harbour master.',
  { source: 'harbour.txt' },
);
const council = articleFromText(
  'Council votes on budget\n\nThe city council approved the budget by seven votes to two.',
  {
    source: 'council.txt',
    title: 'Council votes on budget',
    published: '2026-03-14T09:30:00Z',
    outlet: 'Northwire',
  },
);

describe.each(engines)('store on $name', ({ open }) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await open());
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  it('stores an article and gives it back exactly, sentences and tokens included', async () => {
    const saved = await store.saveArticles([harbour, council]);
    expect(saved.inserted.sort()).toEqual([harbour.id, council.id].sort());
    expect(await store.getArticle(harbour.id)).toEqual(harbour);
    expect(await store.getArticle(council.id)).toEqual(council);
    expect(await store.getArticle('nope')).toBeUndefined();
  });

  it('never duplicates: the same content again only fills metadata the stored copy lacked', async () => {
    const again = { ...harbour, source: 'mirror.html', published: '2026-03-10', outlet: 'Harbour Gazette' };
    const saved = await store.saveArticles([again, council]);
    expect(saved).toEqual({ inserted: [], updated: [harbour.id], unchanged: [council.id] });
    expect(await store.countArticles()).toBe(2);
    const stored = await store.getArticle(harbour.id);
    expect(stored?.published).toBe('2026-03-10');
    expect(stored?.outlet).toBe('Harbour Gazette');
    expect(stored?.source).toBe('harbour.txt');
    // Existing metadata is never overwritten by a later copy.
    await store.saveArticles([{ ...council, outlet: 'Other Outlet' }]);
    expect((await store.getArticle(council.id))?.outlet).toBe('Northwire');
  });

  it('treats two copies inside one batch as one article, and counts the copy as an input', async () => {
    const text = articleFromText('Ferry timetable changes\n\nThe ferry will leave an hour later from Monday.');
    const saved = await store.saveArticles([text, { ...text, outlet: 'Ferry News' }, text]);
    expect(saved).toEqual({ inserted: [text.id], updated: [], unchanged: [text.id, text.id] });
    expect((await store.getArticle(text.id))?.outlet).toBe('Ferry News');
  });

  it('rolls a failing batch back as a whole', async () => {
    const before = await store.countArticles();
    const good = articleFromText('Bridge reopens\n\nThe old bridge reopened to traffic on Friday morning.');
    // A row that violates NOT NULL makes the INSERT fail after the first row was accepted.
    const broken = { ...articleFromText('Broken row\n\nThis one cannot be stored.'), title: null as unknown as string };
    await expect(store.saveArticles([good, broken])).rejects.toThrow();
    expect(await store.countArticles()).toBe(before);
    expect(await store.getArticle(good.id)).toBeUndefined();
  });

  it('lists articles by publication date, undated last, and resolves id prefixes', async () => {
    const list = await store.listArticles();
    expect(list.map((a) => a.id)).toEqual([harbour.id, council.id, ...list.slice(2).map((a) => a.id)]);
    expect(list[1]).toMatchObject({ title: 'Council votes on budget', outlet: 'Northwire', credits: [] });
    expect(await store.resolveId(council.id.slice(0, 6))).toContain(council.id);
    expect(await store.resolveId('%')).toEqual([]);
  });

  it('knows which content hashes it holds, so a resumed ingest can skip them', async () => {
    const known = await store.knownHashes([harbour.contentHash, 'f'.repeat(64)]);
    expect([...known]).toEqual([harbour.contentHash]);
  });

  it('keeps input errors for review', async () => {
    await store.recordErrors([{ source: 'bad.bin', reason: 'binary file' }]);
    const rows = await store.db.selectFrom('ingest_errors').selectAll().execute();
    expect(rows).toMatchObject([{ source: 'bad.bin', reason: 'binary file' }]);
  });
});

describe('opening a store', () => {
  it('migrates once: reopening an existing SQLite file keeps its articles', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiretrace-store-'));
    const file = path.join(dir, 'reopen.db');
    const first = await openStore(file);
    await first.saveArticles([council]);
    await first.close();
    const second = await openStore(file);
    expect(await second.getArticle(council.id)).toEqual(council);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
