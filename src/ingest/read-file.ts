import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import type { InputError } from '../core/types.js';
import { decodeBytes } from './decode.js';
import { readFeed } from './feed.js';
import { type FileFormat, formatFromExtension, sniffFormat } from './formats.js';
import { readHtml } from './html/index.js';
import { readJsonDocument } from './json.js';
import { readJsonLinesFile } from './jsonl.js';
import { formatBytes, MAX_ARTICLE_FILE_BYTES, MAX_FEED_FILE_BYTES } from './limits.js';
import { readText } from './txt.js';
import { inputError, type ReadResult } from './types.js';
import { readWarc } from './warc.js';

export interface ReadFileOptions {
  /** Found by walking a directory rather than named: non-article JSON is passed over quietly. */
  fromDirectory?: boolean;
}

/**
 * A file read as far as it can be without parsing: its decoded text, or that it is a stream read
 * later record by record (WARC, JSONL: may be gigabytes), or why it cannot be read.
 */
export type LoadedFile =
  | { kind: 'text'; format: Exclude<FileFormat, 'warc' | 'jsonl'>; text: string }
  | { kind: 'stream'; format: 'warc' | 'jsonl' }
  | { kind: 'error'; error: InputError };

const HEAD_BYTES = 8192;

/**
 * The I/O half of reading a file, with one open handle (open, stat, read, close): readInputs
 * loads the next few files while the current one is parsed, so that a directory of small
 * articles does not wait on the disk once per file. Never throws.
 */
export async function loadFile(path: string): Promise<LoadedFile> {
  const fail = (reason: string): LoadedFile => ({ kind: 'error', error: inputError(path, reason) });
  let handle: FileHandle;
  try {
    // Non-blocking, so that a named pipe given by mistake is refused (not a regular file) rather
    // than waited on; regular files ignore the flag.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return fail(`cannot read: ${describeFsError(error)}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return fail('not a regular file');
    if (info.size === 0) return fail('empty file');
    let format = formatFromExtension(path);
    if (format === undefined) {
      const head = Buffer.alloc(Math.min(HEAD_BYTES, info.size));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      format = sniffFormat(head.subarray(0, bytesRead));
    }
    if (format === 'warc' || format === 'jsonl') return { kind: 'stream', format };
    const limit = format === 'feed' ? MAX_FEED_FILE_BYTES : MAX_ARTICLE_FILE_BYTES;
    if (info.size > limit) {
      const what = format === 'feed' ? 'feed' : 'article';
      return fail(`file too large for one ${what} (${formatBytes(info.size)}; limit ${formatBytes(limit)})`);
    }
    const decoded = decodeBytes(await handle.readFile());
    if ('error' in decoded) return fail(decoded.error);
    return { kind: 'text', format, text: decoded.text };
  } catch (error) {
    return fail(`cannot read: ${describeFsError(error)}`);
  } finally {
    await handle.close().catch(() => {});
  }
}

/** The parsing half: the articles (or errors) of a loaded file. */
export async function* readLoaded(
  path: string,
  loaded: LoadedFile,
  options: ReadFileOptions = {},
): AsyncGenerator<ReadResult> {
  if (loaded.kind === 'error') yield loaded.error;
  else if (loaded.kind === 'stream') yield* loaded.format === 'warc' ? readWarc(path) : readJsonLinesFile(path);
  else yield* readDecoded(path, loaded.format, loaded.text, options);
}

/** Reads one file with the reader its extension (or content) calls for. Never throws. */
export async function* readFile(path: string, options: ReadFileOptions = {}): AsyncGenerator<ReadResult> {
  yield* readLoaded(path, await loadFile(path), options);
}

function* readDecoded(path: string, format: FileFormat, text: string, options: ReadFileOptions): Generator<ReadResult> {
  switch (format) {
    case 'html':
      yield readHtml(path, text);
      return;
    case 'feed':
      yield* readFeed(text, path);
      return;
    case 'json': {
      const results = readJsonDocument(text, path);
      if (results) yield* results;
      else if (!options.fromDirectory)
        yield inputError(path, 'JSON holds no article records (no "text" or "html" field)');
      return;
    }
    default:
      yield readText(path, text);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many symbolic links';
  return error instanceof Error ? error.message : String(error);
}
