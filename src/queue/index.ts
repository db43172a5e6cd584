export { type EnqueueOptions, type EnqueueSummary, enqueueInputs } from './enqueue.js';
export { CLUSTER_QUEUE, INGEST_QUEUE, type IngestJob } from './jobs.js';
export { openQueue, QUEUE_SCHEMA, type QueueOptions } from './open-queue.js';
export { runWorker, type WorkerOptions, type WorkerSummary } from './worker.js';
