/**
 * Small, fast, deterministic 32-bit hashes for shingles and band keys. Not cryptographic: they
 * only need to spread values evenly so that MinHash and LSH behave like their theory says.
 */

/** FNV-1a over the UTF-16 code units of `text[start, end)`, lower-casing ASCII letters on the fly. */
export function hashWord(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a over a whole string (exact case). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Murmur3's 32-bit finaliser: makes every input bit affect every output bit. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines a running hash with one more 32-bit value (order matters: "a b" ≠ "b a"). */
export function combine(seed: number, value: number): number {
  return mix32(Math.imul(seed ^ value, 0x9e3779b1) + 0x7f4a7c15);
}

/**
 * A deterministic stream of 32-bit pseudo-random numbers (mulberry32), used to draw the MinHash
 * permutation coefficients from a seed so that two runs, or two machines, agree exactly.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
