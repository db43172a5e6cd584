import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, looksBinary } from './decode.js';

const text = (decoded: ReturnType<typeof decodeBytes>) => ('text' in decoded ? decoded.text : decoded.error);

describe('decodeBytes', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(text(decodeBytes(Buffer.from('“Café” — naïve', 'utf8')))).toBe('“Café” — naïve');
    expect(text(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Quay', 'utf8')])))).toBe(
      'Quay',
    );
  });

  it('reads UTF-16 by its BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Harbour “fire”', 'utf-16le')]);
    expect(text(decodeBytes(bytes))).toBe('Harbour “fire”');
  });

  it('reads windows-1252 smart quotes that are not valid UTF-8', () => {
    const bytes = iconv.encode('The mayor said “we will rebuild” — in March.', 'windows-1252');
    expect(text(decodeBytes(bytes))).toBe('The mayor said “we will rebuild” — in March.');
  });

  it('follows a declared HTML charset when the bytes are not UTF-8', () => {
    const page = '<html><head><meta charset="shift_jis"></head><body>港の火災</body></html>';
    expect(text(decodeBytes(iconv.encode(page, 'shift_jis')))).toContain('港の火災');
  });

  it('refuses binary data and empty input', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(looksBinary(png)).toBe(true);
    expect(decodeBytes(png)).toEqual({ error: 'binary file (NUL or control bytes), not text' });
    expect(decodeBytes(new Uint8Array())).toEqual({ error: 'empty file' });
  });
});
