/**
 * Date resolution on the bundled examples: every temporal expression the truth lists
 * (examples/truth.json "dates": the words, the article, the resolved date and its precision) is
 * looked for among what `extractDates` finds, running the real pipeline front on each example
 * (readInputs → prepareArticle → extractDates), so that the reader's publication date and the
 * cleaner's offsets are part of what is measured.
 *
 * A truth date is FOUND when an extracted mention overlaps one of its occurrences in the original
 * body, and CORRECT when such a mention also resolves to the same date at the same precision
 * ("last month" → "2026-02", month). Metrics, over all truth dates:
 *   dateRecall   = found / N
 *   dateAccuracy = correct / N   (end to end: a date not found counts as wrong)
 *   dateN        = N
 * Extracted mentions the truth does not list are logged, not scored: the truth lists the dates
 * of reported events, not necessarily every temporal word.
 *
 * The truth's story briefs ("brief" → "timeline") also resolve the dates of articles the "dates"
 * list leaves out (the wind-yard versions). Those are scored the same way, apart, so that the
 * figures above stay comparable:
 *   timelineDateRecall, timelineDateAccuracy, timelineDateN
 *
 * Labelled temporal data in ../shared/data: none. Of its corpora only `gva` carries dates, and
 * those are document publication dates (`dct`), not resolved temporal expressions; `meter` has a
 * story date, `ecbplus` none. So this task scores the examples only.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toOriginalSpan } from '../../src/core/offsets.js';
import { prepareArticle } from '../../src/core/prepare.js';
import type { Article, DateMention, DatePrecision, RawArticle, Span } from '../../src/core/types.js';
import { extractDates } from '../../src/extract/dates.js';
import { readInputs } from '../../src/ingest/index.js';
import type { DatasetResult, EvalOptions, EvalTask } from '../task.js';

export interface TruthArticle {
  key: string;
  file: string;
  recordId: string | null;
  story: string;
  published?: string;
}

interface TruthDate {
  article: string;
  text: string;
  resolved: string;
  precision: DatePrecision;
}

/** The RawArticle of a truth entry: the file's only article, or the batch record with its id. */
export async function readTruthArticle(examplesDir: string, entry: TruthArticle): Promise<RawArticle> {
  const found: RawArticle[] = [];
  for await (const result of readInputs([path.join(examplesDir, entry.file)])) {
    if (!('body' in result)) throw new Error(`${entry.file}: ${result.reason}`);
    if (entry.recordId === null || result.externalId === entry.recordId || result.source.endsWith(`#${entry.recordId}`))
      found.push(result);
  }
  if (found.length !== 1)
    throw new Error(
      `${entry.file}${entry.recordId ? `#${entry.recordId}` : ''}: expected one article, read ${found.length}`,
    );
  return found[0];
}

/** Every occurrence of `text` in `body`. */
function occurrences(body: string, text: string): Span[] {
  const spans: Span[] = [];
  for (let at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) spans.push([at, at + text.length]);
  return spans;
}

export interface DateScore {
  found: boolean;
  correct: boolean;
  /** What the overlapping mentions resolved to, for the log. */
  got: string[];
}

/** Scores one truth date against an article's extracted mentions (see the header comment). */
export function scoreDate(article: Article, mentions: DateMention[], gold: TruthDate): DateScore {
  const where = occurrences(article.original, gold.text);
  const overlapping = mentions.filter((m) => {
    const [s, e] = toOriginalSpan(article, m.span);
    return where.some(([gs, ge]) => s < ge && gs < e);
  });
  return {
    found: overlapping.length > 0,
    correct: overlapping.some((m) => m.resolved === gold.resolved && m.precision === gold.precision),
    got: overlapping.map((m) => `${m.text} → ${m.resolved} (${m.precision})`),
  };
}

async function run(options: EvalOptions): Promise<DatasetResult[]> {
  const truth = JSON.parse(await readFile(path.join(options.examplesDir, 'truth.json'), 'utf8')) as {
    articles: TruthArticle[];
    dates: TruthDate[];
    brief?: { timeline: { article: string; text: string; date: string; precision: DatePrecision }[] }[];
  };
  const byKey = new Map(truth.articles.map((a) => [a.key, a]));
  const golds = truth.dates.slice(0, options.limit);
  const prepared = new Map<string, { article: Article; mentions: DateMention[] }>();
  const prepare = async (key: string) => {
    let entry = prepared.get(key);
    if (!entry) {
      const declared = byKey.get(key);
      if (!declared) throw new Error(`truth.json: dates name undeclared article ${key}`);
      const article = prepareArticle(await readTruthArticle(options.examplesDir, declared));
      entry = { article, mentions: extractDates(article) };
      prepared.set(key, entry);
    }
    return entry;
  };
  const scoreAll = async (list: TruthDate[]) => {
    let found = 0;
    let correct = 0;
    for (const gold of list) {
      const entry = await prepare(gold.article);
      const score = scoreDate(entry.article, entry.mentions, gold);
      if (score.found) found++;
      if (score.correct) correct++;
      if (!score.correct)
        options.log(
          `  ${gold.article}: "${gold.text}" should be ${gold.resolved} (${gold.precision}); got ${score.got.join(', ') || 'nothing'}`,
        );
    }
    return { found, correct, n: list.length };
  };
  const { found, correct } = await scoreAll(golds);
  const listed = new Set(truth.dates.map((d) => d.article));
  const timelineGolds = (truth.brief ?? [])
    .flatMap((b) => b.timeline)
    .filter((e) => !listed.has(e.article))
    .map(({ article, text, date, precision }) => ({ article, text, resolved: date, precision }))
    .slice(0, options.limit);
  // The extra-mention log below is for the articles of the "dates" list only.
  const dateArticles = new Set(prepared.keys());
  const timeline = await scoreAll(timelineGolds);
  for (const [key, { article, mentions }] of prepared) {
    if (!dateArticles.has(key)) continue;
    const listed = golds.filter((g) => g.article === key);
    for (const m of mentions) {
      const [s, e] = toOriginalSpan(article, m.span);
      const known = listed.some((g) => occurrences(article.original, g.text).some(([gs, ge]) => s < ge && gs < e));
      if (!known) options.log(`  ${key}: extra mention "${m.text}" → ${m.resolved} (${m.precision})`);
    }
  }
  const n = golds.length;
  return [
    {
      dataset: 'examples',
      metrics: {
        dateAccuracy: n ? correct / n : 0,
        dateRecall: n ? found / n : 0,
        dateN: n,
        timelineDateAccuracy: timeline.n ? timeline.correct / timeline.n : 0,
        timelineDateRecall: timeline.n ? timeline.found / timeline.n : 0,
        timelineDateN: timeline.n,
      },
    },
  ];
}

const task: EvalTask = {
  name: 'dates',
  description: 'temporal expressions resolved against the publication date, on the examples truth',
  run,
};

export default task;
