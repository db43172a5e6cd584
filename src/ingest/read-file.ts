import { open, stat } from 'node:fs/promises';
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

/** Reads one file with the reader its extension (or content) calls for. Never throws. */
export async function* readFile(path: string, options: ReadFileOptions = {}): AsyncGenerator<ReadResult> {
  let size: number;
  let head: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      yield inputError(path, 'not a regular file');
      return;
    }
    size = info.size;
    head = await readHead(path, 8192);
  } catch (error) {
    yield inputError(path, `cannot read: ${describeFsError(error)}`);
    return;
  }
  if (size === 0) {
    yield inputError(path, 'empty file');
    return;
  }
  const format: FileFormat = formatFromExtension(path) ?? sniffFormat(head);
  if (format === 'warc') {
    yield* readWarc(path);
    return;
  }
  if (format === 'jsonl') {
    yield* readJsonLinesFile(path);
    return;
  }
  const limit = format === 'feed' ? MAX_FEED_FILE_BYTES : MAX_ARTICLE_FILE_BYTES;
  if (size > limit) {
    yield inputError(
      path,
      `file too large for one ${format === 'feed' ? 'feed' : 'article'} (${formatBytes(size)}; limit ${formatBytes(limit)})`,
    );
    return;
  }
  let bytes: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    yield inputError(path, `cannot read: ${describeFsError(error)}`);
    return;
  }
  const decoded = decodeBytes(bytes);
  if ('error' in decoded) {
    yield inputError(path, decoded.error);
    return;
  }
  yield* readDecoded(path, format, decoded.text, options);
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

async function readHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
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
