import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { afterEach, describe, expect, it } from 'vitest';
import type { InputError } from '../core/types.js';
import { clusterStoredArticles } from '../store/clustering.js';
import { ingestIntoStore } from '../store/ingest.js';
import { openStore, type Store } from '../store/store.js';
import { enqueueInputs } from './enqueue.js';
import { INGEST_QUEUE } from './jobs.js';
import { openQueue } from './open-queue.js';
import { runWorker } from './worker.js';

const pgUrl = process.env.WIRETRACE_TEST_PG;
const examples = path.resolve('examples');

/** Each story as its sorted article ids, all sorted: comparable across stores. */
async function storyGroups(store: Store): Promise<string[][]> {
  const groups: string[][] = [];
  for (const story of await store.listStories())
    groups.push((await store.storyMembers(story.id)).map((m) => m.article).sort());
  return groups.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

it('refuses an SQLite store: workers on other machines could not share it', async () => {
  await expect(openQueue('wiretrace.db')).rejects.toThrow(/needs a PostgreSQL store/);
});

describe.skipIf(!pgUrl)('job queue on PostgreSQL', () => {
  const url = pgUrl as string;
  const schema = `wiretrace_queue_test_${process.pid}_${Date.now()}`;
  const opened: { close: () => Promise<unknown> }[] = [];
  const open = async () => {
    const store = await openStore(url, { schema });
    const boss = await openQueue(url, { schema: `${schema}_jobs` });
    opened.push(store, { close: () => boss.stop({ graceful: false, wait: true }) });
    return { store, boss };
  };

  afterEach(async () => {
    for (const o of opened.splice(0)) await o.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.query(`drop schema if exists ${schema}_jobs cascade`);
    await client.end();
  });

  it('two workers sharing one queue store and cluster what one ingest would', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiretrace-queue-'));
    const reference = await openStore(path.join(dir, 'reference.db'));
    try {
      const expected = await ingestIntoStore(reference, [examples]);
      await clusterStoredArticles(reference);

      // Two "machines": each with its own connections to the one database.
      const first = await open();
      const second = await open();
      const sent = await enqueueInputs(first.boss, [examples]);
      expect(sent.errors).toEqual([]);
      expect(sent.files).toBeGreaterThan(3);

      const errors: InputError[] = [];
      const options = { untilEmpty: true, jobsPerFetch: 2, pollMs: 50, onError: (e: InputError) => errors.push(e) };
      const [a, b] = await Promise.all([
        runWorker(first.boss, first.store, options),
        runWorker(second.boss, second.store, options),
      ]);

      expect(a.ingestJobs + b.ingestJobs).toBe(sent.jobs);
      expect(a.ingestJobs).toBeGreaterThan(0);
      expect(b.ingestJobs).toBeGreaterThan(0);
      // The examples' one deliberately bad feed item is found by whichever worker parsed it.
      expect(errors.map((e) => e.source)).toEqual(expected.errors.map((e) => e.source));
      const ids = (s: Store) => s.listArticles().then((list) => list.map((x) => x.id).sort());
      expect(await ids(first.store)).toEqual(await ids(reference));
      expect(await storyGroups(first.store)).toEqual(await storyGroups(reference));
      expect((await first.store.clusterInputs()).unclustered).toEqual([]);
    } finally {
      await reference.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('cancels a malformed job and records why, and stores the jobs beside it', async () => {
    const { store, boss } = await open();
    const bad = (await boss.send(INGEST_QUEUE, { kind: 'file', source: 'notes.txt' })) as string;
    await boss.send(INGEST_QUEUE, {
      kind: 'records',
      records: [{ source: 'wire.jsonl#1', format: 'json', body: 'The council approved the budget on Monday.' }],
    });
    const errors: InputError[] = [];
    const summary = await runWorker(boss, store, { untilEmpty: true, pollMs: 50, onError: (e) => errors.push(e) });

    expect(summary.failedJobs).toBe(1);
    expect(await store.countArticles()).toBe(1);
    expect(errors).toEqual([
      { source: `${INGEST_QUEUE} job ${bad}`, reason: expect.stringMatching(/^malformed job: format: /) },
    ]);
    const job = (await boss.getJobById(INGEST_QUEUE, bad)) as PgBoss.JobWithMetadata;
    expect(job.state).toBe('cancelled');
  }, 30_000);
});
