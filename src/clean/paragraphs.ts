/**
 * Splitting a plain-text body into paragraphs, as ranges of the original text.
 *
 * Bodies arrive in two shapes: one paragraph per line (what most CMS exports, scrapers and our
 * HTML reader produce, often with blank lines only here and there), and hard-wrapped text where
 * a paragraph spans several lines of ~70 characters and paragraphs are separated by blank lines
 * (e-mail, wire feeds, Project-Gutenberg-style files). The first shape must treat every newline
 * as a paragraph break; the second must join the lines of a block.
 */

/** A line of the original body, without its line terminator: original.slice(start, end). */
export interface LineRange {
  start: number;
  end: number;
}

/** A paragraph: one or more lines that are joined with a space when normalised. */
export interface ParagraphRange {
  lines: LineRange[];
  start: number;
  end: number;
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029|\u0085/g;
const BLANK = /^[\s\u00a0\u200b-\u200d\u2060\ufeff]*$/;

export function splitLines(original: string): LineRange[] {
  const lines: LineRange[] = [];
  let start = 0;
  for (const match of original.matchAll(LINE_BREAK)) {
    lines.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: original.length });
  return lines;
}

export function isBlankLine(original: string, line: LineRange): boolean {
  return BLANK.test(original.slice(line.start, line.end));
}

/**
 * Hard-wrap detection. Wrapped text has many lines that stop mid-sentence at a similar width.
 * We call a body hard-wrapped when at least 60% of its non-blank lines that are followed by
 * another non-blank line end without sentence punctuation AND are between 40 and 100 characters
 * long (typical wrap columns are 66–80). One-paragraph-per-line text fails this easily: its lines
 * end in "." or '"' and are usually longer than 100 characters.
 * Example: "The council voted on Tuesday to close the\nharbour road for repairs." is wrapped;
 * "Share and Follow\nDUNMERE – In a televised interview …" is not (a short widget line is one
 * line, not the start of a wrapped paragraph).
 */
export function looksHardWrapped(original: string, lines: LineRange[]): boolean {
  let candidates = 0;
  let wrapped = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    if (isBlankLine(original, line) || isBlankLine(original, lines[i + 1])) continue;
    candidates++;
    const text = original.slice(line.start, line.end).trimEnd();
    const width = text.length;
    if (width >= 40 && width <= 100 && !/[.!?:;"”’)\]]$/.test(text)) wrapped++;
  }
  // Three wrapped lines at least: a title followed by a dateline is not a wrapped paragraph.
  return candidates >= 3 && wrapped / candidates >= 0.6;
}

/** Groups the non-blank lines of `original` into paragraphs. */
export function splitParagraphs(original: string): ParagraphRange[] {
  const lines = splitLines(original);
  const wrapped = looksHardWrapped(original, lines);
  const paragraphs: ParagraphRange[] = [];
  let current: LineRange[] = [];
  const flush = () => {
    if (current.length === 0) return;
    paragraphs.push({ lines: current, start: current[0].start, end: current[current.length - 1].end });
    current = [];
  };
  for (const line of lines) {
    if (isBlankLine(original, line)) {
      flush();
      continue;
    }
    current.push(line);
    if (!wrapped) flush();
  }
  flush();
  return paragraphs;
}
