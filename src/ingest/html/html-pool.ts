/**
 * HTML pages read on worker threads. A page costs tens of milliseconds (a full DOM, then
 * Readability), nearly all of it on the thread that parses, and pages are independent of each
 * other, so a directory of pages is read on every core while the main thread cleans and stores.
 *
 *     const pool = new HtmlPool({ workers: 2 });
 *     const result = await pool.read('page.html', html); // RawArticle or InputError, as readHtml
 *     await pool.close();
 */
import { siblingWorker, WorkerPool } from '../../core/worker-pool.js';
import type { ReadResult } from '../types.js';
import type { HtmlJob } from './html-worker.js';

export class HtmlPool {
  readonly size: number;
  private readonly pool: WorkerPool<HtmlJob, ReadResult>;

  constructor(options: { workers?: number } = {}) {
    this.pool = new WorkerPool(siblingWorker(import.meta.url, 'html-worker'), {
      workers: options.workers,
      name: 'HTML worker',
    });
    this.size = this.pool.size;
  }

  /** What readHtml would give for this page. Rejects only when a worker dies. */
  async read(source: string, html: string): Promise<ReadResult> {
    const [result] = await this.pool.run([{ source, html }]);
    return result;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
