import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.js';
import { CorpusService } from './service.js';
import { FIXTURE_RAW, fixturePipeline, HOSTILE_TITLE } from './test-helpers/fixture.js';
import type { ArticleView, PairDiff, StoryListItem, StoryView } from './views/types.js';

let app: FastifyInstance;

beforeAll(async () => {
  const service = await new CorpusService(fixturePipeline).load();
  app = await buildServer(service, { webRoot: null, bodyLimit: 64 * 1024 });
  const articles = FIXTURE_RAW.map((r) => ({
    title: r.title,
    text: r.body,
    published: r.published,
    outlet: r.outlet,
    url: `https://example.test/${r.source}`,
  }));
  // The fixture pipeline clusters by the folder of the source, which the API takes from the url.
  const res = await app.inject({ method: 'POST', url: '/api/articles', payload: { articles } });
  expect(res.statusCode).toBe(200);
});
afterAll(() => app.close());

async function get<T>(url: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

describe('POST /api/articles', () => {
  it('reports each article: stored, already known, or why it was refused', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/articles',
      payload: {
        articles: [
          { title: 'Again', text: FIXTURE_RAW[0].body, url: 'https://example.test/fixture/lake/again' },
          { title: 'No body' },
          { text: 'Some words here.', published: 'yesterday-ish' },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const { results } = res.json();
    expect(results[0]).toMatchObject({ index: 0, status: 'unchanged', story: 'story-lake' });
    expect(results[1]).toMatchObject({ index: 1, status: 'error', error: 'give the article as "text" or "html"' });
    expect(results[2].status).toBe('error');
    expect(results[2].error).toMatch(/published/);
  });

  it('takes one HTML page as the body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/articles',
      headers: { 'content-type': 'text/html; charset=utf-8' },
      payload:
        '<html><head><title>Page</title></head><body><p>A page about a new tram line in Orwen.</p></body></html>',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0]).toMatchObject({ status: 'inserted' });
    const article = await get<ArticleView>(`/api/articles/${res.json().results[0].id}`);
    expect(article.title).toBe('Page');
    expect(article.text).toBe('A page about a new tram line in Orwen.');
  });

  it('refuses bad bodies with a 4xx and a message, never a stack trace', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/articles', payload: { articles: [{ txet: 'typo' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^invalid body: articles\.0/);
    const broken = await app.inject({
      method: 'POST',
      url: '/api/articles',
      headers: { 'content-type': 'application/json' },
      payload: '{"articles": [',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).not.toMatch(/at .*\.js:\d+/);
    const big = await app.inject({
      method: 'POST',
      url: '/api/articles',
      payload: { articles: [{ text: 'x'.repeat(70_000) }] },
    });
    expect(big.statusCode).toBe(413);
    const xml = await app.inject({
      method: 'POST',
      url: '/api/articles',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json()).toHaveProperty('error');
  });
});

describe('GET /api/stories', () => {
  it('lists stories newest first, with counts', async () => {
    const { stories } = await get<{ stories: StoryListItem[] }>('/api/stories');
    expect(stories[0]).toMatchObject({ id: 'story-lake', articleCount: 3, findingCount: 2, derivationCount: 2 });
    expect(stories.map((s) => s.id)).toContain('story-music');
  });

  it('searches titles and outlets, and sorts by size or findings', async () => {
    const found = await get<{ stories: StoryListItem[] }>('/api/stories?q=autumn%20varn');
    expect(found.stories.map((s) => s.id)).toEqual(['story-music']);
    const bySize = await get<{ stories: StoryListItem[] }>('/api/stories?sort=size');
    expect(bySize.stories[0].id).toBe('story-lake');
    const bad = await app.inject({ method: 'GET', url: '/api/stories?sort=colour' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/sort/);
  });
});

describe('GET /api/stories/:id and /api/articles/:id', () => {
  it('gives a story with its articles in publication order, graph and findings', async () => {
    const story = await get<StoryView>('/api/stories/story-lake');
    expect(story.articles.map((a) => a.outlet)).toEqual(['Lakewire', 'Valley Daily', 'Kessby Herald']);
    expect(story.derivations.map((d) => d.source)).toContainEqual({ inferred: 'council statement' });
    expect(story.findings.map((f) => f.type).sort()).toEqual(['number-changed', 'quote-altered']);
  });

  it('gives an article with sentence spans into its original text', async () => {
    const story = await get<StoryView>('/api/stories/story-lake');
    const article = await get<ArticleView>(`/api/articles/${story.articles[0].id}`);
    expect(article.sentences.length).toBe(4);
    for (const s of article.sentences) expect(article.original.slice(s.span[0], s.span[1])).toBe(s.text);
    expect(article.stories).toEqual([{ id: 'story-lake', title: 'Storm shuts Lake Orwen ferries' }]);
  });

  it('keeps hostile metadata as data: the JSON carries it verbatim, the UI escapes it', async () => {
    const { stories } = await get<{ stories: StoryListItem[] }>('/api/stories?q=hostile');
    expect(stories[0].title).toBe(HOSTILE_TITLE);
  });

  it('404s unknown ids and 400s malformed ones', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/stories/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'no story nope' });
    const malformed = await app.inject({ method: 'GET', url: '/api/articles/..%2Fetc' });
    expect(malformed.statusCode).toBe(400);
  });
});

describe('GET /api/diff', () => {
  it('aligns two versions row by row with the changed words on each side', async () => {
    const story = await get<StoryView>('/api/stories/story-lake');
    const [wire, copy] = story.articles;
    const diff = await get<PairDiff>(`/api/diff?a=${wire.id}&b=${copy.id}`);
    expect(diff.rows.map((r) => r.kind)).toEqual(['identical', 'edited', 'edited', 'only-a', 'only-b']);
    const quote = diff.rows[2];
    const changedA = quote.a?.changes.map(([s, e]) => quote.a?.text.slice(s - quote.a.span[0], e - quote.a.span[0]));
    const changedB = quote.b?.changes.map(([s, e]) => quote.b?.text.slice(s - quote.b.span[0], e - quote.b.span[0]));
    expect(changedA).toEqual(['checked']);
    expect(changedB).toEqual(['looked at']);
  });

  it('needs both ids', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/diff?a=abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(/^invalid query: b/);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every route', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/articles',
      '/api/articles/{id}',
      '/api/diff',
      '/api/stories',
      '/api/stories/{id}',
    ]);
  });
});

describe('failures inside the server', () => {
  it('answer 500 with a plain message: no stack, no internals, and the page headers still set', async () => {
    const failing = new CorpusService(fixturePipeline);
    failing.getStory = async () => {
      throw new Error('SQLITE_CORRUPT at /srv/secret/path/store.db');
    };
    const server = await buildServer(failing, { webRoot: null });
    try {
      const res = await server.inject({ method: 'GET', url: '/api/stories/story-lake' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: 'internal error: the server log has the details' });
      expect(res.body).not.toMatch(/SQLITE|secret|\.ts:\d+/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    } finally {
      await server.close();
    }
  });
});
