import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { readJsonRecord } from './json.js';
import { formatBytes, MAX_RECORD_BYTES } from './limits.js';
import { inputError, type ReadResult } from './types.js';

/**
 * JSON Lines: one article record per line (fields in json.ts), streamed so a batch of any size
 * is read in bounded memory. A line that is not valid JSON is one InputError naming
 * `<file>:<line>`; the other lines go on. Blank lines are skipped.
 */
export async function* readJsonLines(input: Readable, name: string): AsyncGenerator<ReadResult> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let recordIndex = 0;
  for await (const rawLine of lines) {
    lineNumber++;
    const line = lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
    if (line.trim() === '') continue;
    recordIndex++;
    if (line.length > MAX_RECORD_BYTES) {
      yield inputError(
        `${name}:${lineNumber}`,
        `record too large (${formatBytes(line.length)}; limit ${formatBytes(MAX_RECORD_BYTES)})`,
      );
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield inputError(
        `${name}:${lineNumber}`,
        `malformed JSON line: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    yield readJsonRecord(value, name, recordIndex);
  }
}

export function readJsonLinesFile(path: string): AsyncGenerator<ReadResult> {
  return readJsonLines(createReadStream(path, { encoding: 'utf8' }), path);
}
