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
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RawArticle } from '../core/types.js';
import type { DocumentFeatures, FeatureSettings } from './document-features.js';
import type { FeatureReply, FeatureRequest } from './feature-worker.js';
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

interface Pending {
  worker: number;
  resolve: (features: DocumentFeatures[]) => void;
  reject: (error: Error) => void;
}

/**
 * From dist/ the worker is plain .js. From source (tsx, vitest) it is the .ts file, which Node 20
 * cannot start even when the parent runs under tsx (a worker does not get the loader's hooks for
 * its entry point): a one-line bootstrap loads it through tsx's API instead.
 */
function workerEntry(): { entry: URL | string; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { entry: new URL('./feature-worker.js', import.meta.url), eval: false };
  const worker = new URL('./feature-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(worker)}, ${JSON.stringify(worker)}))`;
  return { entry, eval: true };
}

export class FeaturePool {
  readonly size: number;
  private readonly batchSize: number;
  private readonly workers: Worker[] = [];
  /** Batches sent to each worker and not yet answered. */
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly started: Promise<void>[] = [];
  private seq = 0;
  private closed = false;
  /** Why the pool can no longer work (a worker died), if it cannot. */
  private broken: Error | undefined;

  constructor(options: FeaturePoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? availableParallelism());
    this.batchSize = Math.max(1, options.batchSize ?? 8);
    const clusterer = { ...DEFAULT_CLUSTERER_OPTIONS, ...options.clusterer };
    const settings: FeatureSettings = { ledeTokens: clusterer.ledeTokens, duplicates: clusterer.duplicates };
    const { entry, eval: isCode } = workerEntry();
    for (let w = 0; w < this.size; w++) {
      const worker = new Worker(entry, { workerData: settings, eval: isCode });
      // An idle worker must not keep the process alive; one with work in hand is ref'd (see run).
      worker.unref();
      const started = new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', () => reject(new Error('feature worker exited before it was ready')));
      });
      // Only `ready` reports a failed start; `features` hears of it through the pending batches.
      started.catch(() => {});
      this.started.push(started);
      worker.on('message', (reply: FeatureReply) => this.settle(reply));
      worker.on('error', (error) => this.fail(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => this.fail(new Error(`feature worker ${w} exited with code ${code}`)));
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  /**
   * Resolves once every worker has loaded the NLP model (a second or so): for timings that
   * leave start-up out. Not needed before `features`, whose batches simply wait.
   */
  async ready(): Promise<void> {
    for (const worker of this.workers) worker.ref();
    try {
      await Promise.all(this.started);
    } finally {
      for (const [w, worker] of this.workers.entries()) if (this.load[w] === 0) worker.unref();
    }
  }

  /** Features of each job, in the order given; a few batches are prepared ahead of the reader. */
  async *features(jobs: Iterable<FeatureJob> | AsyncIterable<FeatureJob>): AsyncGenerator<DocumentFeatures> {
    const ahead: Promise<DocumentFeatures[]>[] = [];
    // Enough batches in hand that a worker still has work while the reading thread is descheduled
    // (on a shared machine, three threads take turns on two cores).
    const limit = 4 * this.size;
    let batch: FeatureJob[] = [];
    const send = () => {
      const result = this.run(batch);
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
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    for (const [seq, p] of this.pending) {
      this.pending.delete(seq);
      p.reject(new Error('feature pool closed'));
    }
  }

  private run(jobs: FeatureJob[]): Promise<DocumentFeatures[]> {
    if (this.closed || this.broken) return Promise.reject(this.broken ?? new Error('feature pool closed'));
    const seq = this.seq++;
    // Batches go round in turn, never to whichever worker is free first: see "history" above.
    const worker = seq % this.size;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { worker, resolve, reject });
      if (this.load[worker]++ === 0) this.workers[worker].ref();
      this.workers[worker].postMessage({ seq, jobs } satisfies FeatureRequest);
    });
  }

  private settle(reply: FeatureReply): void {
    if ('ready' in reply) return;
    const p = this.pending.get(reply.seq);
    if (!p) return;
    this.pending.delete(reply.seq);
    if (--this.load[p.worker] === 0) this.workers[p.worker].unref();
    if ('error' in reply) p.reject(new Error(`feature worker: ${reply.error}`));
    else p.resolve(reply.features);
  }

  /** A worker died: the batches it held are lost, so the pool stops rather than skip articles. */
  private fail(error: Error): void {
    if (this.closed || this.broken) return;
    this.broken = error;
    for (const [seq, p] of this.pending) {
      this.pending.delete(seq);
      p.reject(error);
    }
    for (const worker of this.workers) worker.unref();
    void this.close();
  }
}
