import type { InputError, RawArticle } from '../core/types.js';
import { readJsonLines } from './jsonl.js';
import { type LoadedFile, loadFile, readLoaded } from './read-file.js';
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

interface Queued {
  item: InputItem;
  loaded?: Promise<LoadedFile>;
}

/**
 * ingest: paths → articles. Files, directories (recursive), glob patterns and "-" (JSONL on
 * standard input) are read in the order given; each input yields its articles, or InputErrors
 * that name the file (and record) and say what is wrong. Nothing here throws for bad input: one
 * bad file never stops the batch.
 *
 * The next few files are loaded while the current one is parsed: each file costs several trips to
 * the disk thread pool, and on a directory of small articles those waits were a fifth of the run.
 */
export async function* readInputs(
  paths: readonly string[],
  options: { stdin?: NodeJS.ReadableStream } = {},
): AsyncGenerator<RawArticle | InputError> {
  const items = expandPaths(paths)[Symbol.asyncIterator]();
  const queue: Queued[] = [];
  let exhausted = false;
  const fill = async () => {
    while (!exhausted && queue.length < READ_AHEAD) {
      const next = await items.next();
      if (next.done) exhausted = true;
      else queue.push({ item: next.value, loaded: next.value.kind === 'file' ? loadFile(next.value.path) : undefined });
    }
  };
  try {
    for (await fill(); queue.length > 0; await fill()) {
      const { item, loaded } = queue.shift() as Queued;
      if (item.kind === 'error') yield item.error;
      else if (item.kind === 'stdin')
        yield* readJsonLines((options.stdin ?? process.stdin) as import('node:stream').Readable, STDIN_NAME);
      else yield* readLoaded(item.path, await (loaded as Promise<LoadedFile>), { fromDirectory: item.fromDirectory });
    }
  } finally {
    await items.return?.(undefined);
  }
}
