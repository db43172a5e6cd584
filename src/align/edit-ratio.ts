/**
 * Word-level similarity of two word sequences: 2·LCS / (|x| + |y|), 1 for identical sequences.
 * Light edits ("knows, because we’ve told" → "knows, as we’ve told") keep it high; paraphrase
 * that reorders and swaps words drops it low, which is how an aligned pair is labelled.
 */
export function editRatio(x: Int32Array, y: Int32Array): number {
  const total = x.length + y.length;
  if (total === 0) return 1;
  if (x.length === y.length && x.every((v, i) => v === y[i])) return 1;
  // One row of the LCS table at a time.
  let prev = new Uint16Array(y.length + 1);
  let row = new Uint16Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      row[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    }
    [prev, row] = [row, prev];
  }
  return (2 * prev[y.length]) / total;
}
