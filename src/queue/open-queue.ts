import PgBoss from 'pg-boss';
import { engineFor } from '../store/connect.js';
import { CLUSTER_QUEUE, INGEST_QUEUE } from './jobs.js';

/** The PostgreSQL schema pg-boss keeps its tables in, beside the store's own tables. */
export const QUEUE_SCHEMA = 'wiretrace_queue';

export interface QueueOptions {
  /** Schema for the queue's tables (default QUEUE_SCHEMA); tests use a throwaway one. */
  schema?: string;
}

/**
 * The job queue of a PostgreSQL store, started, with both queues created (idempotent: every
 * sender and worker calls this, in any order). A queue needs PostgreSQL: it is what lets workers
 * on other machines share one stream, and an SQLite file cannot be shared that way.
 */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<PgBoss> {
  if (engineFor(url) !== 'postgres')
    throw new Error(`${url}: the job queue needs a PostgreSQL store (--db postgres://…), not an SQLite file`);
  const boss = new PgBoss({
    connectionString: url,
    schema: options.schema ?? QUEUE_SCHEMA,
    max: 4,
    // No cron schedules here; and a short-lived sender should not run queue maintenance.
    schedule: false,
  });
  // pg-boss reports background failures (a lost connection during maintenance) as events; an
  // EventEmitter with no listener would turn them into an uncaught exception. The next call on the
  // queue fails with the same cause and is reported there.
  boss.on('error', () => {});
  await boss.start();
  try {
    // A job that keeps failing (the store is down) is tried again later, with growing delays.
    await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, retryLimit: 4, retryDelay: 5, retryBackoff: true });
    await boss.createQueue(CLUSTER_QUEUE, {
      name: CLUSTER_QUEUE,
      policy: 'stately',
      retryLimit: 4,
      retryDelay: 5,
      retryBackoff: true,
    });
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw error;
  }
  return boss;
}
