/**
 * Segmentation (paragraphs, sentences, tokens with lemmas and POS) on worker threads, for the
 * store: the NLP pass is most of the cost of ingesting a plain-text article and needs nothing but
 * the article's own text, so `ingest` segments a batch on every core while the main thread reads,
 * cleans and stores the batches around it.
 *
 *     const pool = new SegmentPool({ workers: 2 });
 *     const articles = await pool.segment(cleanArticles); // same order; an Error where one failed
 *     await pool.close();
 *
 * Only the text crosses to a worker, and only paragraphs and sentences come back, the sentences
 * in the store's encoding (see articleWithEncodedSentences): the rest of a clean article
 * (metadata, credits, the offset map) stays on the main thread.
 */
import type { Article, CleanArticle } from '../core/types.js';
import { siblingWorker, WorkerPool } from '../core/worker-pool.js';
import { articleWithEncodedSentences } from './codec.js';
import type { SegmentResult } from './segment-worker.js';

export interface SegmentPoolOptions {
  /** Worker threads (default: the cores available). */
  workers?: number;
}

export class SegmentPool {
  readonly size: number;
  private readonly pool: WorkerPool<string, SegmentResult>;

  constructor(options: SegmentPoolOptions = {}) {
    this.pool = new WorkerPool(siblingWorker(import.meta.url, 'segment-worker'), {
      workers: options.workers,
      name: 'segment worker',
    });
    this.size = this.pool.size;
  }

  /** Resolves once every worker has loaded the NLP model. */
  ready(): Promise<void> {
    return this.pool.ready();
  }

  /**
   * The articles segmented, in the order given, a batch shared out between the workers; an
   * article that cannot be segmented is an Error in its place. Rejects only when a worker dies.
   */
  async segment(cleans: readonly CleanArticle[]): Promise<(Article | Error)[]> {
    const share = Math.ceil(cleans.length / this.size);
    const parts: Promise<SegmentResult[]>[] = [];
    for (let i = 0; i < cleans.length; i += share)
      parts.push(this.pool.run(cleans.slice(i, i + share).map((c) => c.text)));
    const results = (await Promise.all(parts)).flat();
    return cleans.map((clean, i) => {
      const result = results[i];
      return 'error' in result
        ? new Error(result.error)
        : articleWithEncodedSentences(clean, result.paragraphs, result.sentences);
    });
  }

  /** Stops the workers; batches in flight are rejected. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
