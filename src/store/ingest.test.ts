import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputError, RawArticle } from '../core/types.js';
import { ingestIntoStore } from './ingest.js';
import { openStore, type Store } from './store.js';

function raw(n: number): RawArticle {
  return {
    source: `feed.jsonl#${n}`,
    format: 'json',
    title: `Ferry report ${n}`,
    body: `The ferry number ${n} left the harbour at ${n} o'clock.\n\nPassengers said the crossing took ${n + 20} minutes.`,
  };
}

describe('ingestIntoStore', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wiretrace-ingest-'));
    file = path.join(dir, 'store.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores good articles, reports bad ones, and goes on', async () => {
    const store = await openStore(file);
    const errors: InputError[] = [];
    const items = [raw(1), { source: 'broken.jsonl#2', reason: 'malformed JSON' }, raw(3), { ...raw(4), body: '   ' }];
    const summary = await ingestIntoStore(store, items, { batchSize: 2, onError: (e) => errors.push(e) });
    expect(summary.inserted).toHaveLength(2);
    expect(errors).toEqual([
      { source: 'broken.jsonl#2', reason: 'malformed JSON' },
      { source: 'feed.jsonl#4', reason: 'no article text left after cleaning' },
    ]);
    expect(await store.countArticles()).toBe(2);
    await store.close();
  });

  it('resumes a killed run: committed batches survive, the re-run skips them and finishes', async () => {
    let store: Store = await openStore(file);
    async function* crashing(): AsyncIterable<RawArticle> {
      for (let n = 1; n <= 7; n++) {
        if (n === 6) throw new Error('killed');
        yield raw(n);
      }
    }
    // Batches of 2: {1,2} and {3,4} commit; 5 is in flight when the run dies.
    await expect(ingestIntoStore(store, crashing(), { batchSize: 2 })).rejects.toThrow('killed');
    expect(await store.countArticles()).toBe(4);
    await store.close();

    store = await openStore(file);
    const segmented: string[] = [];
    const summary = await ingestIntoStore(
      store,
      Array.from({ length: 7 }, (_, i) => raw(i + 1)),
      {
        batchSize: 2,
        onBatch: (inserted) => {
          segmented.push(...inserted.map((a) => a.source));
        },
      },
    );
    expect(summary.unchanged).toHaveLength(4);
    expect(summary.inserted).toHaveLength(3);
    expect(segmented).toEqual(['feed.jsonl#5', 'feed.jsonl#6', 'feed.jsonl#7']);
    expect(await store.countArticles()).toBe(7);
    await store.close();
  });

  it('segments on worker threads when asked, storing the same articles in the same order', async () => {
    const items = () => [...Array.from({ length: 9 }, (_, i) => raw(i + 1)), raw(2), { ...raw(10), body: ' ' }];
    const serialStore = await openStore(file);
    const serial = await ingestIntoStore(serialStore, items(), { batchSize: 2 });
    const pooledStore = await openStore(path.join(dir, 'pooled.db'));
    const batches: string[][] = [];
    const pooled = await ingestIntoStore(pooledStore, items(), {
      batchSize: 2,
      workers: 2,
      onBatch: (inserted) => {
        batches.push(inserted.map((a) => a.source));
      },
    });
    expect(pooled).toEqual(serial);
    expect(serial.inserted).toHaveLength(9);
    expect(serial.unchanged).toHaveLength(1);
    expect(serial.errors).toEqual([{ source: 'feed.jsonl#10', reason: 'no article text left after cleaning' }]);
    expect(batches.flat()).toEqual(Array.from({ length: 9 }, (_, i) => `feed.jsonl#${i + 1}`));
    expect(await pooledStore.getArticles(pooled.inserted)).toEqual(await serialStore.getArticles(serial.inserted));
    await serialStore.close();
    await pooledStore.close();
  });
});
