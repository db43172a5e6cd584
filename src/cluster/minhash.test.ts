import { describe, expect, it } from 'vitest';
import { seededRandom } from './hash.js';
import { MinHashLSH } from './lsh.js';
import { estimateJaccard, MinHash } from './minhash.js';
import { exactJaccard, shingleHashes, uniqueSorted, wordHashes } from './shingles.js';

/** Two sets of `size` random 32-bit values sharing `shared` of them. */
function overlappingSets(size: number, shared: number, seed: number): [Uint32Array, Uint32Array] {
  const random = seededRandom(seed);
  const common = Uint32Array.from({ length: shared }, () => random());
  const a = Uint32Array.from({ length: size - shared }, () => random());
  const b = Uint32Array.from({ length: size - shared }, () => random());
  return [new Uint32Array([...common, ...a]), new Uint32Array([...common, ...b])];
}

describe('MinHash (one-permutation hashing with densification)', () => {
  it('estimates Jaccard similarity within a few standard errors, for long and short sets', () => {
    const minhash = new MinHash({ numPerm: 128 });
    for (const [size, shared] of [
      [600, 600],
      [600, 400],
      [600, 150],
      [600, 0],
      [40, 20],
      [8, 4],
    ]) {
      let error = 0;
      const trials = 20;
      for (let t = 0; t < trials; t++) {
        const [a, b] = overlappingSets(size, shared, 1000 * size + shared + t);
        const exact = exactJaccard(uniqueSorted(a), uniqueSorted(b));
        error += estimateJaccard(minhash.signature(a), minhash.signature(b)) - exact;
      }
      // Mean error over 20 trials: unbiased estimates average out well below one standard error.
      expect(Math.abs(error / trials)).toBeLessThan(0.03);
    }
  });

  it('gives identical sets identical signatures, whatever the order or repeats', () => {
    const minhash = new MinHash();
    const [a] = overlappingSets(300, 0, 7);
    const shuffled = Uint32Array.from([...a].reverse().concat([...a].slice(0, 50)));
    expect(minhash.signature(shuffled)).toEqual(minhash.signature(a));
  });

  it('depends on the seed, and an empty set matches only empty sets', () => {
    const [a] = overlappingSets(300, 0, 9);
    expect(new MinHash({ seed: 1 }).signature(a)).not.toEqual(new MinHash({ seed: 2 }).signature(a));
    const empty = new MinHash().signature(new Uint32Array(0));
    expect(empty.every((v) => v === 0xffffffff)).toBe(true);
    expect(estimateJaccard(empty, new MinHash().signature(a))).toBe(0);
  });

  it('finds a re-published copy through LSH and not an unrelated text', () => {
    const random = seededRandom(3);
    const vocabulary = Array.from({ length: 2000 }, (_, i) => `w${i}`);
    const text = () => Array.from({ length: 500 }, () => vocabulary[random() % vocabulary.length]).join(' ');
    const original = text();
    const copy = `Sign up for our newsletter. ${original} Share this article. Most read today.`;
    const other = text();
    const minhash = new MinHash();
    const sig = (s: string) => minhash.signature(shingleHashes(wordHashes(s), 5));
    const lsh = new MinHashLSH({ threshold: 0.5, numPerm: 128 });
    lsh.insert('original', sig(original));
    lsh.insert('other', sig(other));
    expect(lsh.query(sig(copy))).toEqual(['original']);
    expect(estimateJaccard(sig(copy), sig(original))).toBeGreaterThan(0.85);
  });
});
