/**
 * Exact and near-duplicate detection over a stream of articles.
 *
 * - Exact: same `contentHash` (sha-256 of the normalised text) → the same article.
 * - Near: MinHash over 5-word shingles of the text, LSH to find candidates, and the estimated
 *   Jaccard similarity to confirm. 5-word shingles are Broder's classic choice for text: two
 *   independent reports of one event share almost none (the real-world rewrite in DESIGN.md
 *   shares ~13%), while one article re-published inside different page chrome shares most of
 *   its shingles. A threshold of 0.5 sits between the two: an article with a third of its
 *   length added as boilerplate still scores ≈ 0.67. With 128 permutations, optimalLshParams
 *   picks 25 bands of 5 rows: two texts become candidates with probability 1 − (1 − J⁵)²⁵, an
 *   S-curve that bends at (1/25)^(1/5) ≈ 0.525 (J = 0.5: 0.55; J = 0.8: 1.00; J = 0.3: 0.06).
 *
 * The first article seen of a group is its representative; later copies point at it.
 */

import { MinHashLSH } from './lsh.js';
import { estimateJaccard, MinHash } from './minhash.js';
import { shingleHashes, wordHashes } from './shingles.js';

export interface DuplicateOptions {
  /** Words per shingle (default 5). */
  shingleSize?: number;
  /** MinHash permutations (default 128). */
  numPerm?: number;
  /** Estimated Jaccard at or above which two texts are one article (default 0.5). */
  threshold?: number;
  /** Permutation seed (default 1). */
  seed?: number;
}

export interface DuplicateMatch {
  /** The representative (first seen) article of the group. */
  of: string;
  kind: 'exact' | 'near';
  /** Estimated Jaccard similarity to the closest earlier copy (1 for exact). */
  similarity: number;
}

/** A DuplicateDetector's state; Map entries keep insertion order, which decides ties. */
export interface DuplicateSnapshot {
  options: Required<DuplicateOptions>;
  byHash: [string, string][];
  representative: [string, string][];
  lsh: { keys: string[]; signatures: Uint32Array };
}

export const DEFAULT_DUPLICATE_OPTIONS: Required<DuplicateOptions> = {
  shingleSize: 5,
  numPerm: 128,
  threshold: 0.5,
  seed: 1,
};

/** MinHash signature of the word shingles of a text (what near-duplicate detection compares). */
export function textSignature(minhash: MinHash, text: string, shingleSize: number, out?: Uint32Array): Uint32Array {
  return minhash.signature(shingleHashes(wordHashes(text), shingleSize), out);
}

export class DuplicateDetector {
  readonly options: Required<DuplicateOptions>;
  private readonly minhash: MinHash;
  private lsh: MinHashLSH;
  private readonly byHash = new Map<string, string>();
  private readonly representative = new Map<string, string>();
  private readonly scratch: Uint32Array;

  constructor(options: DuplicateOptions = {}) {
    this.options = { ...DEFAULT_DUPLICATE_OPTIONS, ...options };
    this.minhash = new MinHash({ numPerm: this.options.numPerm, seed: this.options.seed });
    this.lsh = new MinHashLSH({ threshold: this.options.threshold, numPerm: this.options.numPerm });
    this.scratch = new Uint32Array(this.options.numPerm);
  }

  /** Bands, rows and the threshold they imply, for documentation and for reference runs. */
  get lshParams() {
    return this.lsh.params;
  }

  /** Bytes held by the near-duplicate index's typed arrays. */
  get byteLength(): number {
    return this.lsh.byteLength;
  }

  /**
   * Registers an article and says whether it copies one seen before. `contentHash` is optional:
   * without it only near-duplicates are found (an identical text still scores 1).
   */
  add(id: string, text: string, contentHash?: string): DuplicateMatch | undefined {
    return this.addSignature(id, () => this.signature(text, this.scratch), contentHash);
  }

  /**
   * The MinHash signature `add` gives `text`: depends only on the options, so it may be computed
   * ahead of time (in a worker) and handed to `addSignature`.
   */
  signature(text: string, out: Uint32Array = new Uint32Array(this.options.numPerm)): Uint32Array {
    return textSignature(this.minhash, text, this.options.shingleSize, out);
  }

  /**
   * As `add`, with the text's signature already made (or made on demand: an exact copy never
   * needs one).
   */
  addSignature(
    id: string,
    signatureOf: Uint32Array | (() => Uint32Array),
    contentHash?: string,
  ): DuplicateMatch | undefined {
    if (contentHash !== undefined) {
      const earlier = this.byHash.get(contentHash);
      if (earlier !== undefined) {
        const of = this.representative.get(earlier) ?? earlier;
        this.representative.set(id, of);
        return { of, kind: 'exact', similarity: 1 };
      }
      this.byHash.set(contentHash, id);
    }
    const signature = typeof signatureOf === 'function' ? signatureOf() : signatureOf;
    let best: string | undefined;
    let bestSimilarity = 0;
    for (const candidate of this.lsh.query(signature)) {
      const other = this.lsh.signatureOf(candidate);
      if (!other) continue;
      const similarity = estimateJaccard(signature, other);
      // Strictly greater: on a tie the earlier candidate (query returns insertion order) wins.
      if (similarity >= this.options.threshold && similarity > bestSimilarity) {
        best = candidate;
        bestSimilarity = similarity;
      }
    }
    if (!this.lsh.has(id)) this.lsh.insert(id, signature);
    if (best === undefined) return undefined;
    const of = this.representative.get(best) ?? best;
    this.representative.set(id, of);
    return { of, kind: 'near', similarity: bestSimilarity };
  }

  /** Everything needed to continue the stream in another process (see `restore`). */
  snapshot(): DuplicateSnapshot {
    return {
      options: { ...this.options },
      byHash: [...this.byHash],
      representative: [...this.representative],
      lsh: this.lsh.snapshot(),
    };
  }

  static restore(state: DuplicateSnapshot): DuplicateDetector {
    const detector = new DuplicateDetector(state.options);
    for (const [hash, id] of state.byHash) detector.byHash.set(hash, id);
    for (const [id, of] of state.representative) detector.representative.set(id, of);
    detector.lsh = MinHashLSH.restore(state.lsh, {
      threshold: detector.options.threshold,
      numPerm: detector.options.numPerm,
    });
    return detector;
  }

  /** The representative an article was attached to, if it is a copy. */
  representativeOf(id: string): string | undefined {
    return this.representative.get(id);
  }
}
