import { describe, expect, it } from 'vitest';
import { readFeed } from './feed.js';
import { PARAGRAPHS } from './test-fixtures.js';

const html = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

describe('readFeed', () => {
  it('reads RSS 2.0 items with content:encoded, guid, link, pubDate and dc:creator', () => {
    const xml = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Northwire</title>
<item><title>Harbour fire</title><link>https://northwire.example/fire</link><guid>nw-101</guid>
<pubDate>Sat, 14 Mar 2026 09:30:00 GMT</pubDate><dc:creator>Lina Okafor</dc:creator>
<description>Short summary.</description><content:encoded><![CDATA[${html}]]></content:encoded></item>
</channel></rss>`;
    const [item] = readFeed(xml, 'feed.xml');
    expect(item).toMatchObject({
      source: 'feed.xml#nw-101',
      externalId: 'nw-101',
      format: 'feed',
      title: 'Harbour fire',
      url: 'https://northwire.example/fire',
      published: '2026-03-14T09:30:00.000Z',
      author: 'Lina Okafor',
      outlet: 'Northwire',
    });
    expect('body' in item && item.body.split('\n\n')).toEqual(PARAGRAPHS);
  });

  it('reads Atom entries with alternate links and HTML content', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Calder Courier</title>
<entry><title>Quay reopens</title><id>tag:courier.example,2026:7</id>
<link rel="self" href="https://courier.example/api/7"/><link rel="alternate" href="https://courier.example/quay"/>
<updated>2026-03-20T08:00:00Z</updated><author><name>Tomas Varga</name></author>
<content type="html">${html.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content></entry></feed>`;
    const [entry] = readFeed(xml, 'atom.xml');
    expect(entry).toMatchObject({
      source: 'atom.xml#tag:courier.example,2026:7',
      url: 'https://courier.example/quay',
      published: '2026-03-20T08:00:00.000Z',
      author: 'Tomas Varga',
      outlet: 'Calder Courier',
    });
    expect('body' in entry && entry.body).toContain('Fire crews worked');
  });

  it('gives one error per garbage item and keeps the good ones', () => {
    const xml = `<rss version="2.0"><channel><title>Northwire</title>
<item><title>Good</title><guid>g1</guid><description>${PARAGRAPHS[0]}</description></item>
<item><guid>g2</guid></item>
<item>just text</item>
</channel></rss>`;
    const results = readFeed(xml, 'mixed.rss');
    expect(results).toHaveLength(3);
    expect('body' in results[0]).toBe(true);
    expect(results[1]).toEqual({
      source: 'mixed.rss#g2',
      reason: 'feed item 2 has no text (no content, description or summary)',
    });
    expect(results[2]).toMatchObject({ source: 'mixed.rss#3' });
  });

  it('refuses malformed XML with the line where it broke', () => {
    const [error] = readFeed('<rss><channel><item><title>x</item></channel></rss>', 'bad.rss');
    expect(error).toMatchObject({ source: 'bad.rss' });
    expect('reason' in error && error.reason).toMatch(/^malformed feed XML at line 1/);
  });
});
