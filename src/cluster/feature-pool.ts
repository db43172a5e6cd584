/**
 * Clean, segment and feature extraction of a stream of articles on worker threads, results in
 * input order, so that one thread can cluster (StoryClusterer.addFeatures) while the others
 * prepare the articles after it. Preparation (wink-nlp above all) is most of the cost of an
 * article and needs nothing from the stream so far; clustering is the part that must be serial.
 * History: wink-nlp's tokenizer learns the words it meets, and how it splits a word can depend
 * on words seen in earlier documents of the same thread ("McDonald’s" after "McDonald"). So an
 * article's tokens may depend on which articles its thread read before it: batches are dealt
 * to the workers in turn, so that a given stream, worker count and batch size always give the
 * same features. One thread reads every earlier article, a worker only its share: on the
 * generated bench stream the stories are the same as with StoryClusterer.add (the bench checks
 * it), while on the gva and ecbplus texts about 0.6% of articles get a slightly different term
 * ("@mcdonald" for "@mcdonald’s"), as they would in one thread after other input.
 *
 *     const clusterer = new StoryClusterer();
 *     const pool = new FeaturePool({ clusterer: clusterer.options });
 *     for await (const features of pool.features(jobs)) clusterer.addFeatures(features);
 *     await pool.close();
 *
 * Idle workers do not keep the process alive, so a pool left open does not hang it.
 */
import type { RawArticle } from '../core/types.js';
import { siblingWorker, WorkerPool } from '../core/worker-pool.js';
import type { DocumentFeatures, FeatureSettings } from './document-features.js';
import { DEFAULT_CLUSTERER_OPTIONS, type StoryClustererOptions } from './story-clusterer.js';

export interface FeatureJob {
  raw: RawArticle;
  /** The article's id in the clusterer (default: its content id, as prepareArticle gives it). */
  id?: string;
}

export interface FeaturePoolOptions {
  /** Worker threads (default: the cores available). */
  workers?: number;
  /** Articles per message: a message costs the same whatever it holds, so few large ones are cheaper. */
  batchSize?: number;
  /** Settings of the clusterer the features are for (its `ledeTokens` and `duplicates` matter). */
  clusterer?: Partial<StoryClustererOptions>;
}

export class FeaturePool {
  readonly size: number;
  private readonly batchSize: number;
  private readonly pool: WorkerPool<FeatureJob, DocumentFeatures>;

  constructor(options: FeaturePoolOptions = {}) {
    this.batchSize = Math.max(1, options.batchSize ?? 8);
    const clusterer = { ...DEFAULT_CLUSTERER_OPTIONS, ...options.clusterer };
    const settings: FeatureSettings = { ledeTokens: clusterer.ledeTokens, duplicates: clusterer.duplicates };
    this.pool = new WorkerPool(siblingWorker(import.meta.url, 'feature-worker'), {
      workers: options.workers,
      workerData: settings,
      name: 'feature worker',
    });
    this.size = this.pool.size;
  }

  /**
   * Resolves once every worker has loaded the NLP model (a second or so): for timings that
   * leave start-up out. Not needed before `features`, whose batches simply wait.
   */
  ready(): Promise<void> {
    return this.pool.ready();
  }

  /** Features of each job, in the order given; a few batches are prepared ahead of the reader. */
  async *features(jobs: Iterable<FeatureJob> | AsyncIterable<FeatureJob>): AsyncGenerator<DocumentFeatures> {
    const ahead: Promise<DocumentFeatures[]>[] = [];
    // Enough batches in hand that a worker still has work while the reading thread is descheduled
    // (on a shared machine, three threads take turns on two cores).
    const limit = 4 * this.size;
    let batch: FeatureJob[] = [];
    const send = () => {
      const result = this.pool.run(batch);
      // Handled now so that a failure is not reported as unhandled while earlier batches are read;
      // it is thrown when its turn comes.
      result.catch(() => {});
      ahead.push(result);
      batch = [];
    };
    for await (const job of jobs) {
      batch.push(job);
      if (batch.length < this.batchSize) continue;
      send();
      if (ahead.length >= limit) yield* await (ahead.shift() as Promise<DocumentFeatures[]>);
    }
    if (batch.length > 0) send();
    while (ahead.length > 0) yield* await (ahead.shift() as Promise<DocumentFeatures[]>);
  }

  /** Stops the workers; batches still in flight are rejected. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
