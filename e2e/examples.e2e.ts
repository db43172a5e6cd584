/**
 * The whole product on the examples: the real readers, stages and store behind the API, the
 * built UI in headless Chromium. Expectations come from examples/truth.json, not from this file.
 */
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareInputs } from '../src/analyze.js';
import type { AnalysisResult } from '../src/core/types.js';
import { writeHtmlReport } from '../src/report/html.js';
import { buildServer } from '../src/server/app.js';
import { pipeline } from '../src/server/pipeline.js';
import { CorpusService } from '../src/server/service.js';
import type { StoryView } from '../src/server/views/types.js';
import { openStore, type Store } from '../src/store/index.js';
import { blockNetwork, expectBothSpansVisible, hasChromium, launch, SHOTS, skipReason, watch } from './browser.js';

interface Truth {
  articles: { key: string; outlet: string; story: string; file: string; recordId: string | null }[];
  stories: { id: string; articles: string[] }[];
  derivations: { source: string | { inferred: string }; target: string }[];
  duplicates: string[][];
}

describe.skipIf(!hasChromium)(`UI on the examples, real pipeline${skipReason}`, () => {
  let truth: Truth;
  let store: Store;
  let service: CorpusService;
  let app: FastifyInstance;
  let base: string;
  let browser: BrowserContext;
  let travelling: StoryView;
  /** The truth.json key of an article, from where it was read (a file, or a record in a feed or batch). */
  const keyOf = (source: string) =>
    truth.articles.find((a) => source === `examples/${a.file}` || source === `examples/${a.file}#${a.recordId}`)?.key;
  const keysOf = (story: StoryView) => story.articles.map((a) => keyOf(a.source) ?? a.source).sort();
  /** The travelling story of truth.json: the one with the most versions. */
  const truthTravelling = () => [...truth.stories].sort((a, b) => b.articles.length - a.articles.length)[0];

  beforeAll(async () => {
    truth = JSON.parse(await readFile('examples/truth.json', 'utf8')) as Truth;
    store = await openStore(join(await mkdtemp(join(tmpdir(), 'wiretrace-e2e-')), 'e2e.db'));
    // The same path as `wiretrace ingest examples/`: readers, clean, segment, store.
    const { errors } = await prepareInputs(['examples'], { store });
    // Reader problems are the ingest stage's to test; say them here so a missing version is explained.
    for (const e of errors) console.warn(`examples input refused: ${e.source}: ${e.reason}`);
    service = await new CorpusService(pipeline, store).load();
    app = await buildServer(service, { webRoot: resolve('dist-web') });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launch();
    // The travelling story as the service sees it: the story holding the wire original.
    const wire = truthTravelling().articles[0];
    for (const item of await service.listStories({ sort: 'size' })) {
      const story = await service.getStory(item.id);
      if (story && keysOf(story).includes(wire)) travelling = story;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  it('ingests one page through the API: the same content is recognised, not stored twice', async () => {
    const wireHtml = truth.articles.find((a) => a.file.endsWith('.html'));
    const html = await readFile(join('examples', wireHtml?.file ?? ''), 'utf8');
    const res = await app.inject({ method: 'POST', url: '/api/articles', headers: { 'content-type': 'text/html' }, payload: html });
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0].status).toMatch(/^(unchanged|updated)$/);
  });

  it('lists the travelling story and draws its provenance graph with the planted derivations', async () => {
    const page = await browser.newPage();
    const seen = watch(page);
    await page.goto(`${base}/`);
    await page.locator('.story-item').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'examples-list.png') });
    await page.locator(`a.story-item[href="#/story/${encodeURIComponent(travelling.id)}"]`).click();
    await page.waitForFunction(() => window.wiretraceGraph !== undefined);
    const graph = await page.evaluate(() => window.wiretraceGraph);
    const truthStory = truthTravelling();
    // Clustering is the cluster stage's to get right; say plainly when it did not, so the graph checks below make sense.
    expect(keysOf(travelling), 'the cluster stage should put every version of the travelling story in one story').toEqual(
      [...truthStory.articles].sort(),
    );
    // One node per version, copies folded into one node: compare by duplicate group.
    const group = (key: string) => truth.duplicates.find((g) => g.includes(key))?.[0] ?? key;
    const ref = new Map(travelling.articles.map((a) => [a.id, group(keyOf(a.source) ?? a.id)]));
    const nodes = (graph?.nodes ?? []).filter((n) => !n.inferred).map((n) => ref.get(n.id));
    expect(nodes.sort()).toEqual([...new Set(truthStory.articles.map(group))].sort());
    const edges = new Set(graph?.edges.map((e) => `${ref.get(e.source)} -> ${ref.get(e.target)}`));
    for (const d of truth.derivations) {
      if (typeof d.source !== 'string' || !truthStory.articles.includes(d.target)) continue;
      expect(edges).toContain(`${group(d.source)} -> ${group(d.target)}`);
    }
    await page.screenshot({ path: join(SHOTS, 'examples-story.png'), fullPage: true });
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('opens a finding side by side, both spans highlighted and on screen', async () => {
    const page = await browser.newPage();
    const seen = watch(page);
    await page.goto(`${base}/#/story/${encodeURIComponent(travelling.id)}`);
    const withSource = travelling.findings.findIndex((f) => f.sourceArticle && f.type.startsWith('quote'));
    expect(withSource).toBeGreaterThanOrEqual(0);
    await page.locator('ol.findings a.finding').nth(withSource).click();
    await page.locator('tr.focus-row .focus').first().waitFor();
    await expectBothSpansVisible(page);
    const f = travelling.findings[withSource];
    const row = page.locator('tr.focus-row').first();
    expect(await row.locator('td').nth(1).textContent()).toContain(f.text.slice(0, 20));
    await page.screenshot({ path: join(SHOTS, 'examples-finding.png') });
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('writes an HTML report of the same analysis that works from disk with no network', async () => {
    const { articles } = await prepareInputs(['examples']);
    const result: AnalysisResult = { articles: [], stories: [], errors: [] };
    for (const item of await service.listStories()) {
      const story = await service.getStory(item.id);
      if (story) result.stories.push({ ...story, articles: story.articles.map((a) => a.id), brief: story.brief ?? undefined });
    }
    const file = join(await mkdtemp(join(tmpdir(), 'wiretrace-report-')), 'report.html');
    await writeHtmlReport(result, articles, file, { webRoot: resolve('dist-web') });
    const page = await browser.newPage();
    const seen = watch(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await blockNetwork(page);
    await page.goto(`${pathToFileURL(file).href}#/story/${encodeURIComponent(travelling.id)}`);
    await page.waitForFunction(() => window.wiretraceGraph !== undefined);
    await page.locator('section.brief').waitFor();
    await page.screenshot({ path: join(SHOTS, 'examples-report.png'), fullPage: true });
    // The report carries the side-by-side views too: a finding opens both spans, highlighted.
    const withSource = travelling.findings.findIndex((f) => f.sourceArticle);
    expect(withSource).toBeGreaterThanOrEqual(0);
    await page.locator('ol.findings a.finding').nth(withSource).click();
    await page.locator('tr.focus-row .focus').first().waitFor();
    await expectBothSpansVisible(page);
    await page.screenshot({ path: join(SHOTS, 'examples-report-finding.png') });
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
