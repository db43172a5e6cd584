import { z } from 'zod';
import type { RawArticle } from '../core/types.js';

/** Files and records to read, clean, segment and store. Any worker may take any job. */
export const INGEST_QUEUE = 'wiretrace-ingest';

/**
 * "Place the stored articles that have no story yet". Stately: at most one such job waits and one
 * runs, so a hundred workers finishing a hundred batches ask for one clustering run, not a hundred,
 * and stories are only ever sorted by one run at a time.
 */
export const CLUSTER_QUEUE = 'wiretrace-cluster';

/**
 * Largest file sent to the queue as it is; larger ones (feeds, JSONL, WARC) are read where they
 * are and sent as batches of records, so that no job row holds hundreds of megabytes.
 */
export const MAX_JOB_TEXT_BYTES = 4 * 1024 * 1024;

/** Most records per job when a file is sent as records. */
export const RECORDS_PER_JOB = 100;

const rawArticleSchema = z.object({
  source: z.string(),
  format: z.enum(['txt', 'html', 'json', 'feed', 'warc']),
  externalId: z.string().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
  published: z.string().optional(),
  outlet: z.string().optional(),
  author: z.string().optional(),
  body: z.string(),
}) satisfies z.ZodType<RawArticle>;

/**
 * A job's data, checked when a worker takes it: jobs outlive the program version that sent them,
 * and a row someone edited by hand must fail with a reason, not half-ingest.
 */
export const ingestJobSchema = z.discriminatedUnion('kind', [
  /** A whole file's decoded text, parsed by the worker (HTML extraction is the costly part). */
  z.object({
    kind: z.literal('file'),
    source: z.string(),
    format: z.enum(['txt', 'html', 'json', 'feed']),
    text: z.string(),
    fromDirectory: z.boolean(),
  }),
  /** Articles already read by the sender (standard input, streams, very large files). */
  z.object({ kind: z.literal('records'), records: z.array(rawArticleSchema) }),
]);

export type IngestJob = z.infer<typeof ingestJobSchema>;
