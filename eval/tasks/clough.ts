/**
 * Clough & Stevenson's corpus of plagiarised short answers: each answer against its Wikipedia
 * source, graded non-plagiarised / heavy revision / light revision / near copy ("cut").
 *
 * The answer is aligned with the source and judged as a derived version would be in a story
 * (src/trace/pair-verdict.ts), and our verdict is mapped to their four grades with fixed rules —
 * nothing here is fitted on this corpus:
 * - non-derived → non;
 * - derived, mode paraphrase (most of the aligned text reworded) → heavy;
 * - derived, mostly identical sentences → cut; otherwise (edited sentences) → light.
 *
 * The data README gives no published figure, so the task prints two of its own anchors: the
 * majority class, and the classic detector of the corpus paper's kind — word-trigram containment
 * of the answer in the source, with three cuts fitted by grid search on four folds and scored on
 * the fifth (5-fold cross-validation, so the baseline is not flattered by its own fit).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { align } from '../../src/align/index.js';
import { articleFromText } from '../../src/core/prepare.js';
import type { Alignment, Article } from '../../src/core/types.js';
import { pairVerdict } from '../../src/trace/pair-verdict.js';
import type { DatasetResult, EvalOptions, EvalTask } from '../task.js';

interface Row {
  id: number;
  task: number;
  label: number;
  label_name: string;
  answer: string;
  source: string;
}

type Grade = 'non' | 'heavy' | 'light' | 'cut';
const GRADES: Grade[] = ['non', 'heavy', 'light', 'cut'];

function macroF1(gold: Grade[], predicted: Grade[]): number {
  return GRADES.reduce((sum, c) => sum + f1Of(gold, predicted, (g) => g === c), 0) / GRADES.length;
}

function f1Of(gold: Grade[], predicted: Grade[], positive: (g: Grade) => boolean): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const p = positive(predicted[i]);
    if (p && positive(g)) tp++;
    else if (p) fp++;
    else if (positive(g)) fn++;
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

const accuracyOf = (gold: Grade[], predicted: Grade[]) =>
  predicted.filter((p, i) => p === gold[i]).length / gold.length;

/** Our verdict on "answer derives from source", in their grades. */
function grade(alignment: Alignment, source: Article, answer: Article): Grade {
  const verdict = pairVerdict(alignment, source, answer, 'a');
  if (verdict.class === 'non-derived') return 'non';
  if (verdict.mode === 'paraphrase') return 'heavy';
  let identical = 0;
  let aligned = 0;
  for (const pair of alignment.pairs) {
    aligned += pair.b.length;
    if (pair.kind === 'identical') identical += pair.b.length;
  }
  return identical * 2 >= aligned ? 'cut' : 'light';
}

/** Share of the answer's word trigrams found in the source (case-folded words). */
function trigramContainment(answer: string, source: string): number {
  const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const grams = (w: string[]) => w.slice(0, -2).map((_, i) => `${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  const inSource = new Set(grams(words(source)));
  const mine = grams(words(answer));
  return mine.length > 0 ? mine.filter((g) => inSource.has(g)).length / mine.length : 0;
}

function byCuts(value: number, cuts: number[]): Grade {
  // cuts ascending: below the first → non, then heavy, light, cut.
  let i = 0;
  while (i < cuts.length && value >= cuts[i]) i++;
  return GRADES[i];
}

function fitCuts(values: number[], gold: Grade[]): number[] {
  const steps = Array.from({ length: 41 }, (_, i) => i * 0.025);
  let best = [0.1, 0.3, 0.6];
  let bestF1 = -1;
  for (const a of steps) {
    for (const b of steps.filter((x) => x > a)) {
      for (const c of steps.filter((x) => x > b)) {
        const f1 = macroF1(
          gold,
          values.map((v) => byCuts(v, [a, b, c])),
        );
        if (f1 > bestF1) {
          bestF1 = f1;
          best = [a, b, c];
        }
      }
    }
  }
  return best;
}

function crossValidated(values: number[], gold: Grade[], folds = 5): Grade[] {
  const predicted: Grade[] = new Array(gold.length);
  for (let f = 0; f < folds; f++) {
    const train = values.map((_, i) => i).filter((i) => i % folds !== f);
    const cuts = fitCuts(
      train.map((i) => values[i]),
      train.map((i) => gold[i]),
    );
    values.forEach((v, i) => {
      if (i % folds === f) predicted[i] = byCuts(v, cuts);
    });
  }
  return predicted;
}

const task: EvalTask = {
  name: 'clough',
  description: 'Clough & Stevenson short answers vs Wikipedia source: non / heavy / light / cut from our pair verdict',
  async run({ dataDir, limit, log }: EvalOptions): Promise<DatasetResult[]> {
    const dir = path.join(dataDir, 'clough-stevenson');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
    const rows: Row[] = [];
    for (const file of files) {
      for (const line of (await readFile(path.join(dir, file), 'utf8')).split('\n')) {
        if (line.trim()) rows.push(JSON.parse(line) as Row);
      }
    }
    const chosen = limit ? rows.filter((_, i) => i % Math.ceil(rows.length / limit) === 0).slice(0, limit) : rows;
    const sources = new Map<string, Article>();
    const gold: Grade[] = [];
    const predicted: Grade[] = [];
    const containment: number[] = [];
    for (const row of chosen) {
      let source = sources.get(row.source);
      if (!source) {
        source = articleFromText(row.source, { source: `clough-source-${row.task}` });
        sources.set(row.source, source);
      }
      const answer = articleFromText(row.answer, { source: `clough-answer-${row.id}` });
      gold.push(row.label_name as Grade);
      predicted.push(grade(align(source, answer), source, answer));
      containment.push(trigramContainment(row.answer, row.source));
    }
    for (const g of GRADES) {
      const counts = GRADES.map((p) => predicted.filter((x, i) => x === p && gold[i] === g).length);
      log(`  clough: gold ${g.padEnd(5)} → predicted ${GRADES.map((p, k) => `${p} ${counts[k]}`).join(', ')}`);
    }
    const majority = GRADES.map((g) => gold.filter((x) => x === g).length).reduce((m, n) => Math.max(m, n), 0);
    const baseline = crossValidated(containment, gold);
    const plagiarised = (g: Grade) => g !== 'non';
    return [
      {
        dataset: 'clough-stevenson',
        metrics: {
          accuracy: accuracyOf(gold, predicted),
          macroF1: macroF1(gold, predicted),
          binaryAccuracy: predicted.filter((p, i) => plagiarised(p) === plagiarised(gold[i])).length / gold.length,
          binaryF1: f1Of(gold, predicted, plagiarised),
          baselineAccuracy: accuracyOf(gold, baseline),
          baselineMacroF1: macroF1(gold, baseline),
          majorityAccuracy: majority / gold.length,
          n: gold.length,
        },
        anchors: {
          'data README': 'no published figure; baseline* = word-trigram containment, 3 cuts fitted by 5-fold CV',
        },
      },
    ];
  },
};

export default task;
