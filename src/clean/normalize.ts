import type { MappedTextBuilder } from './mapped-text.js';

/**
 * Character-level normalisation of story text, applied while copying a stretch of the original
 * into a `MappedTextBuilder` so that every output character keeps its origin.
 *
 * What changes: Unicode NFC composition ("e" + U+0301 → "é"); exotic spaces (NBSP, thin and
 * figure spaces, ideographic space) become an ordinary space; zero-width characters, soft
 * hyphens, BOMs and control characters disappear; any run of whitespace inside a paragraph
 * becomes one space. What does NOT change: quotation marks and apostrophes (a curly quote stays
 * curly, so an evidence span shows exactly what the outlet wrote), dashes, and the ellipsis
 * character "…" (NFC keeps it; NFKC would turn it into "..." and shift every later offset).
 */

/** Spaces that typesetting and CMSs use in place of U+0020 (NBSP after "Mr." is common). */
const SPACE_LIKE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/**
 * Invisible characters that carry no text: zero-width space/joiners, word joiner, BOM (often
 * left mid-text when files are concatenated), soft hyphen (inserted by hyphenation plugins:
 * "gov\u00adernment"), and C0/C1 controls other than whitespace.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u200b-\u200d\u2060\u2061-\u2064\ufeff]/;

/** Combining marks: a base letter and the marks that follow it form one NFC unit. */
const COMBINING = /\p{M}/u;

export function isSpaceLike(ch: string): boolean {
  return SPACE_LIKE.test(ch);
}

export function isInvisible(ch: string): boolean {
  return INVISIBLE.test(ch);
}

/**
 * The normalised form of a stand-alone string (no offsets kept): the same rules as
 * `appendNormalized`, with whitespace runs folded and the ends trimmed. Used for titles, credit
 * names and for checking that spans round-trip.
 */
export function normalizeInline(text: string): string {
  let out = '';
  let pendingSpace = false;
  let i = 0;
  while (i < text.length) {
    const runEnd = simpleRunEnd(text, i, text.length);
    if (runEnd > i) {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += text.slice(i, runEnd);
      i = runEnd;
      continue;
    }
    const unit = nextUnit(text, i, text.length);
    i = unit.end;
    if (unit.kind === 'space') {
      pendingSpace = out.length > 0;
      continue;
    }
    if (unit.kind === 'invisible') continue;
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += unit.text;
  }
  return out;
}

interface Unit {
  kind: 'text' | 'space' | 'invisible';
  /** NFC form of the original characters. */
  text: string;
  start: number;
  end: number;
}

/** Class of each code unit below U+0300: 0 plain, 1 space-like, 2 invisible. */
const SIMPLE_LIMIT = 0x300;
const LOW_CLASS = (() => {
  const table = new Uint8Array(SIMPLE_LIMIT);
  for (let c = 0; c < SIMPLE_LIMIT; c++) {
    const ch = String.fromCharCode(c);
    table[c] = isSpaceLike(ch) ? 1 : isInvisible(ch) ? 2 : 0;
  }
  return table;
})();

/**
 * End of the run of plain characters starting at `i`: code units below U+0300 that are neither
 * space-like nor invisible. Every such character is its own NFC unit and NFC leaves it as it is
 * (nothing below U+0300 composes or decomposes on its own), so a run is copied verbatim. The run
 * stops short of a character followed by a combining mark (all marks are ≥ U+0300): that
 * character is a base for the marks and goes through `nextUnit`. Typical news text is one run
 * per word, which is what makes this path worth having.
 */
function simpleRunEnd(original: string, i: number, end: number): number {
  let k = i;
  while (k < end) {
    const c = original.charCodeAt(k);
    if (c >= SIMPLE_LIMIT || LOW_CLASS[c] !== 0) break;
    k++;
  }
  if (
    k < end &&
    k > i &&
    original.charCodeAt(k) >= SIMPLE_LIMIT &&
    COMBINING.test(String.fromCodePoint(original.codePointAt(k) ?? 0))
  )
    k--;
  return k;
}

/**
 * The NFC unit starting at `i`: a base character plus any combining marks after it, or a single
 * space-like or invisible character.
 */
function nextUnit(original: string, i: number, end: number): Unit {
  const cp = original.codePointAt(i) ?? 0;
  const ch = String.fromCodePoint(cp);
  let j = i + ch.length;
  if (isSpaceLike(ch)) return { kind: 'space', text: ' ', start: i, end: j };
  if (isInvisible(ch)) return { kind: 'invisible', text: '', start: i, end: j };
  while (j < end) {
    const next = String.fromCodePoint(original.codePointAt(j) ?? 0);
    if (!COMBINING.test(next)) break;
    j += next.length;
  }
  const raw = original.slice(i, j);
  return { kind: 'text', text: raw.normalize('NFC'), start: i, end: j };
}

/**
 * Copies original[start, end) — one paragraph, or part of one — into `out`, normalised. Runs of
 * whitespace become a single space mapped to the first whitespace character; a space is only
 * written once a following visible character arrives, so paragraphs never end in a space.
 * Returns true when anything visible was written.
 *
 * `joinWithSpace` says whether a space should separate this stretch from text already in the
 * current paragraph (false at the start of a paragraph).
 */
export function appendNormalized(
  out: MappedTextBuilder,
  original: string,
  start: number,
  end: number,
  joinWithSpace: boolean,
  joinOrigin = start,
): boolean {
  let pendingSpaceAt = joinWithSpace ? joinOrigin : -1;
  let wrote = false;
  let i = start;
  while (i < end) {
    const runEnd = simpleRunEnd(original, i, end);
    if (runEnd > i) {
      if (pendingSpaceAt >= 0) {
        out.appendMapped(' ', pendingSpaceAt);
        pendingSpaceAt = -1;
      }
      out.appendMapped(original.slice(i, runEnd), i);
      wrote = true;
      i = runEnd;
      continue;
    }
    const unit = nextUnit(original, i, end);
    i = unit.end;
    if (unit.kind === 'invisible') continue;
    if (unit.kind === 'space') {
      if (pendingSpaceAt < 0 && (wrote || joinWithSpace)) pendingSpaceAt = unit.start;
      continue;
    }
    if (pendingSpaceAt >= 0) {
      out.appendMapped(' ', pendingSpaceAt);
      pendingSpaceAt = -1;
    }
    if (unit.text === original.slice(unit.start, unit.end)) {
      out.appendMapped(unit.text, unit.start);
    } else {
      // NFC changed the unit (typically base + combining mark → one precomposed letter): the
      // composed character maps to where its base letter stood.
      out.appendCollapsed(unit.text, unit.start);
    }
    wrote = true;
  }
  return wrote;
}
