/**
 * Monotone sentence alignment by dynamic programming, in the manner of Gale & Church: moves are
 * 1–1, 1–2, 2–1 and skips of one sentence on either side. Skips cost nothing and a link earns
 * (similarity − threshold), so the best path is the order-preserving set of links with the most
 * similarity above the threshold: a heading, bullet or boilerplate line on one side is simply
 * skipped instead of dragging its neighbours out of line.
 */

export interface Link {
  a: number[];
  b: number[];
  similarity: number;
}

export interface MonotoneScores {
  rows: number;
  cols: number;
  /** Similarity of sentence i of a and sentence j of b. */
  one(i: number, j: number): number;
  /** Similarity of a[i] with b[j] + b[j+1] read as one sentence, or 0 when not worth computing. */
  oneTwo(i: number, j: number): number;
  /** Similarity of a[i] + a[i+1] with b[j], or 0. */
  twoOne(i: number, j: number): number;
}

enum Move {
  None = 0,
  SkipA = 1,
  SkipB = 2,
  OneOne = 3,
  OneTwo = 4,
  TwoOne = 5,
}

export function monotoneAlign(scores: MonotoneScores, threshold: number): Link[] {
  const { rows, cols } = scores;
  const width = cols + 1;
  const best = new Float64Array((rows + 1) * width);
  const move = new Uint8Array((rows + 1) * width);
  const sims = new Float32Array((rows + 1) * width);
  for (let i = 0; i <= rows; i++) {
    for (let j = 0; j <= cols; j++) {
      if (i === 0 && j === 0) continue;
      const at = i * width + j;
      let value = Number.NEGATIVE_INFINITY;
      let chosen = Move.None;
      let sim = 0;
      if (i > 0 && best[at - width] > value) {
        value = best[at - width];
        chosen = Move.SkipA;
      }
      if (j > 0 && best[at - 1] > value) {
        value = best[at - 1];
        chosen = Move.SkipB;
      }
      if (i > 0 && j > 0) {
        const s = scores.one(i - 1, j - 1);
        if (s > threshold && best[at - width - 1] + s - threshold > value) {
          value = best[at - width - 1] + s - threshold;
          chosen = Move.OneOne;
          sim = s;
        }
      }
      if (i > 0 && j > 1) {
        const s = scores.oneTwo(i - 1, j - 2);
        if (s > threshold && best[at - width - 2] + s - threshold > value) {
          value = best[at - width - 2] + s - threshold;
          chosen = Move.OneTwo;
          sim = s;
        }
      }
      if (i > 1 && j > 0) {
        const s = scores.twoOne(i - 2, j - 1);
        if (s > threshold && best[at - 2 * width - 1] + s - threshold > value) {
          value = best[at - 2 * width - 1] + s - threshold;
          chosen = Move.TwoOne;
          sim = s;
        }
      }
      best[at] = value;
      move[at] = chosen;
      sims[at] = sim;
    }
  }
  const links: Link[] = [];
  let i = rows;
  let j = cols;
  while (i > 0 || j > 0) {
    const at = i * width + j;
    switch (move[at] as Move) {
      case Move.SkipA:
        i--;
        break;
      case Move.SkipB:
        j--;
        break;
      case Move.OneOne:
        links.push({ a: [i - 1], b: [j - 1], similarity: sims[at] });
        i--;
        j--;
        break;
      case Move.OneTwo:
        links.push({ a: [i - 1], b: [j - 2, j - 1], similarity: sims[at] });
        i--;
        j -= 2;
        break;
      case Move.TwoOne:
        links.push({ a: [i - 2, i - 1], b: [j - 1], similarity: sims[at] });
        i -= 2;
        j--;
        break;
      default:
        i = 0;
        j = 0;
    }
  }
  return links.reverse();
}
