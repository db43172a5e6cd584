/**
 * Choosing LSH bands and rows for a Jaccard threshold, as datasketch does.
 *
 * With b bands of r rows, two sets of Jaccard similarity s become candidates with probability
 * P(s) = 1 − (1 − s^r)^b, an S-curve whose steepest point sits near (1/b)^(1/r). We pick the
 * (b, r) with b·r ≤ numPerm that minimises the weighted area of false positives (P below the
 * threshold) plus false negatives (1 − P above it).
 */

export interface LshParams {
  bands: number;
  rows: number;
  /** The threshold the user asked for. */
  threshold: number;
  /** Where the S-curve actually bends for these bands and rows: (1/b)^(1/r). */
  impliedThreshold: number;
}

function integrate(f: (x: number) => number, from: number, to: number): number {
  // Composite Simpson's rule; the integrands are smooth polynomials, 64 panels is plenty.
  const n = 64;
  const h = (to - from) / n;
  let sum = f(from) + f(to);
  for (let i = 1; i < n; i++) sum += f(from + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

/** Probability that two sets of Jaccard similarity `s` share at least one band. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - (1 - s ** rows) ** bands;
}

export function optimalLshParams(
  threshold: number,
  numPerm: number,
  weights: { falsePositive: number; falseNegative: number } = { falsePositive: 0.5, falseNegative: 0.5 },
): LshParams {
  if (!(threshold > 0 && threshold < 1)) throw new RangeError('threshold must be in (0, 1)');
  let best: LshParams | undefined;
  let bestError = Number.POSITIVE_INFINITY;
  for (let b = 1; b <= numPerm; b++) {
    for (let r = 1; r * b <= numPerm; r++) {
      const fp = integrate((s) => candidateProbability(s, b, r), 0, threshold);
      const fn = integrate((s) => 1 - candidateProbability(s, b, r), threshold, 1);
      const error = fp * weights.falsePositive + fn * weights.falseNegative;
      if (error < bestError - 1e-12) {
        bestError = error;
        best = { bands: b, rows: r, threshold, impliedThreshold: (1 / b) ** (1 / r) };
      }
    }
  }
  if (!best) throw new RangeError('numPerm too small');
  return best;
}
