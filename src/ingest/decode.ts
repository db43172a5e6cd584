import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Bytes → text. News files arrive in UTF-8 mostly, but archives hold windows-1252 and
 * ISO-8859-x pages, UTF-16 exports from Windows tools, and Shift_JIS or GB2312 pages. The order
 * of evidence is the one browsers use, with one twist:
 *   1. a byte-order mark is authoritative;
 *   2. bytes that decode as valid UTF-8 (and contain non-ASCII) are UTF-8 — pages that declare
 *      "iso-8859-1" while serving UTF-8 are common, the reverse almost never validates;
 *   3. a declared charset (<meta charset>, <?xml encoding?>, HTTP header when known);
 *   4. statistical detection (chardet), then windows-1252 as the last resort.
 * Binary files are refused before any of this (see `looksBinary`).
 */

export type Decoded = { text: string; encoding: string } | { error: string };

/** How much of the head to inspect for NUL bytes, control characters and declarations. */
const SNIFF_BYTES = 8192;

/**
 * Binary detection: text files contain no NUL bytes (UTF-16 has them, but carries a BOM or is
 * caught by the NUL-pattern check below) and very few C0 control characters. More than 10% of
 * control characters in the head is a binary file — a PDF, an image, a zip.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (utf16FromNulPattern(head)) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}

/** UTF-16 without BOM: ASCII text with a NUL in every other byte. */
function utf16FromNulPattern(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head.length < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  const pairs = Math.floor(head.length / 2);
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (oddNul / pairs > 0.9 && evenNul === 0) return 'utf-16le';
  if (evenNul / pairs > 0.9 && oddNul === 0) return 'utf-16be';
  return undefined;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** The charset a document declares about itself, in its first bytes. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return meta?.[1]?.toLowerCase();
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

/** Browsers read "iso-8859-1" and "us-ascii" as windows-1252; so do we (smart quotes!). */
function browserAlias(charset: string): string {
  return /^(?:iso-?8859-1|latin-?1|us-ascii|ascii)$/i.test(charset) ? 'windows-1252' : charset;
}

export function decodeBytes(bytes: Uint8Array, hint?: { charset?: string }): Decoded {
  if (bytes.length === 0) return { error: 'empty file' };
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding);
    return { text, encoding: bom.encoding };
  }
  const utf16 = utf16FromNulPattern(bytes.subarray(0, SNIFF_BYTES));
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16 };
  if (looksBinary(bytes)) return { error: 'binary file (NUL or control bytes), not text' };
  if (isAscii(bytes)) return { text: Buffer.from(bytes).toString('latin1'), encoding: 'ascii' };
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to declared or detected charsets
  }
  const candidates = [hint?.charset, declaredCharset(bytes), chardet.detect(bytes) ?? undefined, 'windows-1252'];
  for (const candidate of candidates) {
    if (!candidate || /^utf-?8$/i.test(candidate)) continue;
    const encoding = browserAlias(candidate);
    if (iconv.encodingExists(encoding)) return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
  }
  return { text: Buffer.from(bytes).toString('latin1'), encoding: 'latin1' };
}
