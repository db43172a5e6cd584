import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import type { InputError, RawArticle } from '../core/types.js';
import { readLoaded } from '../ingest/read-file.js';
import { type ClusterRunSummary, clusterStoredArticles } from '../store/clustering.js';
import { type IngestSummary, ingestIntoStore } from '../store/ingest.js';
import type { Store } from '../store/store.js';
import { CLUSTER_QUEUE, INGEST_QUEUE, type IngestJob, ingestJobSchema } from './jobs.js';

export interface WorkerOptions {
  /** Ingest jobs taken at a time and stored together (default 16). */
  jobsPerFetch?: number;
  /** Stop once neither queue holds work, nor has any in progress elsewhere (default: run until aborted). */
  untilEmpty?: boolean;
  /** Wait between looks at an empty queue (default 2000 ms). */
  pollMs?: number;
  /** Stops the worker after the jobs in hand are finished. */
  signal?: AbortSignal;
  /** Threads to segment on, as for `ingestIntoStore` (default 0: this thread). */
  segmentWorkers?: number;
  onError?: (error: InputError) => void;
  /** After each batch of ingest jobs is stored. */
  onIngested?: (summary: IngestSummary, jobs: number) => void;
  /** After each clustering run. */
  onClustered?: (summary: ClusterRunSummary) => void;
  /** A job that failed as a whole (the store is down, say); it goes back to the queue to be retried. */
  onJobFailed?: (queue: string, jobId: string, reason: string) => void;
}

export interface WorkerSummary {
  ingestJobs: number;
  failedJobs: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: number;
  clusterRuns: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A job's articles (and unreadable parts) as a reader would have yielded them. */
async function* jobInputs(job: IngestJob): AsyncGenerator<RawArticle | InputError> {
  if (job.kind === 'records') yield* job.records;
  else yield* readLoaded(job.source, { kind: 'text', format: job.format, text: job.text }, job);
}

/**
 * Takes jobs from the ingest queue and stores their articles (ingest is idempotent, so a job
 * retried after a crash stores nothing twice); after each batch that added articles it asks for a
 * clustering run, and it runs the clustering jobs it finds. Any number of workers, on any number
 * of machines, can share one store this way: clustering runs one at a time (a stately queue), in
 * publication order over whatever is unplaced, exactly as `wiretrace ingest` does.
 */
export async function runWorker(boss: PgBoss, store: Store, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const summary: WorkerSummary = {
    ingestJobs: 0,
    failedJobs: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    errors: 0,
    clusterRuns: 0,
  };
  const jobsPerFetch = Math.max(1, options.jobsPerFetch ?? 16);
  const pollMs = options.pollMs ?? 2000;

  const fail = async (queue: string, id: string, reason: string) => {
    summary.failedJobs++;
    options.onJobFailed?.(queue, id, reason);
    await boss.fail(queue, id, { reason });
  };

  const ingest = async (jobs: PgBoss.Job<unknown>[]) => {
    const valid: { id: string; data: IngestJob }[] = [];
    const malformed: InputError[] = [];
    for (const job of jobs) {
      const parsed = ingestJobSchema.safeParse(job.data);
      if (parsed.success) {
        valid.push({ id: job.id, data: parsed.data });
        continue;
      }
      const issue = parsed.error.issues[0];
      const reason = `malformed job: ${issue ? `${issue.path.join('.') || 'data'}: ${issue.message}` : 'invalid data'}`;
      // It would fail the same way every time: cancelled rather than retried, and kept with the
      // store's input errors so that it shows up where every other refused input does.
      summary.failedJobs++;
      malformed.push({ source: `${INGEST_QUEUE} job ${job.id}`, reason });
      await boss.cancel(INGEST_QUEUE, job.id);
    }
    if (malformed.length > 0) {
      await store.recordErrors(malformed);
      summary.errors += malformed.length;
      for (const error of malformed) options.onError?.(error);
    }
    if (valid.length === 0) return;
    async function* inputs() {
      for (const job of valid) yield* jobInputs(job.data);
    }
    let result: IngestSummary;
    try {
      result = await ingestIntoStore(store, inputs(), {
        workers: options.segmentWorkers ?? 0,
        onError: (error) => options.onError?.(error),
      });
    } catch (error) {
      // The jobs go back to the queue to be tried again; what was committed before the failure
      // stays, and the retry finds it stored (ingest is idempotent).
      for (const job of valid) await fail(INGEST_QUEUE, job.id, `cannot store: ${describe(error)}`);
      return;
    }
    await boss.complete(
      INGEST_QUEUE,
      valid.map((j) => j.id),
    );
    summary.ingestJobs += valid.length;
    summary.inserted += result.inserted.length;
    summary.updated += result.updated.length;
    summary.unchanged += result.unchanged.length;
    summary.errors += result.errors.length;
    options.onIngested?.(result, valid.length);
    if (result.inserted.length > 0) await boss.send(CLUSTER_QUEUE, {});
  };

  const cluster = async (job: PgBoss.Job<unknown>) => {
    let result: ClusterRunSummary;
    try {
      result = await clusterStoredArticles(store);
    } catch (error) {
      await fail(CLUSTER_QUEUE, job.id, `cannot cluster: ${describe(error)}`);
      return;
    }
    await boss.complete(CLUSTER_QUEUE, job.id);
    summary.clusterRuns++;
    options.onClustered?.(result);
  };

  // Work anyone could still be doing: waiting, being retried, or in another worker's hands.
  const outstanding = async () =>
    (await boss.getQueueSize(INGEST_QUEUE, { before: 'completed' })) +
    (await boss.getQueueSize(CLUSTER_QUEUE, { before: 'completed' }));

  while (!options.signal?.aborted) {
    const jobs = await boss.fetch<unknown>(INGEST_QUEUE, { batchSize: jobsPerFetch });
    if (jobs.length > 0) {
      await ingest(jobs);
      continue;
    }
    const [clusterJob] = await boss.fetch<unknown>(CLUSTER_QUEUE, { batchSize: 1 });
    if (clusterJob) {
      await cluster(clusterJob);
      continue;
    }
    if (options.untilEmpty && (await outstanding()) === 0) break;
    await sleep(pollMs, undefined, { signal: options.signal }).catch(() => {});
  }
  return summary;
}
