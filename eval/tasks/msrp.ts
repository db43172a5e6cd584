/**
 * MSRP sentence paraphrase with the aligner's own similarity (src/align/similarity.ts).
 *
 * The similarity's logistic weights and threshold are fitted on msr_paraphrase_train.txt only
 * (`npx tsx eval/tasks/msrp.ts --fit` rewrites src/align/similarity-model.json). The eval reports
 * every other msr_paraphrase_*.txt pair file (test splits) as `accuracy`/`f1`, the train file as
 * `trainAccuracy`/`trainF1`, and 10-fold cross-validation on train (`cvAccuracy`/`cvF1`: weights
 * and threshold refitted on 9 folds, scored on the 10th) as the honest figure when only train is here.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fitLogistic, probability } from '../../src/align/logistic-fit.js';
import { singleSentenceFeatures } from '../../src/align/sentence-features.js';
import { FEATURE_NAMES, logistic, PARAPHRASE_THRESHOLD, pairFeatures } from '../../src/align/similarity.js';
import { articleFromText } from '../../src/core/prepare.js';
import type { DatasetResult, EvalOptions, EvalTask } from '../task.js';

interface PairRow {
  label: number;
  a: string;
  b: string;
}

async function readPairs(file: string, limit?: number): Promise<PairRow[] | undefined> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  // msr_paraphrase_data.txt (sentences with metadata) shares the prefix but is not a pair file.
  if (!lines[0]?.startsWith('Quality')) return undefined;
  const rows = lines.slice(1).map((line) => {
    const f = line.split('\t');
    return { label: Number(f[0]), a: f[3] ?? '', b: f[4] ?? '' };
  });
  return limit ? rows.slice(0, limit) : rows;
}

function sentenceFeaturesOf(text: string) {
  return singleSentenceFeatures(articleFromText(text));
}

function featureRows(rows: PairRow[]): number[][] {
  return rows.map((r) => pairFeatures(sentenceFeaturesOf(r.a), sentenceFeaturesOf(r.b)));
}

function score(predicted: number[], labels: number[]): { accuracy: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  predicted.forEach((p, i) => {
    if (p === labels[i]) correct++;
    if (p === 1 && labels[i] === 1) tp++;
    if (p === 1 && labels[i] === 0) fp++;
    if (p === 0 && labels[i] === 1) fn++;
  });
  return { accuracy: correct / labels.length, f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn) };
}

function crossValidate(rows: number[][], labels: number[], folds = 10): { accuracy: number; f1: number } {
  const predicted = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const trainIdx = rows.map((_, i) => i).filter((i) => i % folds !== f);
    const model = fitLogistic(
      FEATURE_NAMES,
      trainIdx.map((i) => rows[i]),
      trainIdx.map((i) => labels[i]),
    );
    rows.forEach((row, i) => {
      if (i % folds === f) predicted[i] = probability(model, row) >= model.threshold ? 1 : 0;
    });
  }
  return score(predicted, labels);
}

const anchors = {
  'majority class': 'accuracy 66.5 / F1 79.9',
  'Mihalcea 2006': '70.3 / 81.3',
  'Wan 2006': '75.6 / 83.0',
  'Ji & Eisenstein 2013': '80.4 / 85.9',
};

const task: EvalTask = {
  name: 'msrp',
  description: 'sentence paraphrase (MSRP) with the aligner similarity; accuracy and F1',
  async run({ dataDir, limit, log }: EvalOptions): Promise<DatasetResult[]> {
    const dir = path.join(dataDir, 'msrp');
    const files = (await readdir(dir)).filter((f) => /^msr_paraphrase_.*\.txt$/.test(f)).sort();
    const metrics: Record<string, number> = {};
    for (const file of files) {
      const rows = await readPairs(path.join(dir, file), limit);
      if (!rows) continue;
      const labels = rows.map((r) => r.label);
      const features = featureRows(rows);
      const predicted = features.map((f) => (logistic(f) >= PARAPHRASE_THRESHOLD ? 1 : 0));
      const { accuracy, f1 } = score(predicted, labels);
      if (/train/.test(file)) {
        metrics.trainAccuracy = accuracy;
        metrics.trainF1 = f1;
        metrics.trainN = rows.length;
        const cv = crossValidate(features, labels);
        metrics.cvAccuracy = cv.accuracy;
        metrics.cvF1 = cv.f1;
        log(
          `  ${file} (train, model fitted here): accuracy ${accuracy.toFixed(4)} f1 ${f1.toFixed(4)}; 10-fold CV ${cv.accuracy.toFixed(4)} / ${cv.f1.toFixed(4)}`,
        );
      } else {
        metrics.accuracy = accuracy;
        metrics.f1 = f1;
        metrics.n = rows.length;
        log(`  ${file}: accuracy ${accuracy.toFixed(4)} f1 ${f1.toFixed(4)} (n=${rows.length})`);
      }
    }
    return [{ dataset: 'msrp', metrics, anchors }];
  },
};

export default task;

/** `npx tsx eval/tasks/msrp.ts --fit [--data DIR]`: refit src/align/similarity-model.json on MSRP train. */
async function fitModel(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dataFlag = process.argv.indexOf('--data');
  const dataDir = dataFlag > 0 ? process.argv[dataFlag + 1] : path.resolve(here, '../../../shared/data');
  const rows = await readPairs(path.join(dataDir, 'msrp', 'msr_paraphrase_train.txt'));
  if (!rows) throw new Error('msr_paraphrase_train.txt is not a pair file');
  const model = fitLogistic(
    FEATURE_NAMES,
    featureRows(rows),
    rows.map((r) => r.label),
  );
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  const out = {
    _comment: 'Logistic weights of the sentence similarity, fitted on MSRP train only by eval/tasks/msrp.ts --fit.',
    features: model.features,
    mean: model.mean.map(round),
    scale: model.scale.map(round),
    weights: model.weights.map(round),
    bias: round(model.bias),
    threshold: model.threshold,
  };
  const target = path.resolve(here, '../../src/align/similarity-model.json');
  await writeFile(target, `${JSON.stringify(out, null, 2)}\n`);
  process.stderr.write(`wrote ${target}: threshold ${model.threshold}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--fit')) {
  await fitModel();
}
