import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ARTICLE_FILE_BYTES } from '../ingest/limits.js';
import { runCli } from './test-helpers/run-cli.js';

/**
 * End to end: the CLI on a folder of bad inputs mixed with good ones. Each bad input must give one
 * line `wiretrace: <source>: <reason>` naming it, the good articles must be stored, the exit
 * status must be 1, and nothing stored earlier may be lost.
 */

const story = (n: number, place: string) =>
  `${place} council approves new ferry timetable\n\n` +
  `The council in ${place} approved a new ferry timetable on Tuesday after ${n} residents signed a petition asking for later sailings.\n\n` +
  `"We listened to the people who use the boats every day," said the council leader, Mara Ellison. The first late sailing will leave at 10 p.m. from next month.\n\n` +
  `Operators said the change would cost about ${n * 1000} a year, paid from the harbour budget.`;

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Lowick Evening Post</title><link>https://post.example/</link><description>News</description>
<item><guid>good-1</guid><title>Lowick library reopens after flood repairs</title><link>https://post.example/library</link>
<pubDate>Tue, 10 Mar 2026 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The Lowick library reopened on Monday, eight months after a flood ruined its ground floor.</p><p>"It feels like getting a friend back," said reader Tomas Quist, who queued from 7 a.m.</p>]]></content:encoded></item>
<item><guid>garbage-1</guid><title></title></item>
<item><guid>garbage-2</guid><description>&lt;div&gt;&lt;/div&gt;</description></item>
</channel></rss>`;

/** A WARC response record whose declared length runs past the end of the file. */
function truncatedWarc(): Buffer {
  const html = `<html><head><title>Carrow bridge</title></head><body><article><p>${'The Carrow bridge will close for repairs. '.repeat(40)}</p></article></body></html>`;
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${html.length}\r\n\r\n${html}`;
  const record =
    'WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1b2c3d4e-0000-4000-8000-000000000001>\r\n' +
    'WARC-Date: 2026-03-10T08:00:00Z\r\nWARC-Target-URI: https://news.example/carrow\r\n' +
    `Content-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n${http}\r\n\r\n`;
  return Buffer.from(record.slice(0, Math.floor(record.length * 0.6)));
}

describe('wiretrace ingest with bad input', () => {
  let dir: string;
  let db: string;
  const bad: Record<string, string> = {};

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wiretrace-bad-'));
    db = path.join(dir, 'store.db');
    const first = path.join(dir, 'first');
    const second = path.join(dir, 'second');
    mkdirSync(first);
    mkdirSync(second);
    writeFileSync(path.join(first, 'westmere.txt'), story(120, 'Westmere'));
    writeFileSync(path.join(first, 'dunhallow.txt'), story(340, 'Dunhallow'));

    writeFileSync(path.join(second, 'kessbridge.txt'), story(75, 'Kessbridge'));
    const lines = [
      JSON.stringify({
        id: 'a1',
        title: 'Stanholm school gets new roof',
        text: story(12, 'Stanholm'),
        outlet: 'Stanholm Star',
      }),
      '{"id": "a2", "title": "Broken record", "text": "never closed',
      JSON.stringify({
        id: 'a3',
        title: 'Ferrisby market returns',
        text: story(55, 'Ferrisby'),
        outlet: 'Ferrisby Free Press',
      }),
    ];
    writeFileSync(path.join(second, 'batch.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(path.join(second, 'feed.xml'), rss);

    bad.binary = path.join(second, 'scan.txt');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    writeFileSync(bad.binary, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), bytes]));
    bad.empty = path.join(second, 'empty.txt');
    writeFileSync(bad.empty, '');
    bad.noArticle = path.join(second, 'cookie-wall.html');
    writeFileSync(
      bad.noArticle,
      '<!doctype html><html><head><title>Consent</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="cookie">We use cookies. <button>Accept</button></div><footer>© 2026</footer></body></html>',
    );
    bad.malformedLine = path.join(second, 'batch.jsonl');
    bad.warc = path.join(second, 'crawl.warc');
    writeFileSync(bad.warc, truncatedWarc());
    bad.warcGz = path.join(second, 'crawl2.warc.gz');
    writeFileSync(bad.warcGz, gzipSync(truncatedWarc()).subarray(0, 200));
    bad.huge = path.join(second, 'huge.txt');
    const sentence = Buffer.from('The harbour master said the water was calm and the boats were safe. ');
    writeFileSync(bad.huge, Buffer.alloc(MAX_ARTICLE_FILE_BYTES + 1024 * 1024, sentence));
    bad.feed = path.join(second, 'feed.xml');
    bad.missing = path.join(dir, 'no-such-file.txt');
    if (process.getuid?.() !== 0) {
      // root reads anything, so an unreadable file can only be tested as an ordinary user.
      bad.unreadable = path.join(second, 'locked.txt');
      writeFileSync(bad.unreadable, story(1, 'Lowick'));
      chmodSync(bad.unreadable, 0);
    }
  });

  afterAll(() => {
    if (bad.unreadable) chmodSync(bad.unreadable, 0o644);
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the first batch cleanly (exit 0)', async () => {
    const run = await runCli(['--db', db, 'ingest', path.join(dir, 'first')]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^2 inputs: 2 inserted, 0 updated, 0 unchanged, 0 failed/);
    expect(run.code).toBe(0);
  });

  it('names every bad input on one line each, stores the good ones, exits 1, and loses nothing', async () => {
    const before = await runCli(['--db', db, '--json', 'articles']);
    const stored = JSON.parse(before.stdout) as { id: string; title: string }[];

    const run = await runCli(['--db', db, 'ingest', path.join(dir, 'second'), bad.missing]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^wiretrace: \S.*: \S.*$/);
    for (const [kind, file] of Object.entries(bad)) {
      const about = lines.filter((l) => l.startsWith(`wiretrace: ${file}`));
      expect(about.length, `${kind}: ${file} in\n${run.stderr}`).toBeGreaterThanOrEqual(1);
      // A file is one line; only batch files (JSONL, feeds) may have one per bad record.
      if (!['malformedLine', 'feed'].includes(kind)) expect(about, kind).toHaveLength(1);
    }
    expect(lines.filter((l) => l.includes('huge.txt'))[0]).toMatch(/MB/);

    const after = JSON.parse((await runCli(['--db', db, '--json', 'articles'])).stdout) as {
      id: string;
      title: string;
    }[];
    const titles = after.map((a) => a.title);
    // Earlier articles intact, and the good ones of this batch added.
    for (const a of stored) expect(after).toContainEqual(expect.objectContaining({ id: a.id, title: a.title }));
    expect(titles).toEqual(
      expect.arrayContaining([
        'Kessbridge council approves new ferry timetable',
        'Stanholm school gets new roof',
        'Ferrisby market returns',
        'Lowick library reopens after flood repairs',
      ]),
    );
    expect(after).toHaveLength(stored.length + 4);
  });

  it('is idempotent: the same inputs again store nothing new', async () => {
    const run = await runCli(['--db', db, '--quiet', 'ingest', path.join(dir, 'first')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const json = await runCli(['--db', db, '--json', 'ingest', path.join(dir, 'first')]);
    expect(JSON.parse(json.stdout)).toMatchObject({ inserted: [], updated: [], errors: [] });
    expect(JSON.parse(json.stdout).unchanged).toHaveLength(2);
  });
});
