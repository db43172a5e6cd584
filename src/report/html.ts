/**
 * The self-contained HTML report (`wiretrace analyze PATHS… --html report.html`): the web UI's
 * built script and stylesheet inlined, and the analysis embedded as JSON, so the file opens from
 * disk with no server and no network and shows the same story views as `wiretrace serve`.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { align } from '../align/index.js';
import type { AnalysisResult, Article } from '../core/types.js';
import { defaultWebRoot } from '../server/app.js';
import { frozenPipeline } from '../server/frozen-pipeline.js';
import { CorpusService } from '../server/service.js';
import { buildSnapshot } from '../server/views/snapshot.js';
import type { Snapshot } from '../server/views/types.js';

export interface WebAssets {
  js: string;
  css: string;
}

/** The UI as `npm run build:web` left it in dist-web/assets. */
export async function loadWebAssets(webRoot: string | null = defaultWebRoot()): Promise<WebAssets> {
  if (!webRoot) {
    throw new Error('the web UI is not built (no dist-web/index.html): run `npm run build:web` first');
  }
  const [js, css] = await Promise.all([
    readFile(join(webRoot, 'assets', 'app.js'), 'utf8'),
    readFile(join(webRoot, 'assets', 'app.css'), 'utf8'),
  ]);
  return { js, css };
}

/**
 * JSON that can sit inside <script type="application/json">: `<` becomes \u003c, so article text
 * such as "</script><script>…" cannot close the element (JSON.parse turns it back into `<`).
 * U+2028/2029 are escaped too, for the few tools that still read JSON as JavaScript.
 */
export function embeddableJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Inline script text cannot contain "</script"; in JS source `<\/` means the same as `</`. */
function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The report page. Its CSP allows exactly the inlined script (by hash) and no network at all. */
export function renderHtmlReport(snapshot: Snapshot, assets: WebAssets, title = 'Wiretrace report'): string {
  const script = inlineScript(assets.js);
  const style = assets.css.replace(/<\/(style)/gi, '<\\/$1');
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<div id="app"></div>
<script type="application/json" id="wiretrace-data">${embeddableJson(snapshot)}</script>
<script type="module">${script}</script>
</body>
</html>
`;
}

export interface HtmlReportOptions {
  /** Folder of the built UI; defaults to the package's dist-web/. */
  webRoot?: string | null;
  title?: string;
}

/**
 * Writes the report for an analysis. `articles` are the analysed articles themselves (their text
 * is what the report shows); `result` is what `analyze` found about them.
 */
export async function writeHtmlReport(
  result: AnalysisResult,
  articles: Article[],
  file: string,
  options: HtmlReportOptions = {},
): Promise<void> {
  const assets = await loadWebAssets(options.webRoot === undefined ? defaultWebRoot() : options.webRoot);
  const service = new CorpusService(frozenPipeline(result, align));
  service.addArticles(articles);
  const snapshot = await buildSnapshot(service);
  await writeFile(file, renderHtmlReport(snapshot, assets, options.title), 'utf8');
}
