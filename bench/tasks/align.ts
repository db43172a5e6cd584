/**
 * Sentence alignment and tracing speed on generated stories: one ~600-word (about 30-sentence)
 * report and versions of it made the way copies are made — paragraphs cut, sentences trimmed,
 * words swapped for synonyms, two paragraphs swapped, an own paragraph added — so that the
 * aligner has real work (scored candidates, merges, moved sentences), not only identical lines.
 *
 * - featuresMsPerArticle: per-sentence features (lemma keys, n-grams, WordNet concepts), once
 *   per article;
 * - alignPairsPerSecond: align(a, b) on pairs of two versions of one story, every pair a
 *   different story, features ready;
 * - traceMs<K>: trace() of one story of K versions (K·(K−1)/2 pairs), features ready; versions
 *   share most sentences, as copies do, so each distinct sentence pair is scored once.
 *   K is 10, 25 and 50, capped by --size.
 * Each timing is given as wall time and as this process's CPU time (…Cpu…): on a shared machine
 * the wall time also counts other processes.
 */
import { align, articleFeatures } from '../../src/align/index.js';
import { articleFromText } from '../../src/core/prepare.js';
import type { Article } from '../../src/core/types.js';
import { trace } from '../../src/trace/index.js';
import type { BenchResult, BenchTask } from '../task.js';
import { generateArticle, seededRandom } from './ingest.js';

/** Pairs of near-synonyms a rewriter swaps; both directions are used. */
const SWAPS: [string, string][] = [
  ['said', 'stated'],
  ['expect', 'anticipate'],
  ['reach', 'hit'],
  ['publish', 'release'],
  ['report', 'study'],
  ['affected', 'hit'],
  ['counted', 'recorded'],
  ['help', 'support'],
  ['response', 'reaction'],
  ['lived', 'resided'],
];

/** Version `k` of a story: deterministic edits of the base paragraphs. */
export function version(base: string[], k: number): string {
  const rnd = seededRandom(7919 * (k + 1));
  let paragraphs = base.filter((_, i) => i === 0 || rnd() > 0.2);
  paragraphs = paragraphs.map((p) => {
    let text = p;
    if (rnd() < 0.3) {
      // Trim the last sentence of a paragraph of several.
      const sentences = text.split(/(?<=[.!?]["”]?)\s+/);
      if (sentences.length > 1) text = sentences.slice(0, -1).join(' ');
    }
    for (const [x, y] of SWAPS) if (rnd() < 0.25) text = text.replace(new RegExp(`\\b${x}\\b`, 'g'), y);
    return text;
  });
  if (paragraphs.length > 3 && rnd() < 0.5) {
    const i = 1 + Math.floor(rnd() * (paragraphs.length - 2));
    [paragraphs[i], paragraphs[i + 1]] = [paragraphs[i + 1], paragraphs[i]];
  }
  paragraphs.push(`Version ${k} of this report adds its own closing line for readers number ${k}.`);
  return paragraphs.join('\n\n');
}

function story(versions: number, seed: number): Article[] {
  const base = generateArticle(seed, 11).paragraphs;
  return Array.from({ length: versions }, (_, k) => articleFromText(version(base, k), { source: `v${seed}-${k}` }));
}

const task: BenchTask = {
  name: 'align',
  description: 'sentence alignment pairs/s and trace() time for a story of K versions',
  async run({ size, log }): Promise<BenchResult[]> {
    // Warm the lexicon (WordNet) and the JIT once, outside every timing.
    const warm = story(4, 0);
    trace(warm);

    // The machine may be shared: wall time and this process's CPU time are both reported.
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const u = process.cpuUsage(since);
      return (u.user + u.system) / 1000;
    };
    const pairs = 200;
    const prepared = Array.from({ length: pairs }, (_, i) => {
      const base = generateArticle(1000 + i, 11).paragraphs;
      return [
        articleFromText(version(base, 2 * i), { source: 'a' }),
        articleFromText(version(base, 2 * i + 1), { source: 'b' }),
      ] as const;
    });
    let started = performance.now();
    let cpu = process.cpuUsage();
    for (const [a, b] of prepared) {
      articleFeatures(a);
      articleFeatures(b);
    }
    const featuresMs = performance.now() - started;
    const featuresCpu = cpuMs(cpu);
    // Each pair is a different story, so the score memo only helps within a pair.
    started = performance.now();
    cpu = process.cpuUsage();
    for (const [a, b] of prepared) align(a, b);
    const alignMs = performance.now() - started;
    const alignCpu = cpuMs(cpu);
    const sentences = prepared.flatMap(([a, b]) => [a.sentences.length, b.sentences.length]);
    const meanSentences = sentences.reduce((s, n) => s + n, 0) / sentences.length;
    log(`  align: ${pairs} pairs of ${meanSentences.toFixed(1)} sentences on average`);

    const figures: Record<string, number | string> = {
      featuresMsPerArticle: Math.round((featuresMs / (2 * pairs)) * 100) / 100,
      featuresCpuMsPerArticle: Math.round((featuresCpu / (2 * pairs)) * 100) / 100,
      alignPairsPerSecond: Math.round((pairs / alignMs) * 1000),
      alignPairsPerCpuSecond: Math.round((pairs / alignCpu) * 1000),
      meanSentences: Math.round(meanSentences * 10) / 10,
    };
    for (const k of [10, 25, 50].filter((k) => k <= Math.max(2, size))) {
      const articles = story(k, k);
      for (const a of articles) articleFeatures(a);
      started = performance.now();
      cpu = process.cpuUsage();
      const graph = trace(articles);
      const ms = performance.now() - started;
      figures[`traceMs${k}`] = Math.round(ms);
      figures[`traceCpuMs${k}`] = Math.round(cpuMs(cpu));
      log(
        `  align: trace of ${k} versions (${(k * (k - 1)) / 2} pairs): ${ms.toFixed(0)} ms, ${graph.derivations.length} edges`,
      );
    }
    return [{ name: 'align', figures }];
  },
};

export default task;
