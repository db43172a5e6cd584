/**
 * Ingest throughput: readInputs → clean → segment → store (SQLite temp file), per input format,
 * on a generated corpus of realistic-length (~600-word) news articles.
 *
 * HTML goes through a real DOM and Readability, about ten times slower per article than text, so
 * it is measured on min(size, 2,000) pages: the per-article rate is what matters, and a
 * 10,000-page run would only add minutes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { ingestIntoStore } from '../../src/store/ingest.js';
import { openStore } from '../../src/store/store.js';
import type { BenchResult, BenchTask } from '../task.js';

/** Deterministic 32-bit PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Word lists as one string each, `|`-separated, so they read as lists rather than 100 lines. */
const words = (list: string) => list.split('|');
const FIRST = words(
  'Ana|Tomas|Ilse|Marek|Priya|Jonah|Leila|Oskar|Mina|Rafael|Sofia|Daniel|Yara|Kofi|Elena|Hugo|Nadia|Pavel|Greta|Samir',
);
const LAST = words(
  'Varga|Lind|Okafor|Brennan|Castell|Moreau|Halvorsen|Quist|Adeyemi|Novak|Ferreira|Sato|Kowalski|Duarte|Marsh|Ivers|Tamm|Rowe|Beltran|Aalto',
);
const PLACES = words(
  'Port Ellery|Carrow|Westmere|Dunhallow|Kessbridge|Lowick|Marrowgate|Stanholm|Ferrisby|Oldcastle|Brightwater|Hollin|Redmarsh|Teller Bay|Ashgrove',
);
const ORGS = words(
  'the city council|the harbour authority|the regional health board|the transport ministry|the fire service|the teachers’ union|the water company|the police|the electoral commission|the chamber of commerce',
);
const ROLES = words(
  'the mayor|a spokeswoman|a spokesman|the chief executive|a senior official|the minister|a local councillor|the head of the agency',
);
const EVENTS = words(
  'fire|flood|strike|budget vote|bridge closure|power cut|court ruling|election recount|ferry collision|hospital merger|rail delay|school closure',
);
const NOUNS = words(
  'residents|workers|passengers|families|patients|students|drivers|volunteers|officers|shop owners|homes|buses|boats|schools',
);
const VERBS = words('said|told reporters|added|warned|confirmed|insisted|explained');
const ADJ = words('serious|unexpected|long-awaited|controversial|costly|temporary|sweeping|modest|urgent|difficult');
const HEDGES = words('at least|more than|about|nearly|up to|');
const DAYS = words('Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday');
const OUTLETS = words('Northwire|The Daily Tide|Coastal Courier|Metro Ledger|The Evening Post|Valley Herald');

export interface GeneratedArticle {
  id: string;
  title: string;
  published: string;
  outlet: string;
  url: string;
  /** Paragraphs, to be joined by blank lines (text) or wrapped in <p> (HTML). */
  paragraphs: string[];
}

/** One article of about 600 words: a lede, quotes with speakers, numbers with hedges, background. */
export function generateArticle(index: number, seed = 1): GeneratedArticle {
  const rnd = seededRandom(seed * 1_000_003 + index);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const n = () => 2 + Math.floor(rnd() * 400);
  const place = pick(PLACES);
  const event = pick(EVENTS);
  const org = pick(ORGS);
  const sentence = (): string => {
    switch (Math.floor(rnd() * 6)) {
      case 0:
        return `${pick(HEDGES)} ${n()} ${pick(NOUNS)} were affected by the ${pick(ADJ)} ${event} in ${place} on ${pick(DAYS)}, according to ${org}.`
          .trim()
          .replace(/^./, (c) => c.toUpperCase());
      case 1:
        return `"We are doing everything we can to help the ${pick(NOUNS)} of ${place}," ${pick(VERBS)} ${person()}, ${pick(ROLES)}.`;
      case 2:
        return `${person()}, who has lived in ${place} for ${n() % 60} years, ${pick(VERBS)} the ${event} was "${pick(ADJ)} but not a surprise".`;
      case 3:
        return `Officials expect the cost to reach ${pick(HEDGES)} ${n()} million, and ${org} will publish a ${pick(ADJ)} report by ${pick(DAYS)}.`.replace(
          '  ',
          ' ',
        );
      case 4:
        return `The ${event} follows a ${pick(ADJ)} year for ${place}, where ${n()} ${pick(NOUNS)} and ${n()} ${pick(NOUNS)} were counted in the last survey.`;
      default:
        return `${pick(ROLES).replace(/^./, (c) => c.toUpperCase())} of ${pick(PLACES)} ${pick(VERBS)} that ${org} had been "${pick(ADJ)}" in its response to ${person()}.`;
    }
  };
  const paragraphs: string[] = [];
  let wordCount = 0;
  while (wordCount < 600) {
    const p = Array.from({ length: 2 + Math.floor(rnd() * 2) }, sentence).join(' ');
    paragraphs.push(p);
    wordCount += p.split(' ').length;
  }
  const day = 1 + (index % 28);
  return {
    id: `bench-${seed}-${index}`,
    title: `${pick(ADJ).replace(/^./, (c) => c.toUpperCase())} ${event} in ${place}: ${person()} speaks out`,
    published: `2026-03-${String(day).padStart(2, '0')}T${String(index % 24).padStart(2, '0')}:00:00Z`,
    outlet: pick(OUTLETS),
    url: `https://news.example/${seed}/${index}`,
    paragraphs,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A news page as outlets serve it: navigation, cookie banner, article, related links, footer. */
export function toHtml(a: GeneratedArticle): string {
  const body = a.paragraphs.map((p) => `      <p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(a.title)} | ${escapeHtml(a.outlet)}</title>
<meta property="og:title" content="${escapeHtml(a.title)}">
<meta property="og:site_name" content="${escapeHtml(a.outlet)}">
<meta property="article:published_time" content="${a.published}">
<link rel="canonical" href="${a.url}"></head>
<body>
  <div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  <main>
    <article>
      <h1>${escapeHtml(a.title)}</h1>
      <p class="byline">By Staff Reporter · <time datetime="${a.published}">${a.published.slice(0, 10)}</time></p>
${body}
    </article>
    <aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Council meets again</a></li><li><a href="/b">Weather warning issued</a></li></ul></aside>
  </main>
  <footer><p>© 2026 ${escapeHtml(a.outlet)}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
`;
}

export function toText(a: GeneratedArticle): string {
  return `${a.title}\n\n${a.paragraphs.join('\n\n')}\n`;
}

async function measure(
  name: string,
  inputs: string[],
  articles: number,
  dir: string,
  log: (m: string) => void,
  workers = 0,
): Promise<BenchResult> {
  const store = await openStore(path.join(dir, `${name}.db`));
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  const started = performance.now();
  const summary = await ingestIntoStore(store, inputs, { batchSize: 100, workers });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  const stored = await store.countArticles();
  await store.close();
  if (summary.errors.length > 0)
    log(`  ${name}: ${summary.errors.length} errors, first: ${JSON.stringify(summary.errors[0])}`);
  if (stored !== articles) throw new Error(`${name}: stored ${stored} of ${articles} articles`);
  const rate = articles / seconds;
  log(`  ${name}: ${articles} articles in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} articles/s`);
  return {
    name: `ingest-${name}`,
    figures: {
      articles,
      seconds: Number(seconds.toFixed(2)),
      articlesPerSec: Number(rate.toFixed(1)),
      formatPeakRssMB: Math.round(peak / 1048576),
    },
  };
}

const task: BenchTask = {
  name: 'ingest',
  description:
    'articles/s through read → clean → segment → SQLite store, for txt (on one thread and with segment workers), jsonl and html (~600-word articles)',
  async run({ size, log }) {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiretrace-bench-ingest-'));
    try {
      const htmlSize = Math.min(size, 2_000);
      log(`  generating ${size} articles (txt, jsonl) and ${htmlSize} html pages in ${dir}`);
      const txtDir = path.join(dir, 'txt');
      const htmlDir = path.join(dir, 'html');
      const jsonl: string[] = [];
      mkdirSync(txtDir);
      mkdirSync(htmlDir);
      let wordCount = 0;
      for (let i = 0; i < size; i++) {
        const a = generateArticle(i);
        wordCount += a.paragraphs.join(' ').split(' ').length;
        writeFileSync(path.join(txtDir, `${String(i).padStart(6, '0')}.txt`), toText(a));
        jsonl.push(
          JSON.stringify({
            id: a.id,
            url: a.url,
            title: a.title,
            published: a.published,
            outlet: a.outlet,
            text: a.paragraphs.join('\n\n'),
          }),
        );
        if (i < htmlSize) writeFileSync(path.join(htmlDir, `${String(i).padStart(6, '0')}.html`), toHtml(a));
      }
      const jsonlFile = path.join(dir, 'corpus.jsonl');
      writeFileSync(jsonlFile, `${jsonl.join('\n')}\n`);
      log(`  mean length ${Math.round(wordCount / size)} words`);
      return [
        await measure('txt', [txtDir], size, dir, log),
        // What `wiretrace ingest` does on this machine: segmentation on one worker per core.
        await measure('txt-workers', [txtDir], size, dir, log, availableParallelism()),
        await measure('jsonl', [jsonlFile], size, dir, log),
        await measure('html', [htmlDir], htmlSize, dir, log),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default task;
