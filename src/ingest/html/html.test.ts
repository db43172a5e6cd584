import { describe, expect, it } from 'vitest';
import { PARAGRAPHS } from '../test-fixtures.js';
import { chooseBody } from './choose-body.js';
import { parseHtml } from './dom.js';
import { readHtml } from './index.js';
import { domToText } from './to-text.js';

const article = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('readHtml', () => {
  it('reads title, date, author, outlet and canonical URL from meta tags', () => {
    const result = readHtml(
      'page.html',
      page(
        `<title>Harbour fire closes quay | Northwire</title>
         <meta property="og:site_name" content="Northwire">
         <meta property="og:title" content="Harbour fire closes quay | Northwire">
         <meta property="article:published_time" content="2026-03-14T09:30:00Z">
         <meta name="author" content="By Lina Okafor">
         <link rel="canonical" href="/news/harbour-fire">`,
        `<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Harbour fire closes quay</h1>${article}</article><footer>© Northwire</footer>`,
      ),
      { url: 'https://northwire.example/amp/harbour-fire' },
    );
    expect(result).toMatchObject({
      source: 'page.html',
      format: 'html',
      title: 'Harbour fire closes quay',
      published: '2026-03-14T09:30:00.000Z',
      author: 'Lina Okafor',
      outlet: 'Northwire',
      url: 'https://northwire.example/news/harbour-fire',
    });
    expect('body' in result && result.body.split('\n\n')).toEqual(PARAGRAPHS);
  });

  it('prefers JSON-LD NewsArticle metadata', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Calder Courier' },
        {
          '@type': 'NewsArticle',
          headline: 'Quay reopens after fire',
          datePublished: '2026-03-20T08:00:00+01:00',
          author: [
            { '@type': 'Person', name: 'Tomas Varga' },
            { '@type': 'Person', name: 'Mei Osei' },
          ],
          publisher: { '@type': 'Organization', name: 'Calder Courier' },
          articleBody: PARAGRAPHS.join(' '),
        },
      ],
    };
    const result = readHtml(
      'ld.html',
      page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, `<article>${article}</article>`),
    );
    expect(result).toMatchObject({
      title: 'Quay reopens after fire',
      published: '2026-03-20T07:00:00.000Z',
      author: 'Tomas Varga, Mei Osei',
      outlet: 'Calder Courier',
    });
  });

  it('refuses a page without article text', () => {
    const result = readHtml(
      'empty.html',
      page('<title>Sign in</title>', '<form><input><button>Sign in</button></form>'),
    );
    expect(result).toMatchObject({ source: 'empty.html' });
    expect('reason' in result && result.reason).toMatch(/^HTML page with no article text/);
  });
});

describe('domToText', () => {
  it('makes blocks into paragraphs, folds source whitespace and skips captions and scripts', () => {
    const doc = parseHtml(
      page(
        '',
        '<div><h2>Fire\n  at the quay</h2><p>One\n two<br>three</p><figure><img src="x.jpg"><figcaption>Smoke. Photo: Northwire</figcaption></figure><script>var x</script><ul><li>A</li><li>B</li></ul></div>',
      ),
    );
    expect(domToText(doc.body)).toBe('Fire at the quay\n\nOne two\nthree\n\nA\n\nB');
  });
});

describe('chooseBody', () => {
  const readability = [
    'Harbour fire closes quay',
    ...PARAGRAPHS,
    'Read more: Grain prices climb as the terminal stays shut for the week',
  ].join('\n\n');
  const articleBody = PARAGRAPHS.join(' ').repeat(2);

  it('keeps Readability paragraphs that JSON-LD articleBody vouches for', () => {
    const choice = chooseBody(readability, articleBody);
    expect(choice?.via).toBe('readability+json-ld');
    expect(choice?.text.split('\n\n')).toEqual(PARAGRAPHS);
  });

  it('falls back to Readability when articleBody is a short summary', () => {
    expect(chooseBody(readability, 'Fire crews worked through the night.')).toEqual({
      text: readability,
      via: 'readability',
    });
  });

  it('takes articleBody when Readability missed the story', () => {
    const choice = chooseBody(
      'Gallery: ten photos of the harbour at sunset, with captions by our picture desk team',
      articleBody,
    );
    expect(choice?.via).toBe('json-ld');
  });
});
