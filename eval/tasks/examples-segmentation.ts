/**
 * Sentence segmentation on the bundled examples, scored against the gold sentences in
 * examples/truth.json. Each gold article goes through the real pipeline front (readInputs →
 * prepareArticle), so the figure covers what a user gets: the reader, the cleaner and the
 * segmenter together, on datelines, "U.S." at a sentence end, "Mr."/"Dr."/"St.", middle initials,
 * "Jan. 28", "Nov. 3", "Ph.D.", "4 p.m.", decimals, and quotes that run over several sentences.
 *
 * Scoring: a predicted sentence is correct when its text (in the original body) equals a gold
 * sentence after whitespace normalisation. Only paragraphs that hold gold sentences are scored, so bylines, credit lines and
 * page furniture the truth does not cover neither help nor hurt. Figures are micro-averaged over
 * sentences.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toOriginalSpan } from '../../src/core/offsets.js';
import { prepareArticle } from '../../src/core/prepare.js';
import type { Article, RawArticle, Span } from '../../src/core/types.js';
import { readInputs } from '../../src/ingest/index.js';
import type { DatasetResult, EvalOptions, EvalTask } from '../task.js';

interface TruthArticle {
  key: string;
  file: string;
  recordId: string | null;
}

interface SegmentationGold {
  article: string;
  sentences: string[];
}

interface Truth {
  articles: TruthArticle[];
  segmentation: SegmentationGold[];
}

export interface SegmentationScore {
  gold: number;
  predicted: number;
  correct: number;
  /** Gold sentences the predicted segmentation did not reproduce, and predictions that match no gold sentence. */
  missed: string[];
  spurious: string[];
}

function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The RawArticle of a truth entry: the file's only article, or the batch record with its id. */
async function readTruthArticle(examplesDir: string, entry: TruthArticle): Promise<RawArticle> {
  const file = path.join(examplesDir, entry.file);
  const found: RawArticle[] = [];
  for await (const result of readInputs([file])) {
    if ('reason' in result && !('body' in result)) throw new Error(`${entry.file}: ${result.reason}`);
    const raw = result as RawArticle;
    if (entry.recordId === null || raw.externalId === entry.recordId || raw.source.endsWith(`#${entry.recordId}`))
      found.push(raw);
  }
  if (found.length !== 1)
    throw new Error(
      `${entry.file}${entry.recordId ? `#${entry.recordId}` : ''}: expected one article, read ${found.length}`,
    );
  return found[0];
}

/** Where each gold sentence stands in the original body, searched in reading order. */
function locateGold(original: string, goldSentences: string[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const sentence of goldSentences) {
    const at = original.indexOf(sentence, from);
    if (at < 0) continue;
    spans.push([at, at + sentence.length]);
    from = at + sentence.length;
  }
  return spans;
}

/**
 * Compares an article's sentences with gold sentences over the paragraphs the gold covers.
 * Sentences are compared in the original body (via the offset map), not in the clean text: the
 * cleaner may lift a credit out of a sentence ("CALDER BAY (Northwire) — …" loses "(Northwire)"),
 * and that is not a segmentation error. A paragraph is scored when one of its predicted
 * sentences overlaps a gold sentence; a gold sentence nothing reproduces counts as missed.
 */
export function scoreSegmentation(article: Article, goldSentences: string[]): SegmentationScore {
  const gold = locateGold(article.original, goldSentences);
  const overlapsGold = ([start, end]: Span) => gold.some(([gs, ge]) => start < ge && gs < end);
  const original = article.sentences.map((s) => ({ paragraph: s.paragraph, span: toOriginalSpan(article, s.span) }));
  const covered = new Set(original.filter((s) => overlapsGold(s.span)).map((s) => s.paragraph));

  const remaining = new Map<string, number>();
  for (const s of goldSentences) remaining.set(normalise(s), (remaining.get(normalise(s)) ?? 0) + 1);
  const predicted = original.filter((s) => covered.has(s.paragraph));
  const spurious: string[] = [];
  let correct = 0;
  for (const s of predicted) {
    const key = normalise(article.original.slice(s.span[0], s.span[1]));
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      correct++;
      remaining.set(key, left - 1);
    } else spurious.push(key);
  }
  const missed = [...remaining].flatMap(([s, n]) => Array<string>(n).fill(s));
  return { gold: goldSentences.length, predicted: predicted.length, correct, missed, spurious };
}

async function run(options: EvalOptions): Promise<DatasetResult[]> {
  const truth = JSON.parse(await readFile(path.join(options.examplesDir, 'truth.json'), 'utf8')) as Truth;
  const byKey = new Map(truth.articles.map((a) => [a.key, a]));
  const entries = truth.segmentation.slice(0, options.limit);
  const total = { gold: 0, predicted: 0, correct: 0 };
  for (const entry of entries) {
    const declared = byKey.get(entry.article);
    if (!declared) throw new Error(`truth.json: segmentation names undeclared article ${entry.article}`);
    const article = prepareArticle(await readTruthArticle(options.examplesDir, declared));
    const score = scoreSegmentation(article, entry.sentences);
    total.gold += score.gold;
    total.predicted += score.predicted;
    total.correct += score.correct;
    options.log(`  ${entry.article}: ${score.correct}/${score.gold} gold sentences, ${score.predicted} predicted`);
    for (const s of score.missed) options.log(`    missed:   ${s}`);
    for (const s of score.spurious) options.log(`    spurious: ${s}`);
  }
  const precision = total.predicted ? total.correct / total.predicted : 0;
  const recall = total.gold ? total.correct / total.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return [
    {
      dataset: 'examples',
      metrics: {
        segmentationPrecision: precision,
        segmentationRecall: recall,
        segmentationF1: f1,
        segmentationN: total.gold,
      },
    },
  ];
}

const task: EvalTask = {
  name: 'examples-segmentation',
  description: 'sentence segmentation of the bundled examples against the gold sentences in examples/truth.json',
  run,
};

export default task;
