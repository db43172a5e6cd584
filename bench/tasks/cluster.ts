/**
 * Stories from a stream: articles/s for ingest (clean + segment of plain text) + near-duplicate
 * detection + online story clustering, and the memory the clustering index holds per article.
 *
 * The corpus is a generated news stream with the structure the clusterer is built for: stories
 * of 1–12 articles (its own people, place, counts and event), reported by several outlets over a
 * few days, with about one article in ten a re-publication of an earlier one inside other page
 * furniture (a near copy). Articles are ~600 words and arrive in publication order. The same
 * seed gives the same corpus on every machine; minhash.ts times MinHash/LSH on the same texts.
 *
 * The machine may be shared: articlesPerSec is wall-clock, articlesPerCpuSec divides by the
 * process's own CPU time (user + system, GC threads included), which other load affects less.
 * Stages are timed separately (prepare = clean + segment, the NLP pass; cluster = dedup + story
 * assignment) so that the bottleneck is visible. Articles are not kept after they are clustered,
 * as in a live feed, so the heap growth measured is what the clusterer keeps.
 */
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { FeaturePool, StoryClusterer, type StorySummary, storyDocument } from '../../src/cluster/index.js';
import { articleFromText } from '../../src/core/prepare.js';
import type { BenchResult, BenchTask } from '../task.js';
import { seededRandom } from './ingest.js';

const words = (list: string) => list.split('|');
const FIRST = words(
  'Ana|Tomas|Ilse|Marek|Priya|Jonah|Leila|Oskar|Mina|Rafael|Sofia|Daniel|Yara|Kofi|Elena|Hugo|Nadia|Pavel|Greta|Samir|Irene|Bram|Lucia|Emeka|Haruto|Zofia|Mateo|Aisha|Lars|Noor',
);
const LAST = words(
  'Varga|Lind|Okafor|Brennan|Castell|Moreau|Halvorsen|Quist|Adeyemi|Novak|Ferreira|Sato|Kowalski|Duarte|Marsh|Ivers|Tamm|Rowe|Beltran|Aalto|Keane|Oyelaran|Brandt|Vidal|Nakamura|Holm|Serrano|Petrov|Mbeki|Calder',
);
const PLACE_A = words('Port|West|North|East|Upper|Lower|New|Old|Great|Little|Saint|Fort|Glen|Lake|Mount');
const PLACE_B = words(
  'Ellery|Carrow|Mere|Dunhallow|Kessbridge|Lowick|Marrowgate|Stanholm|Ferrisby|Castle|Brightwater|Hollin|Redmarsh|Teller|Ashgrove|Bramley|Corran|Dewhurst|Elmstead|Fallow|Garrick|Heston|Inverlea|Jarrow|Kilby|Larchfield|Morden|Nettlecombe|Orwell|Pennick',
);
const ORGS = words(
  'city council|harbour authority|regional health board|transport ministry|fire service|teachers’ union|water company|police|electoral commission|chamber of commerce|port operator|rail company|hospital trust|county court|coast guard',
);
const ROLES = words(
  'the mayor|a spokeswoman|a spokesman|the chief executive|a senior official|the minister|a local councillor|the head of the agency|a witness|a union representative',
);
const EVENTS = words(
  'fire|flood|strike|budget vote|bridge closure|power cut|court ruling|election recount|ferry collision|hospital merger|rail delay|school closure|factory explosion|landslide|data breach|water shortage',
);
const NOUNS = words(
  'residents|workers|passengers|families|patients|students|drivers|volunteers|officers|shop owners|homes|buses|boats|schools|engineers|nurses|farmers|tenants',
);
const VERBS = words('said|told reporters|added|warned|confirmed|insisted|explained|told a news conference');
const ADJ = words(
  'serious|unexpected|long-awaited|controversial|costly|temporary|sweeping|modest|urgent|difficult|sudden|disputed',
);
const HEDGES = words('at least|more than|about|nearly|up to|');
const DAYS = words('Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday');
const OUTLETS = words(
  'Northwire|The Daily Tide|Coastal Courier|Metro Ledger|The Evening Post|Valley Herald|Harbour Times',
);
const FURNITURE = words(
  'Sign up for our morning newsletter.|Share this article.|Read more local news.|Follow us for updates.|Advertisement.|Most read today.|Copyright reserved.',
);

export interface BenchArticle {
  id: string;
  title: string;
  published: string;
  outlet: string;
  text: string;
  story: number;
  /** The article this one re-publishes, for near copies. */
  copyOf?: string;
}

interface Story {
  index: number;
  people: string[];
  place: string;
  event: string;
  org: string;
  /** Words of this story only (a ship's name, a chemical, a street): real streams have them. */
  topics: string[];
  counts: number[];
  day: number;
}

const SYLLABLES = words(
  'ka|ro|mi|len|dor|sa|vin|tu|bel|mar|o|ne|ris|ta|gan|lo|fe|quin|za|hol|ber|ti|mun|sel|ra|do|vek|ia|pol|tor',
);

/** A made-up word of 2–3 syllables, capitalised for names. */
function coin(rnd: () => number, capital: boolean): string {
  const n = 2 + Math.floor(rnd() * 2);
  let word = '';
  for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  return capital ? word.replace(/^./, (c) => c.toUpperCase()) : word;
}

function makeStory(index: number, rnd: () => number, day: number): Story {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const people = Array.from({ length: 3 }, () => `${pick(FIRST)} ${rnd() < 0.5 ? pick(LAST) : coin(rnd, true)}`);
  return {
    index,
    people,
    place: `${pick(PLACE_A)} ${rnd() < 0.3 ? pick(PLACE_B) : coin(rnd, true)}`,
    event: pick(EVENTS),
    org: `the ${pick(PLACE_B)} ${pick(ORGS)}`,
    topics: Array.from({ length: 3 }, () => coin(rnd, false)),
    counts: Array.from({ length: 4 }, () => 2 + Math.floor(rnd() * 400)),
    day,
  };
}

/** One ~600-word report of a story: lede, quotes with speakers, counts with hedges, background. */
function writeReport(story: Story, rnd: () => number): { title: string; text: string } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const { place, event, org } = story;
  const person = () => pick(story.people);
  const count = () => pick(story.counts);
  const sentence = (): string => {
    switch (Math.floor(rnd() * 8)) {
      case 0:
        return `${`${pick(HEDGES)} ${count()}`.trim()} ${pick(NOUNS)} were affected by the ${pick(ADJ)} ${event} in ${place} on ${pick(DAYS)}, according to ${org}.`.replace(
          /^./,
          (c) => c.toUpperCase(),
        );
      case 1:
        return `"We are doing everything we can to help the ${pick(NOUNS)} of ${place}," ${pick(VERBS)} ${person()}, ${pick(ROLES)}.`;
      case 2:
        return `${person()}, who has lived in ${place} for ${count() % 60} years, ${pick(VERBS)} the ${event} was "${pick(ADJ)} but not a surprise".`;
      case 3:
        return `Officials expect the cost to reach ${`${pick(HEDGES)} ${count()}`.trim()} million, and ${org} will publish a ${pick(ADJ)} report by ${pick(DAYS)}.`;
      case 4:
        return `The ${event} follows a ${pick(ADJ)} year for ${place}, where ${count()} ${pick(NOUNS)} and ${count()} ${pick(NOUNS)} were counted in the last survey.`;
      case 5:
        return `${pick(ROLES).replace(/^./, (c) => c.toUpperCase())} ${pick(VERBS)} that ${org} had been "${pick(ADJ)}" in its response, and that ${person()} had asked for an inquiry.`;
      case 6:
        return `Neighbours described ${pick(ADJ)} scenes as ${pick(NOUNS)} gathered near the ${pick(story.topics)} ${pick(words('station|square|harbour|market|bridge|depot'))} while ${pick(NOUNS)} waited for news.`;
      default:
        return `Questions remain about the ${pick(story.topics)} and the ${pick(story.topics)}, which ${org} ${pick(VERBS)} would be examined.`;
    }
  };
  const paragraphs: string[] = [];
  let wordCount = 0;
  while (wordCount < 600) {
    const p = Array.from({ length: 2 + Math.floor(rnd() * 2) }, sentence).join(' ');
    paragraphs.push(p);
    wordCount += p.split(' ').length;
  }
  const title = `${pick(ADJ).replace(/^./, (c) => c.toUpperCase())} ${event} in ${place}: ${pick(story.topics)} ${pick(words('questioned|blamed|at centre of inquiry|under scrutiny'))}`;
  return { title, text: paragraphs.join('\n\n') };
}

/**
 * A deterministic stream of `size` articles in publication order. Stories open at a steady rate
 * and each is reported within a few days of its start; a tenth of the articles are near copies
 * (the same text inside another outlet's furniture lines).
 */
export function generateStream(size: number, seed = 1): BenchArticle[] {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const articles: BenchArticle[] = [];
  const live: { story: Story; left: number; reports: BenchArticle[] }[] = [];
  let stories = 0;
  const perDay = 200;
  for (let i = 0; i < size; i++) {
    const day = Math.floor(i / perDay);
    // Open a story with its total size drawn now (1–12, mostly small, as in real streams).
    if (live.length === 0 || rnd() < 0.3) {
      const total = 1 + Math.floor(rnd() ** 2 * 12);
      live.push({ story: makeStory(stories++, rnd, day), left: total, reports: [] });
    }
    const slot = Math.floor(rnd() * live.length);
    const entry = live[slot];
    const minute = Math.floor((i % perDay) * (1440 / perDay));
    const published = new Date(Date.UTC(2026, 0, 1 + day, 0, minute)).toISOString();
    const id = `a${String(i).padStart(7, '0')}`;
    let article: BenchArticle;
    if (entry.reports.length > 0 && rnd() < 0.1) {
      const original = pick(entry.reports);
      const text = `${pick(FURNITURE)}\n\n${original.text}\n\n${pick(FURNITURE)} ${pick(FURNITURE)}`;
      article = {
        id,
        title: original.title,
        published,
        outlet: pick(OUTLETS),
        text,
        story: entry.story.index,
        copyOf: original.id,
      };
    } else {
      const { title, text } = writeReport(entry.story, rnd);
      article = { id, title, published, outlet: pick(OUTLETS), text, story: entry.story.index };
    }
    articles.push(article);
    entry.reports.push(article);
    if (--entry.left <= 0 || day - entry.story.day > 3) live.splice(slot, 1);
  }
  return articles;
}

/** Writes the corpus as JSONL, one `{id, text}` a line, for reference implementations. */
export function writeCorpus(file: string, articles: readonly BenchArticle[]): void {
  writeFileSync(file, `${articles.map((a) => JSON.stringify({ id: a.id, text: a.text })).join('\n')}\n`);
}

/** A garbage collection, when the runtime allows one (for heap figures that mean something). */
function collectGarbage(): void {
  if (!global.gc) {
    v8.setFlagsFromString('--expose-gc');
    global.gc = runInNewContext('gc') as typeof global.gc;
  }
  global.gc?.();
}

interface Run {
  result: BenchResult;
  /** The stories found, which must not depend on how the articles were prepared. */
  stories: StorySummary[];
}

/** Figures both runs report: throughput, index and heap per article, and what was found. */
function summary(
  articles: readonly BenchArticle[],
  clusterer: StoryClusterer,
  run: { seconds: number; cpuSeconds: number; heapBefore: number; copiesFound: number },
): Record<string, number> {
  const size = articles.length;
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;
  return {
    articles: size,
    articlesPerSec: Number((size / run.seconds).toFixed(1)),
    articlesPerCpuSec: Number((size / run.cpuSeconds).toFixed(1)),
    indexBytesPerArticle: Math.round(clusterer.indexBytes() / size),
    heapBytesPerArticle: Math.round((heapAfter - run.heapBefore) / size),
    storiesFound: clusterer.listStories().length,
    storiesGenerated: new Set(articles.map((a) => a.story)).size,
    copiesCollapsed: run.copiesFound,
    copiesGenerated: articles.filter((a) => a.copyOf).length,
  };
}

/**
 * The process's RSS high-water mark during one run (bench/main.ts reports the task's, which
 * spans both runs): worker threads each hold their own NLP model, and that is part of the cost.
 */
function peakRss(): { sample(): number } {
  let peak = 0;
  return {
    sample() {
      peak = Math.max(peak, Math.round(process.memoryUsage.rss() / 1048576));
      return peak;
    },
  };
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** Everything on one thread, article by article: prepare, then StoryClusterer.add. */
function runSerial(articles: readonly BenchArticle[], log: (message: string) => void): Run {
  const size = articles.length;
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const rss = peakRss();
  let done = 0;
  const clusterer = new StoryClusterer();
  let prepareMs = 0;
  let clusterMs = 0;
  let copiesFound = 0;
  let prepareCpu = 0;
  let clusterCpu = 0;
  const cpuBefore = cpuNow();
  const started = performance.now();
  for (const a of articles) {
    const c0 = cpuNow();
    const t0 = performance.now();
    const article = articleFromText(a.text, { title: a.title, published: a.published, outlet: a.outlet });
    const doc = { ...storyDocument(article), id: a.id };
    const t1 = performance.now();
    const c1 = cpuNow();
    const assignment = clusterer.add(doc);
    clusterMs += performance.now() - t1;
    prepareMs += t1 - t0;
    clusterCpu += cpuNow() - c1;
    prepareCpu += c1 - c0;
    if (assignment.kind === 'duplicate') copiesFound++;
    if (++done % 32 === 0) rss.sample();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = (cpuNow() - cpuBefore) / 1e6;
  const figures = summary(articles, clusterer, { seconds, cpuSeconds, heapBefore, copiesFound });
  log(
    `  one thread: prepare ${(prepareMs / 1000).toFixed(1)} s, cluster ${(clusterMs / 1000).toFixed(1)} s; ` +
      `${figures.storiesFound} stories found (${figures.storiesGenerated} generated), ` +
      `${copiesFound} of ${figures.copiesGenerated} copies collapsed`,
  );
  const result = {
    name: 'cluster',
    figures: {
      ...figures,
      runPeakRssMB: rss.sample(),
      prepareArticlesPerSec: Number((size / (prepareMs / 1000)).toFixed(1)),
      clusterArticlesPerSec: Number((size / (clusterMs / 1000)).toFixed(1)),
      prepareArticlesPerCpuSec: Number((size / (prepareCpu / 1e6)).toFixed(1)),
      clusterArticlesPerCpuSec: Number((size / (clusterCpu / 1e6)).toFixed(1)),
    },
  };
  return { result, stories: clusterer.listStories() };
}

/**
 * Preparation and feature extraction on a FeaturePool (one worker per core), clustering on the
 * main thread in publication order. Worker start-up (loading the NLP model) is left out of the
 * rates and reported apart: a live feed pays it once. CPU time is the whole process's, workers
 * included. The stories must be those of the one-thread run.
 */
async function runWorkers(articles: readonly BenchArticle[], log: (message: string) => void): Promise<Run> {
  const size = articles.length;
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const rss = peakRss();
  let done = 0;
  const clusterer = new StoryClusterer();
  const t0 = performance.now();
  const pool = new FeaturePool({ clusterer: clusterer.options });
  let copiesFound = 0;
  let clusterMs = 0;
  try {
    await pool.ready();
    const startupMs = performance.now() - t0;
    const jobs = articles.map((a) => ({
      id: a.id,
      raw: {
        source: 'text',
        format: 'txt' as const,
        body: a.text,
        title: a.title,
        published: a.published,
        outlet: a.outlet,
      },
    }));
    const cpuBefore = cpuNow();
    const started = performance.now();
    for await (const features of pool.features(jobs)) {
      const t1 = performance.now();
      if (clusterer.addFeatures(features).kind === 'duplicate') copiesFound++;
      if (++done % 32 === 0) rss.sample();
      clusterMs += performance.now() - t1;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = (cpuNow() - cpuBefore) / 1e6;
    const figures = summary(articles, clusterer, { seconds, cpuSeconds, heapBefore, copiesFound });
    log(
      `  ${pool.size} workers (start-up ${(startupMs / 1000).toFixed(1)} s): cluster thread busy ` +
        `${(clusterMs / 1000).toFixed(1)} s of ${seconds.toFixed(1)} s; ${figures.storiesFound} stories found`,
    );
    const result = {
      name: 'cluster-workers',
      figures: {
        ...figures,
        runPeakRssMB: rss.sample(),
        workers: pool.size,
        startupMs: Math.round(startupMs),
        clusterArticlesPerSec: Number((size / (clusterMs / 1000)).toFixed(1)),
      },
    };
    return { result, stories: clusterer.listStories() };
  } finally {
    await pool.close();
  }
}

const task: BenchTask = {
  name: 'cluster',
  description: 'articles/s for clean + segment + dedup + story clustering of ~600-word articles, index memory/article',
  async run({ size, writeCorpus: corpusFile, log }) {
    const articles = generateStream(size);
    const words = articles.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
    const storyCount = new Set(articles.map((a) => a.story)).size;
    log(`  ${size} articles in ${storyCount} stories, mean ${Math.round(words / size)} words`);
    if (corpusFile) {
      writeCorpus(corpusFile, articles);
      log(`  corpus written to ${corpusFile}`);
    }
    const serial = runSerial(articles, log);
    const parallel = await runWorkers(articles, log);
    if (!isDeepStrictEqual(serial.stories, parallel.stories)) throw new Error('workers changed the stories');
    return [serial.result, parallel.result];
  },
};

export default task;
