import type { InputError, RawArticle } from '../core/types.js';
import { readJsonLines } from './jsonl.js';
import { readFile } from './read-file.js';
import { expandPaths } from './walk.js';

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

/**
 * ingest: paths → articles. Files, directories (recursive), glob patterns and "-" (JSONL on
 * standard input) are read in the order given; each input yields its articles, or InputErrors
 * that name the file (and record) and say what is wrong. Nothing here throws for bad input: one
 * bad file never stops the batch.
 */
export async function* readInputs(
  paths: readonly string[],
  options: { stdin?: NodeJS.ReadableStream } = {},
): AsyncGenerator<RawArticle | InputError> {
  for await (const item of expandPaths(paths)) {
    if (item.kind === 'error') yield item.error;
    else if (item.kind === 'stdin')
      yield* readJsonLines((options.stdin ?? process.stdin) as import('node:stream').Readable, STDIN_NAME);
    else yield* readFile(item.path, { fromDirectory: item.fromDirectory });
  }
}
