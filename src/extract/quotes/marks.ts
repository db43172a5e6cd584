/**
 * Finds quotations: the stretches of text between an opening and a closing quotation mark.
 *
 * News copy mixes every convention — straight `"`, curly `“ ”`, guillemets `« »`, low-9 `„`,
 * single marks for headlines and for quotes inside quotes — and careless copy mistypes them
 * (`stating,”The people…` uses a closing mark to open). So a mark's role is read from its
 * surroundings first (space before and a letter after opens; a letter or punctuation before and
 * space after closes) and from its glyph only when the surroundings say nothing.
 */
import type { Span } from '../../core/types.js';

export interface Quotation {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when the quote runs on into the next paragraph. */
  close: number;
  /** The quoted words, without the marks. */
  inner: Span;
  /** False when the paragraph ended before a closing mark (multi-paragraph quote convention). */
  closed: boolean;
  paragraph: number;
  /** Double marks, or single marks used as the outermost quote (headline style). */
  kind: 'double' | 'single';
}

const DOUBLE_OPEN = new Set(['“', '„', '«', '‟']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const DOUBLE_EITHER = new Set(['"']);
const SINGLE_OPEN = new Set(['‘', '‹']);
const SINGLE_CLOSE = new Set(['’', '›']);
const SINGLE_EITHER = new Set(["'"]);

type Role = 'open' | 'close' | 'unknown';

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** Characters after which a mark starts a quote: start, space, opening brackets, dashes. */
const isOpeningContext = (c: string | undefined) => c === undefined || /[\s([{\u2014\u2013/-]/.test(c);

/** Role of a double mark at `i`, from context first and glyph second. */
function doubleRole(text: string, i: number): Role {
  const before = text[i - 1];
  const after = text[i + 1];
  const glyph = text[i];
  // A mark glued between a comma or colon and a letter opens, whatever its glyph: careless
  // copy writes `stating,”The people…` and `said,"We…`.
  if (/[,:]/.test(before ?? '') && isWordChar(after)) return 'open';
  const openByContext = isOpeningContext(before) && !isSpace(after);
  const closeByContext = !isOpeningContext(before) && (isSpace(after) || /[\p{P}]/u.test(after ?? ''));
  if (openByContext && !closeByContext) return 'open';
  if (closeByContext && !openByContext) return 'close';
  if (DOUBLE_OPEN.has(glyph)) return 'open';
  if (DOUBLE_CLOSE.has(glyph)) return 'close';
  return 'unknown';
}

/**
 * Role of a single mark at `i`. Apostrophes vastly outnumber single quotes ("we’ve", "Norland’s",
 * "’90s", "students’ union"), so a single mark only opens with a space (or an opening double mark)
 * before it and a letter after, and only closes with no letter after it.
 */
function singleRole(text: string, i: number): Role {
  const before = text[i - 1];
  const after = text[i + 1];
  if (isWordChar(before) && isWordChar(after)) return 'unknown';
  const openerBefore = isOpeningContext(before) || DOUBLE_OPEN.has(before ?? '') || before === '"';
  if (openerBefore && (isWordChar(after) || /[.…]/.test(after ?? ''))) {
    // "’90s" and "’em": an elided start, not a quote.
    if (/^\d{2}s\b/.test(text.slice(i + 1, i + 5)) || /^(em|til|cause|n)\b/i.test(text.slice(i + 1, i + 7)))
      return 'unknown';
    return 'open';
  }
  if (!openerBefore && !isWordChar(after)) return 'close';
  return 'unknown';
}

/** Quotations of one paragraph, single-quoted ones only at top level (not quotes within quotes). */
function quotationsInParagraph(text: string, paragraph: Span, index: number): Quotation[] {
  const found: Quotation[] = [];
  let openDouble = -1;
  let openSingle = -1;
  const [start, end] = paragraph;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (DOUBLE_OPEN.has(c) || DOUBLE_CLOSE.has(c) || DOUBLE_EITHER.has(c)) {
      const role = doubleRole(text, i);
      const effective: Role = role !== 'unknown' ? role : openDouble >= 0 ? 'close' : 'open';
      if (effective === 'open' && openDouble < 0) {
        openDouble = i;
        openSingle = -1;
      } else if (effective === 'close' && openDouble >= 0) {
        found.push({
          open: openDouble,
          close: i,
          inner: [openDouble + 1, i],
          closed: true,
          paragraph: index,
          kind: 'double',
        });
        openDouble = -1;
      } else if (effective === 'open' && openDouble >= 0 && role === 'open') {
        // Two openers in a row: the first quote was never closed (a typo); restart at the second.
        openDouble = i;
      }
      continue;
    }
    if (openDouble >= 0) continue;
    if (SINGLE_OPEN.has(c) || SINGLE_CLOSE.has(c) || SINGLE_EITHER.has(c)) {
      const role = singleRole(text, i);
      if (role === 'open' && openSingle < 0) openSingle = i;
      else if (role === 'close' && openSingle >= 0) {
        found.push({
          open: openSingle,
          close: i,
          inner: [openSingle + 1, i],
          closed: true,
          paragraph: index,
          kind: 'single',
        });
        openSingle = -1;
      }
    }
  }
  if (openDouble >= 0) {
    // The multi-paragraph convention: a quote that runs on leaves its paragraph unclosed and
    // reopens the next one. An unclosed quote of fewer than three words is a stray mark instead.
    const inner: Span = [openDouble + 1, end];
    if (text.slice(inner[0], inner[1]).trim().split(/\s+/).length >= 3)
      found.push({ open: openDouble, close: end, inner, closed: false, paragraph: index, kind: 'double' });
  }
  return found.sort((a, b) => a.open - b.open);
}

/** All quotations of a text, paragraph by paragraph, in reading order. */
export function findQuotations(text: string, paragraphs: readonly Span[]): Quotation[] {
  return paragraphs.flatMap((p, i) => quotationsInParagraph(text, p, i));
}

/** Typewriter double marks: two apostrophes for “ and ” ('' We will,'' she said). */
const TYPEWRITER_DOUBLE = /(?:^|\s)''\p{L}|[\p{L}.,!?]''(?:\s|$)/mu;

/**
 * The quotations that quote someone outright. Copy that quotes with double marks (“…”, "…" or
 * typewriter ''…'') keeps single marks for quotes within quotes, headlines and scare quotes, so
 * its single-quoted stretches are not anyone's words as told to the writer; copy that quotes
 * with single marks (British style) keeps them. A double quotation inside a single one is a
 * quote within a British quote and says nothing about the copy's style.
 */
export function outrightQuotations(text: string, quotations: readonly Quotation[]): Quotation[] {
  const singles = quotations.filter((q) => q.kind === 'single');
  if (singles.length === 0) return [...quotations];
  const nested = (q: Quotation) => singles.some((s) => s.open < q.open && q.close < s.close);
  const doubleStyle = TYPEWRITER_DOUBLE.test(text) || quotations.some((q) => q.kind === 'double' && !nested(q));
  return doubleStyle ? quotations.filter((q) => q.kind === 'double') : [...quotations];
}

/** The inner span without surrounding spaces and with no trailing comma or colon left over. */
export function trimInner(text: string, span: Span): Span {
  let [s, e] = span;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /[\s,;:]/.test(text[e - 1])) e--;
  return [s, e];
}
