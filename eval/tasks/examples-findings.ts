import { compare, type TraceResult } from '../../src/compare/index.js';
import { type Article, type Derivation, FINDING_TYPES, type Finding, type Span } from '../../src/core/types.js';
import { trace } from '../../src/trace/index.js';
import { loadExamples, locate } from '../examples.js';
import type { DatasetResult, EvalTask, Metrics } from '../task.js';

interface TruthArticle {
  key: string;
  file: string;
  recordId: string | null;
  story: string;
  published: string;
}

interface Alteration {
  type: Finding['type'];
  article: string;
  text: string;
  sourceArticle: string | null;
  sourceText: string | null;
}

interface Faithful {
  article: string;
  text: string;
  sourceArticle: string;
  sourceText: string;
  why: string;
}

interface Truth {
  articles: TruthArticle[];
  stories: { id: string; articles: string[] }[];
  duplicates: string[][];
  derivations: {
    source: string | { inferred: string };
    target: string;
    class: Derivation['class'];
    mode: Derivation['mode'];
  }[];
  alterations: Alteration[];
  faithful: Faithful[];
}

const camel = (type: string) => type.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

const overlaps = (a: Span | null | undefined, b: Span | undefined) => !!a && !!b && a[0] < b[1] && b[0] < a[1];

/** The truth key of a RawArticle: by file path, and by record id for batch files. */

function truthGraph(truth: Truth, story: string[], ids: Map<string, string>, articles: Article[]): TraceResult {
  const id = (k: string) => ids.get(k) as string;
  const derivations: Derivation[] = truth.derivations
    .filter((d) => story.includes(d.target) && ids.has(d.target) && (typeof d.source !== 'string' || ids.has(d.source)))
    .map((d) => ({
      source: typeof d.source === 'string' ? id(d.source) : d.source,
      target: id(d.target),
      class: d.class,
      mode: d.mode,
      confidence: 1,
      evidence: [],
    }));
  const duplicates = truth.duplicates
    .filter((g) => g.every((k) => story.includes(k) && ids.has(k)))
    .map((g) => g.map(id));
  // Sentence alignments still come from the real aligner: the truth has no sentence pairs.
  const traced = trace(articles);
  return { derivations, duplicates, alignments: traced.alignments };
}

interface Score {
  metrics: Metrics;
  misses: string[];
}

function score(truth: Truth, findings: Finding[], articles: Map<string, Article>, keyById: Map<string, string>): Score {
  const misses: string[] = [];
  const matchedFindings = new Set<Finding>();
  const perType: Record<string, { found: number; total: number; reported: number; correct: number }> = {};
  for (const t of FINDING_TYPES) perType[t] = { found: 0, total: 0, reported: 0, correct: 0 };
  for (const alt of truth.alterations) {
    const article = articles.get(alt.article);
    perType[alt.type].total++;
    if (!article) continue;
    const where = locate(article, alt.text);
    const source = alt.sourceArticle ? articles.get(alt.sourceArticle) : undefined;
    const sourceWhere = source && alt.sourceText ? locate(source, alt.sourceText) : undefined;
    const hit = findings.find(
      (f) =>
        f.type === alt.type &&
        keyById.get(f.article) === alt.article &&
        overlaps(f.span, where) &&
        (alt.sourceArticle === null ||
          (keyById.get(f.sourceArticle ?? '') === alt.sourceArticle && overlaps(f.sourceSpan, sourceWhere))),
    );
    if (hit) {
      perType[alt.type].found++;
      matchedFindings.add(hit);
    } else misses.push(`missed ${alt.type} in ${alt.article}: "${alt.text}"`);
  }
  for (const f of findings) {
    perType[f.type].reported++;
    if (matchedFindings.has(f)) perType[f.type].correct++;
    else
      misses.push(
        `unplanted ${f.type} in ${keyById.get(f.article)}: "${f.text.slice(0, 80)}" (${f.explanation.slice(0, 100)})`,
      );
  }
  let faithfulFlagged = 0;
  for (const ok of truth.faithful) {
    const article = articles.get(ok.article);
    const where = article ? locate(article, ok.text) : undefined;
    const flagged = findings.find((f) => keyById.get(f.article) === ok.article && overlaps(f.span, where));
    if (flagged) {
      faithfulFlagged++;
      misses.push(`faithful case flagged (${ok.why}): ${flagged.type} "${flagged.text.slice(0, 80)}"`);
    }
  }
  const found = Object.values(perType).reduce((s, t) => s + t.found, 0);
  const total = truth.alterations.length;
  const precision = findings.length === 0 ? 0 : matchedFindings.size / findings.length;
  const recall = total === 0 ? 0 : found / total;
  const metrics: Metrics = {
    findingsPrecision: precision,
    findingsRecall: recall,
    findingsF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    faithfulFlagged,
  };
  for (const t of FINDING_TYPES) {
    if (perType[t].total > 0) metrics[`${camel(t)}Recall`] = perType[t].found / perType[t].total;
    if (perType[t].reported > 0) metrics[`${camel(t)}Precision`] = perType[t].correct / perType[t].reported;
  }
  return { metrics, misses };
}

const task: EvalTask = {
  name: 'examples-findings',
  description: 'findings (quotes, speakers, numbers, hedges, dates, conflicts) against examples/truth.json',
  async run({ examplesDir, log }): Promise<DatasetResult[]> {
    const { truth, byKey, keyById } = await loadExamples<Truth>(examplesDir);
    const pipeline: Finding[] = [];
    const alongTruth: Finding[] = [];
    for (const story of truth.stories) {
      const articles = story.articles.map((k) => byKey.get(k)).filter((a): a is Article => a !== undefined);
      if (articles.length < 2) continue;
      pipeline.push(...compare(articles, trace(articles)));
      const ids = new Map(story.articles.filter((k) => byKey.has(k)).map((k) => [k, (byKey.get(k) as Article).id]));
      alongTruth.push(...compare(articles, truthGraph(truth, story.articles, ids, articles)));
    }
    const real = score(truth, pipeline, byKey, keyById);
    const ideal = score(truth, alongTruth, byKey, keyById);
    for (const m of real.misses) log(`  examples-findings (pipeline): ${m}`);
    for (const m of ideal.misses) log(`  examples-findings (truth graph): ${m}`);
    const metrics: Metrics = { ...real.metrics };
    for (const [k, v] of Object.entries(ideal.metrics)) metrics[`${k}TruthGraph`] = v;
    return [{ dataset: 'examples', metrics }];
  },
};

export default task;
