/**
 * MinHash LSH index in the spirit of datasketch's `MinHashLSH(threshold, num_perm)`:
 * `insert(key, signature)`, `query(signature)` → keys that share at least one band.
 *
 * Storage is flat typed arrays so that memory stays small and linear: signatures in one
 * Uint32Array, and all bands of all documents in one open-addressing hash table whose slots
 * point at the most recent document in a bucket, with a `next` array chaining older ones.
 * Per document: numPerm·4 bytes of signature plus about 20 bytes per band.
 */
import { combine } from './hash.js';
import { type LshParams, optimalLshParams } from './lsh-params.js';

export interface MinHashLSHOptions {
  /** Jaccard similarity above which two documents should be found (default 0.5). */
  threshold?: number;
  /** Signature length; must match the MinHash that made the signatures (default 128). */
  numPerm?: number;
  /** Override the chosen bands and rows. */
  params?: { bands: number; rows: number };
}

const EMPTY = 0xffffffff;

export class MinHashLSH {
  readonly numPerm: number;
  readonly params: LshParams;
  private readonly keys: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private signatures: Uint32Array;
  /** next[doc * bands + band] = previous document in the same bucket, or -1. */
  private next: Int32Array;
  private slotKeys: Uint32Array;
  private slotHeads: Int32Array;
  private used = 0;
  private seen: Uint32Array;
  private generation = 0;

  constructor(options: MinHashLSHOptions = {}) {
    this.numPerm = options.numPerm ?? 128;
    const threshold = options.threshold ?? 0.5;
    if (options.params) {
      const { bands, rows } = options.params;
      if (bands * rows > this.numPerm) throw new RangeError('bands × rows exceeds numPerm');
      this.params = { bands, rows, threshold, impliedThreshold: (1 / bands) ** (1 / rows) };
    } else {
      this.params = optimalLshParams(threshold, this.numPerm);
    }
    this.signatures = new Uint32Array(this.numPerm * 64);
    this.next = new Int32Array(this.params.bands * 64);
    this.slotKeys = new Uint32Array(1024).fill(EMPTY);
    this.slotHeads = new Int32Array(1024).fill(-1);
    this.seen = new Uint32Array(64);
  }

  get size(): number {
    return this.keys.length;
  }

  has(key: string): boolean {
    return this.indexOf.has(key);
  }

  /** The stored signature of a key (a view: do not modify). */
  signatureOf(key: string): Uint32Array | undefined {
    const index = this.indexOf.get(key);
    if (index === undefined) return undefined;
    return this.signatures.subarray(index * this.numPerm, (index + 1) * this.numPerm);
  }

  /** Bytes held by the typed arrays of the index (not counting the key strings). */
  get byteLength(): number {
    return (
      this.signatures.byteLength +
      this.next.byteLength +
      this.slotKeys.byteLength +
      this.slotHeads.byteLength +
      this.seen.byteLength
    );
  }

  insert(key: string, signature: Uint32Array): void {
    if (signature.length !== this.numPerm)
      throw new RangeError(`signature length ${signature.length} ≠ ${this.numPerm}`);
    if (this.indexOf.has(key)) throw new Error(`key already in the index: ${key}`);
    const doc = this.keys.length;
    this.keys.push(key);
    this.indexOf.set(key, doc);
    this.ensureDocCapacity(doc + 1);
    this.signatures.set(signature, doc * this.numPerm);
    const { bands } = this.params;
    for (let band = 0; band < bands; band++) {
      const slot = this.findSlot(this.bandKey(signature, band), true);
      this.next[doc * bands + band] = this.slotHeads[slot];
      this.slotHeads[slot] = doc;
    }
  }

  /** Keys of indexed documents sharing at least one band with `signature`, in insertion order. */
  query(signature: Uint32Array): string[] {
    if (signature.length !== this.numPerm)
      throw new RangeError(`signature length ${signature.length} ≠ ${this.numPerm}`);
    const found: number[] = [];
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    const { bands } = this.params;
    for (let band = 0; band < bands; band++) {
      const slot = this.findSlot(this.bandKey(signature, band), false);
      if (slot < 0) continue;
      for (let doc = this.slotHeads[slot]; doc >= 0; doc = this.next[doc * bands + band]) {
        if (this.seen[doc] !== this.generation) {
          this.seen[doc] = this.generation;
          found.push(doc);
        }
      }
    }
    found.sort((x, y) => x - y);
    return found.map((doc) => this.keys[doc]);
  }

  /**
   * The keys and signatures in insertion order: all the index holds that cannot be recomputed.
   * `restore` re-inserts them in the same order, which rebuilds identical buckets and chains.
   */
  snapshot(): { keys: string[]; signatures: Uint32Array } {
    return { keys: [...this.keys], signatures: this.signatures.slice(0, this.keys.length * this.numPerm) };
  }

  static restore(
    state: { keys: readonly string[]; signatures: Uint32Array },
    options: MinHashLSHOptions = {},
  ): MinHashLSH {
    const lsh = new MinHashLSH(options);
    if (state.signatures.length !== state.keys.length * lsh.numPerm)
      throw new RangeError('LSH snapshot: signature count does not match the keys');
    for (let i = 0; i < state.keys.length; i++)
      lsh.insert(state.keys[i], state.signatures.subarray(i * lsh.numPerm, (i + 1) * lsh.numPerm));
    return lsh;
  }

  /** Hash of the `rows` values of one band, salted with the band number. */
  private bandKey(signature: Uint32Array, band: number): number {
    const { rows } = this.params;
    let h = combine(0x5bd1e995, band);
    const start = band * rows;
    for (let i = start; i < start + rows; i++) h = combine(h, signature[i]);
    // EMPTY marks free slots; nudge the one colliding value.
    return h === EMPTY ? 0 : h;
  }

  private findSlot(key: number, create: boolean): number {
    let mask = this.slotKeys.length - 1;
    let slot = key & mask;
    for (;;) {
      const k = this.slotKeys[slot];
      if (k === key) return slot;
      if (k === EMPTY) {
        if (!create) return -1;
        if ((this.used + 1) * 2 > this.slotKeys.length) {
          this.growTable();
          mask = this.slotKeys.length - 1;
          slot = key & mask;
          continue;
        }
        this.slotKeys[slot] = key;
        this.used++;
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private growTable(): void {
    const oldKeys = this.slotKeys;
    const oldHeads = this.slotHeads;
    const size = oldKeys.length * 2;
    this.slotKeys = new Uint32Array(size).fill(EMPTY);
    this.slotHeads = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i];
      if (key === EMPTY) continue;
      let slot = key & mask;
      while (this.slotKeys[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slotKeys[slot] = key;
      this.slotHeads[slot] = oldHeads[i];
    }
  }

  private ensureDocCapacity(docs: number): void {
    if (docs * this.numPerm <= this.signatures.length) return;
    const capacity = Math.max(docs, Math.ceil((this.signatures.length / this.numPerm) * 1.5));
    const signatures = new Uint32Array(capacity * this.numPerm);
    signatures.set(this.signatures);
    this.signatures = signatures;
    const next = new Int32Array(capacity * this.params.bands);
    next.set(this.next);
    this.next = next;
    const seen = new Uint32Array(capacity);
    seen.set(this.seen);
    this.seen = seen;
  }
}
