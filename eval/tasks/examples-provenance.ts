import type { Article, Derivation } from '../../src/core/types.js';
import { normalizeName } from '../../src/trace/credits.js';
import { trace } from '../../src/trace/index.js';
import { loadExamples } from '../examples.js';
import type { DatasetResult, EvalTask, Metrics } from '../task.js';

interface TruthArticle {
  key: string;
  file: string;
  recordId: string | null;
  story: string;
}

interface TruthDerivation {
  source: string | { inferred: string };
  target: string;
  class: Derivation['class'];
  mode: Derivation['mode'];
}

interface Truth {
  articles: TruthArticle[];
  stories: { id: string; articles: string[] }[];
  duplicates: string[][];
  derivations: TruthDerivation[];
  independent: [string, string][];
}

/** The truth key of a RawArticle: by file path, and by record id for batch files. */

interface Edge {
  /** Node keys: a truth article key (duplicates collapsed) or `inferred:<story>`. */
  source: string;
  target: string;
  class: Derivation['class'];
  mode: Derivation['mode'];
  /** The inferred source's name, if any. */
  name?: string;
}

const INFERRED = 'inferred:';

const task: EvalTask = {
  name: 'examples-provenance',
  description: 'provenance graph (edges, direction, class, duplicates, common sources) against examples/truth.json',
  async run({ examplesDir, log }): Promise<DatasetResult[]> {
    const { truth, byKey, keyById } = await loadExamples<Truth>(examplesDir);
    const canonical = new Map<string, string>();
    for (const group of truth.duplicates) for (const k of group) canonical.set(k, group[0]);
    const node = (key: string) => canonical.get(key) ?? key;
    const storyOf = new Map(truth.articles.map((a) => [a.key, a.story]));

    const truthEdges: Edge[] = truth.derivations.map((d) => ({
      source: typeof d.source === 'string' ? node(d.source) : `${INFERRED}${storyOf.get(d.target)}`,
      target: node(d.target),
      class: d.class,
      mode: d.mode,
      name: typeof d.source === 'string' ? undefined : d.source.inferred,
    }));
    const predicted: Edge[] = [];
    const predictedDuplicates: string[][] = [];
    for (const story of truth.stories) {
      const articles = story.articles.map((k) => byKey.get(k)).filter((a): a is Article => a !== undefined);
      const missing = story.articles.filter((k) => !byKey.has(k));
      if (missing.length > 0) log(`  examples-provenance: not ingested: ${missing.join(', ')}`);
      if (articles.length < 2) continue;
      const graph = trace(articles);
      for (const group of graph.duplicates) predictedDuplicates.push(group.map((id) => keyById.get(id) ?? id));
      for (const d of graph.derivations) {
        const inferred = typeof d.source !== 'string';
        predicted.push({
          source: inferred ? `${INFERRED}${story.id}` : node(keyById.get(d.source as string) ?? String(d.source)),
          target: node(keyById.get(d.target) ?? d.target),
          class: d.class,
          mode: d.mode,
          name: typeof d.source === 'string' ? undefined : d.source.inferred,
        });
        log(
          `  examples-provenance: ${story.id}: ${typeof d.source === 'string' ? keyById.get(d.source) : `[${d.source.inferred}]`}` +
            ` → ${keyById.get(d.target)}  ${d.class} ${d.mode} ${d.confidence}`,
        );
      }
    }

    const same = (p: Edge, t: Edge) => p.source === t.source && p.target === t.target;
    const joined = (p: Edge, t: Edge) => same(p, t) || (p.source === t.target && p.target === t.source);
    const directed = predicted.filter((p) => truthEdges.some((t) => same(p, t)));
    const undirected = predicted.filter((p) => truthEdges.some((t) => joined(p, t)));
    for (const p of predicted) {
      if (!truthEdges.some((t) => same(p, t))) log(`  examples-provenance: wrong edge ${p.source} → ${p.target}`);
    }
    for (const t of truthEdges) {
      if (!predicted.some((p) => same(p, t))) log(`  examples-provenance: missed edge ${t.source} → ${t.target}`);
    }
    const truthOf = (p: Edge) => truthEdges.find((t) => same(p, t)) as Edge;
    const classRight = directed.filter((p) => p.class === truthOf(p).class).length;
    const modeRight = directed.filter((p) => p.mode === truthOf(p).mode).length;
    for (const p of directed) {
      const t = truthOf(p);
      if (p.class !== t.class || p.mode !== t.mode) {
        log(`  examples-provenance: ${p.source} → ${p.target} is ${p.class}/${p.mode}, truth ${t.class}/${t.mode}`);
      }
    }

    const sameGroup = (a: string, b: string, groups: string[][]) => groups.some((g) => g.includes(a) && g.includes(b));
    const duplicatesFound = truth.duplicates.filter((g) =>
      predictedDuplicates.some((p) => g.every((k) => p.includes(k))),
    ).length;
    let falseDuplicates = 0;
    for (const g of predictedDuplicates) {
      for (let i = 0; i < g.length; i++) {
        for (let j = i + 1; j < g.length; j++) if (!sameGroup(g[i], g[j], truth.duplicates)) falseDuplicates++;
      }
    }
    if (falseDuplicates > 0) log(`  examples-provenance: false duplicates ${JSON.stringify(predictedDuplicates)}`);

    const independentEdges = predicted.filter((p) =>
      truth.independent.some(([x, y]) => {
        const [nx, ny] = [node(x), node(y)];
        return (p.source === nx && p.target === ny) || (p.source === ny && p.target === nx);
      }),
    );
    for (const p of independentEdges) log(`  examples-provenance: edge between independents ${p.source} → ${p.target}`);

    const inferredTruth = truthEdges.filter((t) => t.source.startsWith(INFERRED));
    const inferredFound = inferredTruth.filter((t) => predicted.some((p) => same(p, t)));
    const inferredNamed = inferredFound.filter((t) =>
      predicted.some((p) => same(p, t) && normalizeName(p.name ?? '') === normalizeName(t.name ?? '')),
    );

    const precision = predicted.length > 0 ? directed.length / predicted.length : 0;
    const recall =
      truthEdges.length > 0
        ? truthEdges.filter((t) => predicted.some((p) => same(p, t))).length / truthEdges.length
        : 0;
    const metrics: Metrics = {
      provenanceEdgePrecision: precision,
      provenanceEdgeRecall: recall,
      provenanceEdgeF1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
      provenanceDirectionAccuracy: undirected.length > 0 ? directed.length / undirected.length : 0,
      provenanceClassAccuracy: directed.length > 0 ? classRight / directed.length : 0,
      provenanceModeAccuracy: directed.length > 0 ? modeRight / directed.length : 0,
      provenanceDuplicatesFound: truth.duplicates.length > 0 ? duplicatesFound / truth.duplicates.length : 1,
      provenanceFalseDuplicates: falseDuplicates,
      provenanceIndependentEdges: independentEdges.length,
      provenanceCommonSourceFound: inferredTruth.length > 0 ? inferredFound.length / inferredTruth.length : 1,
      provenanceCommonSourceNamed: inferredTruth.length > 0 ? inferredNamed.length / inferredTruth.length : 1,
      provenanceEdges: truthEdges.length,
    };
    return [{ dataset: 'examples', metrics }];
  },
};

export default task;
