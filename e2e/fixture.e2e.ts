/**
 * The UI on the hand-made fixture corpus (src/server/test-helpers/fixture.ts): served by the API
 * and opened from disk as a report. The hostile article's markup must stay text.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/core/types.js';
import { writeHtmlReport } from '../src/report/html.js';
import { buildServer } from '../src/server/app.js';
import { CorpusService } from '../src/server/service.js';
import { FIXTURE_RAW, fixtureArticles, fixturePipeline, HOSTILE_TITLE } from '../src/server/test-helpers/fixture.js';
import { blockNetwork, expectBothSpansVisible, hasChromium, launch, SHOTS, skipReason, watch } from './browser.js';

describe.skipIf(!hasChromium)(`UI on the fixture corpus${skipReason}`, () => {
  let app: FastifyInstance;
  let base: string;
  let browser: BrowserContext;
  const service = new CorpusService(fixturePipeline);

  beforeAll(async () => {
    service.addArticles(fixtureArticles());
    app = await buildServer(service, { webRoot: resolve('dist-web') });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows hostile titles and bodies as literal text and runs none of their scripts', async () => {
    const page = await browser.newPage();
    const seen = watch(page);
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: /Hostile title/ }).waitFor();
    // The title is visible character for character, tags and all.
    expect(await page.locator('.story-title', { hasText: 'Hostile title' }).textContent()).toBe(HOSTILE_TITLE);
    await page.getByRole('link', { name: /Hostile title/ }).click();
    await page.locator('h1', { hasText: 'Hostile title' }).waitFor();
    await page.getByRole('link', { name: HOSTILE_TITLE }).click();
    const body = page.locator('pre.original');
    await body.waitFor();
    expect(await body.textContent()).toContain(FIXTURE_RAW[4].body.split('\n')[0]);
    await body.getByText('javascript:window.__pwned=5', { exact: false }).hover();
    expect(await page.locator('pre.original a, pre.original img, pre.original script, pre.original b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'fixture-hostile-article.png') });
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('draws the story graph, and a finding opens both versions with the change highlighted', async () => {
    const page = await browser.newPage();
    const seen = watch(page);
    await page.goto(`${base}/#/story/story-lake`);
    await page.locator('canvas').first().waitFor();
    await page.waitForFunction(() => window.wiretraceGraph !== undefined);
    const graph = await page.evaluate(() => window.wiretraceGraph);
    expect(graph?.nodes.map((n) => n.label.split('\n')[0]).sort()).toEqual([
      'Kessby Herald',
      'Lakewire',
      'Valley Daily',
      'common source\ncouncil statement'.split('\n')[0],
    ]);
    expect(graph?.nodes.filter((n) => n.inferred)).toHaveLength(1);
    expect(graph?.edges.map((e) => e.label)).toEqual(['partly derived · edited · 86%', 'partly derived · paraphrase · 41%']);
    await page.screenshot({ path: join(SHOTS, 'fixture-story.png'), fullPage: true });
    await page.getByRole('link', { name: /quote altered/ }).click();
    await page.locator('tr.focus-row .focus').first().waitFor();
    await expectBothSpansVisible(page);
    expect(await page.locator('tr.focus-row td').first().locator('.del').textContent()).toBe('checked');
    expect(await page.locator('tr.focus-row td').nth(1).locator('.ins').textContent()).toBe('looked at');
    await page.screenshot({ path: join(SHOTS, 'fixture-pair.png') });
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('a click on an edge of the graph opens the two versions side by side', async () => {
    const page = await browser.newPage();
    const seen = watch(page);
    await page.goto(`${base}/#/story/story-lake`);
    await page.waitForFunction(() => window.wiretraceGraph !== undefined);
    // Where Cytoscape drew the wire -> copy edge: its instance hangs on the container (`_cyreg`).
    const point = await page.evaluate(() => {
      type Cy = { edges(): { source(): { id(): string }; renderedMidpoint(): { x: number; y: number } }[] };
      const box = document.querySelector('.graph') as HTMLElement & { _cyreg?: { cy: Cy } };
      const edge = box._cyreg?.cy.edges().find((e) => !e.source().id().startsWith('inferred:'));
      const rect = box.getBoundingClientRect();
      const mid = edge?.renderedMidpoint();
      return mid ? { x: rect.left + mid.x, y: rect.top + mid.y } : null;
    });
    expect(point).not.toBeNull();
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    await page.locator('table.diff').waitFor();
    expect(page.url()).toMatch(/#\/story\/story-lake\/pair\//);
    expect(await page.locator('h1').textContent()).toBe('Lakewire → Valley Daily');
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('is usable from the keyboard: Tab reaches a finding, Enter opens it with the change in focus', async () => {
    const page = await browser.newPage();
    const seen = watch(page);
    await page.goto(`${base}/#/story/story-lake`);
    await page.locator('ol.findings a.finding').first().waitFor();
    let reached = '';
    for (let i = 0; i < 40 && !reached.includes('finding'); i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.className ?? '');
    }
    expect(reached).toContain('finding');
    await page.keyboard.press('Enter');
    await page.locator('tr.focus-row .focus').first().waitFor();
    await expectBothSpansVisible(page);
    // The pair view moves keyboard focus to the highlighted row, so reading starts there.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('focus-row'))).toBe(true);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('opens the HTML report from disk with no network and the same views', async () => {
    const result: AnalysisResult = { articles: [], stories: [], errors: [] };
    for (const item of await service.listStories()) {
      const story = await service.getStory(item.id);
      if (story) result.stories.push({ ...story, articles: story.articles.map((a) => a.id), brief: story.brief ?? undefined });
    }
    const file = join(await mkdtemp(join(tmpdir(), 'wiretrace-report-')), 'report.html');
    await writeHtmlReport(result, fixtureArticles(), file, { webRoot: resolve('dist-web') });
    const page = await browser.newPage();
    const seen = watch(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await blockNetwork(page);
    await page.goto(pathToFileURL(file).href);
    await page.getByRole('link', { name: /Storm shuts Lake Orwen ferries/ }).click();
    await page.waitForFunction(() => window.wiretraceGraph !== undefined);
    await page.getByRole('link', { name: /number changed/ }).click();
    await page.locator('tr.focus-row .focus').first().waitFor();
    await expectBothSpansVisible(page);
    await page.goto(`${pathToFileURL(file).href}#/`);
    await page.locator('.story-title', { hasText: 'Hostile title' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'fixture-report.png') });
    await page.close();
  });
});
