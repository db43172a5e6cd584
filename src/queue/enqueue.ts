import type PgBoss from 'pg-boss';
import type { InputError, RawArticle } from '../core/types.js';
import { readJsonLines, STDIN_NAME } from '../ingest/index.js';
import { type LoadedFile, loadFile, readLoaded } from '../ingest/read-file.js';
import { isInputError } from '../ingest/types.js';
import { expandPaths } from '../ingest/walk.js';
import { INGEST_QUEUE, type IngestJob, MAX_JOB_TEXT_BYTES, RECORDS_PER_JOB } from './jobs.js';

export interface EnqueueOptions {
  /** Standard input, for "-" (JSONL). */
  stdin?: NodeJS.ReadableStream;
  /** Called for every input that cannot be sent (unreadable file, malformed record). */
  onError?: (error: InputError) => void;
  /** Called after each job is sent, with running totals. */
  onProgress?: (progress: EnqueueSummary) => void;
}

export interface EnqueueSummary {
  /** Jobs sent. */
  jobs: number;
  /** Files sent whole, for a worker to parse. */
  files: number;
  /** Articles sent already read (standard input, JSONL and WARC streams, very large files). */
  records: number;
  errors: InputError[];
}

/** Jobs sent per round trip to the database. */
const JOBS_PER_INSERT = 50;

/**
 * Paths → jobs on the ingest queue, in input order, for any number of `wiretrace worker`s to
 * store. Only the I/O happens here: a file goes as its decoded text and is parsed by a worker
 * (HTML extraction is most of the cost of a page). Streams and files too large for one job row
 * are read here and go as batches of records. Files that cannot be read are reported, not sent.
 */
export async function enqueueInputs(
  boss: PgBoss,
  paths: readonly string[],
  options: EnqueueOptions = {},
): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { jobs: 0, files: 0, records: 0, errors: [] };
  let pending: IngestJob[] = [];
  let records: RawArticle[] = [];
  let recordBytes = 0;

  const flushJobs = async () => {
    if (pending.length === 0) return;
    await boss.insert(pending.map((data) => ({ name: INGEST_QUEUE, data })));
    summary.jobs += pending.length;
    pending = [];
    options.onProgress?.(summary);
  };
  const send = async (job: IngestJob) => {
    pending.push(job);
    if (pending.length >= JOBS_PER_INSERT) await flushJobs();
  };
  const flushRecords = async () => {
    if (records.length === 0) return;
    const batch = records;
    records = [];
    recordBytes = 0;
    await send({ kind: 'records', records: batch });
  };
  const sendRecords = async (items: AsyncIterable<RawArticle | InputError> | Iterable<RawArticle | InputError>) => {
    for await (const item of items) {
      if (isInputError(item)) {
        summary.errors.push(item);
        options.onError?.(item);
        continue;
      }
      records.push(item);
      summary.records++;
      recordBytes += item.body.length * 2;
      if (records.length >= RECORDS_PER_JOB || recordBytes >= MAX_JOB_TEXT_BYTES) await flushRecords();
    }
    await flushRecords();
  };

  for await (const item of expandPaths(paths)) {
    if (item.kind === 'error') {
      summary.errors.push(item.error);
      options.onError?.(item.error);
    } else if (item.kind === 'stdin') {
      await sendRecords(readJsonLines((options.stdin ?? process.stdin) as import('node:stream').Readable, STDIN_NAME));
    } else {
      const loaded: LoadedFile = await loadFile(item.path);
      if (loaded.kind === 'text' && Buffer.byteLength(loaded.text) <= MAX_JOB_TEXT_BYTES) {
        await flushRecords();
        await send({
          kind: 'file',
          source: item.path,
          format: loaded.format,
          text: loaded.text,
          fromDirectory: item.fromDirectory,
        });
        summary.files++;
      } else {
        await sendRecords(readLoaded(item.path, loaded, { fromDirectory: item.fromDirectory }));
      }
    }
  }
  await flushRecords();
  await flushJobs();
  return summary;
}
