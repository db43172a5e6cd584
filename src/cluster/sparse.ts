/**
 * Sparse vectors as two parallel typed arrays sorted by term id: 8 bytes a term, no per-entry
 * objects, and sums are linear merges.
 */

export interface SparseVector {
  terms: Int32Array;
  weights: Float32Array;
}

export const EMPTY_VECTOR: SparseVector = { terms: new Int32Array(0), weights: new Float32Array(0) };

/** factor·v (a copy). */
export function scaleVector(v: SparseVector, factor: number): SparseVector {
  return { terms: v.terms, weights: v.weights.map((w) => w * factor) };
}

/** a + scale·b. */
export function addVectors(a: SparseVector, b: SparseVector, scale = 1): SparseVector {
  const terms = new Int32Array(a.terms.length + b.terms.length);
  const weights = new Float32Array(terms.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.terms.length || j < b.terms.length) {
    const ta = i < a.terms.length ? a.terms[i] : 0x7fffffff;
    const tb = j < b.terms.length ? b.terms[j] : 0x7fffffff;
    if (ta === tb) {
      terms[n] = ta;
      weights[n++] = a.weights[i++] + scale * b.weights[j++];
    } else if (ta < tb) {
      terms[n] = ta;
      weights[n++] = a.weights[i++];
    } else {
      terms[n] = tb;
      weights[n++] = scale * b.weights[j++];
    }
  }
  return { terms: terms.slice(0, n), weights: weights.slice(0, n) };
}

/**
 * Keeps, per channel, the `quotas[channel]` entries with the largest weight·factor(term) (ties:
 * lower term id), still sorted by term id. This is what bounds a story's memory however many
 * articles it gathers.
 */
export function pruneVector(
  v: SparseVector,
  quotas: Int32Array,
  channel: (term: number) => number,
  factor: (term: number) => number,
): SparseVector {
  let total = 0;
  for (let i = 0; i < quotas.length; i++) total += quotas[i];
  if (v.terms.length <= total) {
    const counts = new Int32Array(quotas.length);
    for (let i = 0; i < v.terms.length; i++) counts[channel(v.terms[i])]++;
    if (counts.every((c, k) => c <= quotas[k])) return v;
  }
  const order = Array.from({ length: v.terms.length }, (_, i) => i);
  const score = new Float64Array(v.terms.length);
  for (let i = 0; i < v.terms.length; i++) score[i] = v.weights[i] * factor(v.terms[i]);
  order.sort((x, y) => score[y] - score[x] || v.terms[x] - v.terms[y]);
  const left = Int32Array.from(quotas);
  const keep: number[] = [];
  for (const i of order) {
    const k = channel(v.terms[i]);
    if (left[k] > 0) {
      left[k]--;
      keep.push(i);
    }
  }
  keep.sort((x, y) => v.terms[x] - v.terms[y]);
  return { terms: Int32Array.from(keep, (i) => v.terms[i]), weights: Float32Array.from(keep, (i) => v.weights[i]) };
}
