import { cleanArticle } from '../clean/index.js';
import type { Article, CleanArticle, InputError, RawArticle } from '../core/types.js';
import { readInputs } from '../ingest/index.js';
import { segmentArticle } from '../segment/index.js';
import { SegmentPool } from './segment-pool.js';
import type { SaveResult, Store } from './store.js';

export interface IngestOptions {
  /**
   * Articles per transaction. A killed run loses at most the batch in flight; larger batches save
   * commits (100 keeps SQLite's per-commit fsync below 1% of the time spent segmenting).
   */
  batchSize?: number;
  /** Called for every input that could not become an article (one line per input for the CLI). */
  onError?: (error: InputError) => void;
  /** Called after each input is read, with running totals, for progress display. */
  onProgress?: (progress: IngestProgress) => void;
  /** Called after each committed batch with its new articles, e.g. to cluster as we go. */
  onBatch?: (inserted: Article[], saved: SaveResult) => void | Promise<void>;
  /**
   * Worker threads to segment on (default 0: this thread). With two or more, a batch is segmented
   * on the workers while this thread reads and cleans the next one and stores the one before. The
   * workers start with the first full batch that holds new content, so a small ingest, or the
   * stored part of a resumed one, never pays for their start-up.
   */
  workers?: number;
}

export interface IngestProgress {
  read: number;
  failed: number;
  source: string;
}

export interface IngestSummary {
  inserted: string[];
  updated: string[];
  unchanged: string[];
  errors: InputError[];
}

/** Readers yield articles and errors in one stream; an error has a reason and no format. */
export function isInputError(item: object): item is InputError {
  return 'reason' in item && !('format' in item);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Cleans one raw article, or says why it cannot be one. */
export function cleanOrError(raw: RawArticle): CleanArticle | InputError {
  try {
    const clean = cleanArticle(raw);
    if (clean.text.trim() === '') return { source: raw.source, reason: 'no article text left after cleaning' };
    return clean;
  } catch (error) {
    return { source: raw.source, reason: `cannot clean: ${describe(error)}` };
  }
}

/**
 * readInputs → clean → segment → store, one transaction per batch, batches stored in input order.
 * Content already stored (by hash) is not segmented again, so re-running a killed ingest skips
 * quickly to where it stopped. Bad inputs are reported and skipped; a store failure throws
 * (nothing of that batch is kept).
 */
export async function ingestIntoStore(
  store: Store,
  inputs: string[] | AsyncIterable<RawArticle | InputError> | Iterable<RawArticle | InputError>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const workers = options.workers ?? 0;
  const summary: IngestSummary = { inserted: [], updated: [], unchanged: [], errors: [] };
  const items = Array.isArray(inputs) && inputs.every((i) => typeof i === 'string') ? readInputs(inputs) : inputs;
  let read = 0;
  let batch: CleanArticle[] = [];
  let batchErrors: InputError[] = [];
  let pool: SegmentPool | undefined;
  // The previous batch on its way to the store; awaited before the next is stored, so that batches
  // land in order and a store failure stops the run.
  let storing: Promise<void> = Promise.resolve();

  const report = (error: InputError, errors: InputError[]) => {
    summary.errors.push(error);
    errors.push(error);
    options.onError?.(error);
  };

  const segment = async (fresh: CleanArticle[]): Promise<(Article | Error)[]> => {
    if (pool) return pool.segment(fresh);
    return fresh.map((clean) => {
      try {
        return segmentArticle(clean);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    });
  };

  const save = async (ready: (Article | CleanArticle)[], errors: InputError[]) => {
    const saved = await store.saveArticles(ready);
    await store.recordErrors(errors);
    summary.inserted.push(...saved.inserted);
    summary.updated.push(...saved.updated);
    summary.unchanged.push(...saved.unchanged);
    if (options.onBatch) {
      const fresh = new Set(saved.inserted);
      const inserted = ready.filter((a): a is Article => fresh.has(a.id) && 'sentences' in a);
      await options.onBatch(inserted, saved);
    }
  };

  const flush = async (more: boolean) => {
    const cleans = batch;
    const errors = batchErrors;
    batch = [];
    batchErrors = [];
    const known = await store.knownHashes(cleans.map((c) => c.contentHash));
    const fresh = cleans.filter((c) => !known.has(c.contentHash));
    if (more && workers > 1 && !pool && fresh.length > 0) pool = new SegmentPool({ workers });
    const segmented = segment(fresh);
    segmented.catch(() => {});
    await storing;
    storing = (async () => {
      const results = await segmented;
      const byClean = new Map(fresh.map((c, i) => [c, results[i]]));
      const ready: (Article | CleanArticle)[] = [];
      for (const clean of cleans) {
        const result = byClean.get(clean) ?? clean;
        if (result instanceof Error)
          report({ source: clean.source, reason: `cannot segment: ${result.message}` }, errors);
        else ready.push(result);
      }
      await save(ready, errors);
    })();
    storing.catch(() => {});
  };

  try {
    for await (const item of items as AsyncIterable<RawArticle | InputError>) {
      read++;
      const clean = isInputError(item) ? item : cleanOrError(item);
      if (isInputError(clean)) report(clean, batchErrors);
      else batch.push(clean);
      options.onProgress?.({ read, failed: summary.errors.length, source: item.source });
      if (batch.length >= batchSize) await flush(true);
    }
    if (batch.length > 0 || batchErrors.length > 0) await flush(false);
    await storing;
  } finally {
    // A batch already handed over is still stored when the input fails: it was complete.
    await storing.catch(() => {});
    await pool?.close();
  }
  return summary;
}
