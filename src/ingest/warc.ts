import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import { decodeBytes } from './decode.js';
import { readHtml } from './html/index.js';
import { formatBytes, MAX_RECORD_BYTES } from './limits.js';
import { inputError, type ReadResult } from './types.js';

/**
 * WARC and WARC.gz web archives (what crawlers and the Internet Archive write). Only HTTP
 * `response` records whose payload is HTML are articles; each goes through the HTML reader with
 * its WARC-Target-URI as the page URL and its WARC-Record-ID as externalId. warcio streams the
 * file record by record (gzip members included), so archives of any size pass in bounded
 * memory.
 *
 * A truncated or corrupt archive yields every good record first, then one InputError saying
 * where reading stopped.
 */
export async function* readWarc(path: string): AsyncGenerator<ReadResult> {
  let index = 0;
  let good = 0;
  try {
    const parser = new WARCParser(createReadStream(path));
    for await (const record of parser) {
      index++;
      if (record.warcType !== 'response') continue;
      const contentType = record.httpHeaders?.headers.get('content-type') ?? '';
      if (!/html/i.test(contentType)) continue;
      const recordId = record.warcHeader('WARC-Record-ID')?.replace(/^<|>$/g, '') ?? String(index);
      const source = `${path}#${recordId}`;
      const declared = Number(record.warcHeader('Content-Length') ?? 0);
      if (declared > MAX_RECORD_BYTES) {
        yield inputError(
          source,
          `WARC record too large (${formatBytes(declared)}; limit ${formatBytes(MAX_RECORD_BYTES)} per record)`,
        );
        continue;
      }
      const payload = await record.readFully(true);
      if (shortRead(record)) throw new Error(`record ${recordId} ends before its Content-Length`);
      const charset = /charset=([\w.:-]+)/i.exec(contentType)?.[1];
      const decoded = decodeBytes(payload, { charset });
      if ('error' in decoded) {
        yield inputError(source, decoded.error);
        continue;
      }
      const url = record.warcTargetURI ?? undefined;
      const result = readHtml(source, decoded.text, { url, format: 'warc', externalId: recordId });
      if ('body' in result) good++;
      yield result;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    yield inputError(
      path,
      `truncated or corrupt WARC after ${good} article record(s) (record ${index + 1}): ${message}`,
    );
    return;
  }
  if (index === 0) yield inputError(path, 'not a WARC file (no records)');
}

/**
 * warcio reads a record through a LimitReader that counts down the record's Content-Length;
 * when the file ends early it simply stops, so a cut-off last record would pass as a short
 * page. A limit left above zero after reading is that case. (`limit` is warcio's own field on
 * LimitReader; if a future version renames it, this check turns off rather than misfiring.)
 */
function shortRead(record: object): boolean {
  const reader = (record as { _reader?: { limit?: unknown } })._reader;
  return typeof reader?.limit === 'number' && reader.limit > 0;
}
