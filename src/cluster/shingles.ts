/**
 * Word shingles of a text, as 32-bit hashes. Near-duplicate detection works on the words of the
 * clean text, not on NLP tokens, so that it is independent of (and much cheaper than) segmentation:
 * two pages that carry the same article share the same word sequences whatever the tokenizer does.
 */

/** ASCII code → the code hashed for it (letters lower-cased, digits as is), or −1 for a separator. */
const ASCII_CLASS = Int32Array.from({ length: 128 }, (_, c) =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) ? c : c >= 65 && c <= 90 ? c + 32 : -1,
);

/**
 * A word is a run of letters or digits (any script); apostrophes inside words are kept ("don't").
 * Returns the code unit to hash, or −1 for a separator. Non-ASCII: letters of other scripts and
 * accented letters count as word characters; typographic punctuation (U+2000–U+206F: dashes,
 * curly quotes, ellipsis) and the no-break and ideographic spaces are separators.
 */
function wordCode(c: number): number {
  if (c < 128) return ASCII_CLASS[c];
  return (c >= 0x2000 && c <= 0x206f) || c === 0xa0 || c === 0x3000 ? -1 : c;
}

/**
 * Hashes of the words of `text`, lower-cased, in order: FNV-1a over each word's UTF-16 code
 * units (as hashWord), computed in the single pass that finds the words.
 */
export function wordHashes(text: string): Uint32Array {
  const len = text.length;
  const out = new Uint32Array((len >>> 1) + 1);
  let n = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    let k = wordCode(c);
    if (k < 0 && inWord && (c === 39 || c === 0x2019) && i + 1 < len && wordCode(text.charCodeAt(i + 1)) >= 0) k = c;
    if (k >= 0) {
      h = Math.imul(h ^ k, 0x01000193);
      inWord = true;
    } else if (inWord) {
      out[n++] = h >>> 0;
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord) out[n++] = h >>> 0;
  return out.subarray(0, n);
}

/** Odd multiplier of the polynomial shingle hash (the golden-ratio constant). */
const BASE = 0x9e3779b1;

/**
 * Hashes of the `size`-word shingles of a sequence of word hashes: the polynomial
 * Σ word[i+j]·BASE^(size−1−j) mod 2^32, rolled from one shingle to the next with two
 * multiplications (Karp–Rabin), so that the cost per shingle does not grow with `size`. The
 * polynomial keeps word order ("a b" ≠ "b a"); its weak low bits do not matter, since MinHash
 * mixes every value before use. A text shorter than `size` words yields one shingle of all its
 * words (so that it still has a signature).
 */
export function shingleHashes(words: Uint32Array, size: number): Uint32Array {
  const n = words.length;
  if (n === 0) return new Uint32Array(0);
  const width = Math.min(size, n);
  const count = n - width + 1;
  const out = new Uint32Array(count);
  // BASE^(width−1): the weight of the word that leaves the window.
  let top = 1;
  for (let j = 1; j < width; j++) top = Math.imul(top, BASE);
  let h = 0;
  for (let j = 0; j < width; j++) h = (Math.imul(h, BASE) + words[j]) | 0;
  out[0] = h;
  for (let i = 1; i < count; i++) {
    h = (Math.imul((h - Math.imul(words[i - 1], top)) | 0, BASE) + words[i + width - 1]) | 0;
    out[i] = h;
  }
  return out;
}

/** Sorted, de-duplicated copy: the shingle *set* of a document. */
export function uniqueSorted(values: Uint32Array): Uint32Array {
  if (values.length === 0) return values;
  const sorted = Uint32Array.from(values).sort();
  let n = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
  return sorted.subarray(0, n);
}

/** Exact Jaccard similarity of two sorted, de-duplicated shingle sets. */
export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
