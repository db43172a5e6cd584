/**
 * Batches of jobs run on worker threads, each batch's results in the order of its jobs. What the
 * NLP stages do to one article needs nothing from the articles before it, and it is most of the
 * cost of ingesting one, so a stream can be prepared on every core while one thread stores and
 * clusters in order. FeaturePool (clustering features) and SegmentPool (segmentation for the
 * store) are built on it; their worker files answer with serveBatches (worker-port.ts).
 *
 * Batches go to the workers in turn (batch n to worker n mod size), never to whichever is free
 * first, so that a stream, worker count and batch size always give the same results even when a
 * worker's output depends on what it read before (wink-nlp learns the words it meets).
 *
 * Idle workers do not keep the process alive, so a pool left open does not hang it; a worker that
 * dies breaks the pool (its batches are lost), and every later batch is rejected with that error.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchReply, BatchRequest } from './worker-port.js';

export interface WorkerPoolOptions {
  /** Worker threads (default: the cores available). */
  workers?: number;
  /** Passed to every worker as `workerData` (structured clone). */
  workerData?: unknown;
  /** A name for error messages ("segment worker 1 exited with code 1"). */
  name: string;
}

interface Pending<R> {
  worker: number;
  resolve: (results: R[]) => void;
  reject: (error: Error) => void;
}

/**
 * From dist/ a worker file is plain .js. From source (tsx, vitest) it is a .ts file, which Node 20
 * cannot start even when the parent runs under tsx (a worker does not get the loader's hooks for
 * its entry point): a one-line bootstrap loads it through tsx's API instead.
 */
function workerEntry(file: URL): { entry: URL | string; eval: boolean } {
  if (!file.pathname.endsWith('.ts')) return { entry: file, eval: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  const href = JSON.stringify(file.href);
  return { entry: `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${href}, ${href}))`, eval: true };
}

/**
 * The worker file of a stage, next to the module asking for it: `feature-worker.js` beside a
 * compiled module, `feature-worker.ts` beside a source one.
 */
export function siblingWorker(moduleUrl: string, name: string): URL {
  return new URL(`./${name}${moduleUrl.endsWith('.ts') ? '.ts' : '.js'}`, moduleUrl);
}

export class WorkerPool<J, R> {
  readonly size: number;
  private readonly name: string;
  private readonly workers: Worker[] = [];
  /** Batches sent to each worker and not yet answered. */
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending<R>>();
  private readonly started: Promise<void>[] = [];
  private seq = 0;
  private closed = false;
  private broken: Error | undefined;

  constructor(file: URL, options: WorkerPoolOptions) {
    this.size = Math.max(1, options.workers ?? availableParallelism());
    this.name = options.name;
    const { entry, eval: isCode } = workerEntry(file);
    for (let w = 0; w < this.size; w++) {
      const worker = new Worker(entry, { workerData: options.workerData, eval: isCode });
      // An idle worker must not keep the process alive; one with work in hand is ref'd (see run).
      worker.unref();
      const started = new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
        worker.once('exit', () => reject(new Error(`${this.name} exited before it was ready`)));
      });
      // Only `ready` reports a failed start; `run` hears of it through its pending batches.
      started.catch(() => {});
      this.started.push(started);
      worker.on('message', (reply: BatchReply<R>) => this.settle(reply));
      worker.on('error', (error) => this.fail(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => this.fail(new Error(`${this.name} ${w} exited with code ${code}`)));
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  /**
   * Resolves once every worker has started (loaded its NLP model: a second or so): for timings
   * that leave start-up out. Not needed before `run`, whose batches simply wait.
   */
  async ready(): Promise<void> {
    for (const worker of this.workers) worker.ref();
    try {
      await Promise.all(this.started);
    } finally {
      for (const [w, worker] of this.workers.entries()) if (this.load[w] === 0) worker.unref();
    }
  }

  /** The results of one batch, in the order of its jobs. */
  run(jobs: J[]): Promise<R[]> {
    if (this.closed || this.broken) return Promise.reject(this.broken ?? new Error(`${this.name} pool closed`));
    const seq = this.seq++;
    const worker = seq % this.size;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { worker, resolve, reject });
      if (this.load[worker]++ === 0) this.workers[worker].ref();
      this.workers[worker].postMessage({ seq, jobs } satisfies BatchRequest<J>);
    });
  }

  /** Stops the workers; batches still in flight are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    for (const [seq, p] of this.pending) {
      this.pending.delete(seq);
      p.reject(new Error(`${this.name} pool closed`));
    }
  }

  private settle(reply: BatchReply<R>): void {
    if ('ready' in reply) return;
    const p = this.pending.get(reply.seq);
    if (!p) return;
    this.pending.delete(reply.seq);
    if (--this.load[p.worker] === 0) this.workers[p.worker].unref();
    if ('error' in reply) p.reject(new Error(`${this.name}: ${reply.error}`));
    else p.resolve(reply.results);
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
