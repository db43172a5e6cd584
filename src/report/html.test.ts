import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../core/types.js';
import { CorpusService } from '../server/service.js';
import { fixtureArticles, fixturePipeline } from '../server/test-helpers/fixture.js';
import type { Snapshot } from '../server/views/types.js';
import { embeddableJson, renderHtmlReport, writeHtmlReport } from './html.js';

const ASSETS = { js: 'document.title = "</script><b>";', css: 'body { color: black }' };

function embedded(html: string): Snapshot {
  const m = /<script type="application\/json" id="wiretrace-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no data block');
  return JSON.parse(m[1]) as Snapshot;
}

describe('embeddableJson', () => {
  it('keeps article text from closing the script element, and parses back to the same value', () => {
    const value = { text: '</script><script>alert(1)</script><!-- \u2028' };
    const json = embeddableJson(value);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('renderHtmlReport', () => {
  it('inlines script and style, allows only that script, and reaches no network', () => {
    const snapshot: Snapshot = { generatedAt: 'now', stories: [], storyViews: {}, articles: {}, diffs: {} };
    const html = renderHtmlReport(snapshot, ASSETS, 'Report <for> "editors"');
    expect(html).toContain('<title>Report &#60;for&#62; &#34;editors&#34;</title>');
    expect(html).toContain('<script type="module">document.title = "<\\/script><b>";</script>');
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).toContain("connect-src 'none'");
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="(?!data:)/);
    expect(embedded(html)).toEqual(snapshot);
  });
});

describe('writeHtmlReport', () => {
  it('embeds every story, its articles and the pairs its edges and findings link to', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wiretrace-report-'));
    await mkdir(join(dir, 'web', 'assets'), { recursive: true });
    await writeFile(join(dir, 'web', 'assets', 'app.js'), ASSETS.js);
    await writeFile(join(dir, 'web', 'assets', 'app.css'), ASSETS.css);
    // The analysis as `analyze` would return it, made here by the fixture's stand-in stages.
    const articles = fixtureArticles();
    const live = new CorpusService(fixturePipeline);
    live.addArticles(articles);
    const result: AnalysisResult = { articles: [], stories: [], errors: [] };
    for (const item of await live.listStories()) {
      const story = await live.getStory(item.id);
      if (story)
        result.stories.push({ ...story, articles: story.articles.map((a) => a.id), brief: story.brief ?? undefined });
    }
    const file = join(dir, 'report.html');
    await writeHtmlReport(result, articles, file, { webRoot: join(dir, 'web') });
    const snapshot = embedded(await readFile(file, 'utf8'));
    expect(Object.keys(snapshot.storyViews).sort()).toEqual(['story-hostile', 'story-lake', 'story-music']);
    const lake = snapshot.storyViews['story-lake'];
    expect(lake.findings).toHaveLength(2);
    const [wire, copy] = lake.articles;
    const pair = snapshot.diffs[`${wire.id}|${copy.id}`];
    // The report aligns with the real aligner: the edited quote sits in one row, words marked.
    const quoteRow = pair.rows.find((r) => r.a?.text.includes('checked every pile'));
    expect(quoteRow?.b?.text).toContain('looked at every pile');
    expect(quoteRow?.kind).not.toBe('identical');
    expect(Object.keys(snapshot.articles)).toHaveLength(articles.length);
  });
});
