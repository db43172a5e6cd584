import type { SimilarityModel } from './similarity.js';

/**
 * Each feature shifted to mean 0 and scaled to standard deviation 1 over the rows (a constant
 * feature keeps scale 1), so that one learning rate and one L2 penalty suit every feature.
 */
export function standardise(rows: readonly number[][], d: number): { mean: number[]; scale: number[]; x: number[][] } {
  const n = rows.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const row of rows) for (let k = 0; k < d; k++) mean[k] += row[k] / n;
  for (const row of rows) for (let k = 0; k < d; k++) scale[k] += (row[k] - mean[k]) ** 2 / n;
  for (let k = 0; k < d; k++) scale[k] = Math.sqrt(scale[k]) || 1;
  return { mean, scale, x: rows.map((row) => row.map((v, k) => (v - mean[k]) / scale[k])) };
}

/**
 * Fits the logistic regression behind `similarity` (batch gradient descent with a little L2, on
 * standardised features) and picks the accuracy-maximising decision threshold on the same rows.
 * Deterministic: same rows in, same model out. Used by the MSRP eval's `--fit` and its
 * cross-validation; the shipped model is the one fitted on MSRP train.
 */
export function fitLogistic(
  names: readonly string[],
  rows: readonly number[][],
  labels: readonly number[],
  { iterations = 600, rate = 0.5, l2 = 1e-3 } = {},
): SimilarityModel {
  const d = names.length;
  const n = rows.length;
  const { mean, scale, x } = standardise(rows, d);
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    for (let i = 0; i < n; i++) {
      let z = bias;
      for (let k = 0; k < d; k++) z += weights[k] * x[i][k];
      const err = 1 / (1 + Math.exp(-z)) - labels[i];
      for (let k = 0; k < d; k++) grad[k] += err * x[i][k];
      gradBias += err;
    }
    for (let k = 0; k < d; k++) weights[k] -= rate * (grad[k] / n + l2 * weights[k]);
    bias -= (rate * gradBias) / n;
  }
  const model: SimilarityModel = { features: [...names], mean, scale, weights, bias, threshold: 0.5 };
  model.threshold = bestThreshold(
    rows.map((row) => probability(model, row)),
    labels,
  );
  return model;
}

export function probability(model: SimilarityModel, row: readonly number[]): number {
  let z = model.bias;
  for (let k = 0; k < row.length; k++) z += model.weights[k] * ((row[k] - model.mean[k]) / model.scale[k]);
  return 1 / (1 + Math.exp(-z));
}

/** The cut on scores that maximises accuracy on these rows. */
export function bestThreshold(scores: readonly number[], labels: readonly number[]): number {
  let best = 0.5;
  let bestCorrect = -1;
  for (let t = 0.2; t <= 0.8; t += 0.01) {
    let correct = 0;
    for (let i = 0; i < scores.length; i++) if ((scores[i] >= t ? 1 : 0) === labels[i]) correct++;
    if (correct > bestCorrect) {
      bestCorrect = correct;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
