import type { InputError, RawArticle } from '../core/types.js';
import { formatFromExtension } from './formats.js';
import { HtmlPool } from './html/html-pool.js';
import { readJsonLines } from './jsonl.js';
import { type LoadedFile, loadFile, readLoaded } from './read-file.js';
import { inputError, type ReadResult } from './types.js';
import { expandPaths, type InputItem } from './walk.js';

export { toIsoDate } from './dates.js';
export { decodeBytes } from './decode.js';
export { readFeed } from './feed.js';
export { readHtml } from './html/index.js';
export { readJsonDocument, readJsonRecord } from './json.js';
export { readJsonLines } from './jsonl.js';
export { MAX_ARTICLE_FILE_BYTES, MAX_FEED_FILE_BYTES, MAX_RECORD_BYTES } from './limits.js';
export { readFile } from './read-file.js';
export { readText } from './txt.js';
export { inputError, isInputError, type ReadResult } from './types.js';
export { readWarc } from './warc.js';

/** The name standard input goes by in `source` ("stdin:3", "stdin#wire-1"). */
export const STDIN_NAME = 'stdin';

/** Files loaded ahead of the one being parsed (at most this many × the article size limit in memory). */
const READ_AHEAD = 8;

/**
 * HTML pages read on this thread before worker threads are started for the rest: starting them
 * costs about a second, a few pages do not repay it.
 */
const HTML_PAGES_BEFORE_WORKERS = READ_AHEAD;

export interface ReadInputsOptions {
  stdin?: NodeJS.ReadableStream;
  /** Threads that read HTML pages once there are more than a few (default 1: this thread). */
  workers?: number;
}

interface Queued {
  item: InputItem;
  loaded?: Promise<LoadedFile>;
  /** The page, read on a worker thread, when the file is HTML and workers are in use. */
  page?: Promise<ReadResult | undefined>;
}

/**
 * ingest: paths → articles. Files, directories (recursive), glob patterns and "-" (JSONL on
 * standard input) are read in the order given; each input yields its articles, or InputErrors
 * that name the file (and record) and say what is wrong. Nothing here throws for bad input: one
 * bad file never stops the batch.
 *
 * The next few files are loaded while the current one is parsed: each file costs several trips to
 * the disk thread pool, and on a directory of small articles those waits were a fifth of the run.
 * With `workers`, the HTML pages among them are also parsed ahead, on worker threads.
 */
export async function* readInputs(
  paths: readonly string[],
  options: ReadInputsOptions = {},
): AsyncGenerator<RawArticle | InputError> {
  const items = expandPaths(paths)[Symbol.asyncIterator]();
  const queue: Queued[] = [];
  const workers = options.workers ?? 1;
  let htmlPages = 0;
  let pool: HtmlPool | undefined;
  let poolFailed = false;
  let exhausted = false;

  const readPage = async (path: string, loaded: Promise<LoadedFile>): Promise<ReadResult | undefined> => {
    const file = await loaded;
    if (!pool || file.kind !== 'text' || file.format !== 'html') return undefined;
    try {
      return await pool.read(path, file.text);
    } catch (error) {
      // A worker died (a page too large for its heap, say): this page is lost, the rest are read here.
      pool = undefined;
      poolFailed = true;
      return inputError(path, `HTML reader crashed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const fill = async () => {
    while (!exhausted && queue.length < READ_AHEAD) {
      const next = await items.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      const item = next.value;
      if (item.kind !== 'file') {
        queue.push({ item });
        continue;
      }
      const loaded = loadFile(item.path);
      const html = formatFromExtension(item.path) === 'html';
      if (html && workers > 1 && !pool && !poolFailed && ++htmlPages > HTML_PAGES_BEFORE_WORKERS)
        pool = new HtmlPool({ workers });
      const page = html && pool ? readPage(item.path, loaded) : undefined;
      queue.push({ item, loaded, page });
    }
  };

  try {
    for (await fill(); queue.length > 0; await fill()) {
      const { item, loaded, page } = queue.shift() as Queued;
      if (item.kind === 'error') yield item.error;
      else if (item.kind === 'stdin')
        yield* readJsonLines((options.stdin ?? process.stdin) as import('node:stream').Readable, STDIN_NAME);
      else {
        const read = await page;
        if (read) yield read;
        else yield* readLoaded(item.path, await (loaded as Promise<LoadedFile>), { fromDirectory: item.fromDirectory });
      }
    }
  } finally {
    await items.return?.(undefined);
    await pool?.close();
  }
}
