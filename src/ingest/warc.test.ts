import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import { collect, PARAGRAPHS, scratchDir } from './test-fixtures.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeEach(async () => {
  scratch = await scratchDir();
});
afterEach(() => scratch.cleanup());

const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Northwire"></head><body><nav>Home | World</nav><article><h1>${title}</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

async function record(
  type: 'response' | 'request',
  url: string,
  body: string,
  contentType = 'text/html; charset=utf-8',
): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const r = WARCRecord.create(
    { url, type, date: '2026-03-14T09:30:00Z', httpHeaders: { 'Content-Type': contentType }, warcVersion: 'WARC/1.1' },
    [encoder.encode(body)],
  );
  return WARCSerializer.serialize(r, { gzip: false });
}

async function warcBytes(): Promise<Uint8Array[]> {
  return [
    await record('request', 'https://northwire.example/a', ''),
    await record('response', 'https://northwire.example/a', page('Harbour fire')),
    await record('response', 'https://northwire.example/logo.png', 'PNG', 'image/png'),
    await record('response', 'https://northwire.example/b', page('Quay reopens')),
  ];
}

describe('WARC reader', () => {
  it('reads HTML responses only, with the target URI and the record id', async () => {
    const file = await scratch.file('crawl.warc', Buffer.concat(await warcBytes()));
    const { articles, errors } = await collect([file]);
    expect(errors).toEqual([]);
    expect(articles.map((a) => a.title)).toEqual(['Harbour fire', 'Quay reopens']);
    expect(articles[0]).toMatchObject({ format: 'warc', url: 'https://northwire.example/a', outlet: 'Northwire' });
    expect(articles[0].source).toBe(`${file}#${articles[0].externalId}`);
    expect(articles[0].externalId).toMatch(/^urn:uuid:/);
  });

  it('reads gzipped WARC', async () => {
    const encoder = new TextEncoder();
    const r = WARCRecord.create(
      { url: 'https://northwire.example/a', type: 'response', httpHeaders: { 'Content-Type': 'text/html' } },
      [encoder.encode(page('Harbour fire'))],
    );
    const file = await scratch.file('crawl.warc.gz', await WARCSerializer.serialize(r, { gzip: true }));
    const { articles } = await collect([file]);
    expect(articles.map((a) => a.title)).toEqual(['Harbour fire']);
  });

  it('yields the good records of a truncated WARC, then one error', async () => {
    const records = await warcBytes();
    const whole = Buffer.concat(records);
    const cut = whole.length - Math.floor(records[3].length / 2);
    const file = await scratch.file('cut.warc', whole.subarray(0, cut));
    const { articles, errors } = await collect([file]);
    expect(articles.map((a) => a.title)).toEqual(['Harbour fire']);
    expect(errors).toHaveLength(1);
    expect(errors[0].source).toBe(file);
    expect(errors[0].reason).toMatch(/^truncated or corrupt WARC after 1 article record/);
  });
});
