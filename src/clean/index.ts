import type { CleanArticle, Credit, RawArticle } from '../core/types.js';
import { articleId, contentHash } from './identity.js';
import { MappedTextBuilder } from './mapped-text.js';
import { appendNormalized } from './normalize.js';
import { type ParagraphRange, splitParagraphs } from './paragraphs.js';
import { type BlockRule, DEFAULT_RULES } from './rules/index.js';
import { chooseTitle } from './title.js';

export { normalizeInline } from './normalize.js';
export type { BlockContext, BlockRule, BlockVerdict } from './rules/index.js';
export { DEFAULT_RULES } from './rules/index.js';

export interface CleanOptions {
  /** Boilerplate and credit rules, tried in order (default `DEFAULT_RULES`). */
  rules?: readonly BlockRule[];
}

/**
 * clean: RawArticle → CleanArticle.
 *
 * 1. The body is split into paragraphs (ranges of the original; see paragraphs.ts).
 * 2. Each paragraph goes past the rules (rules/): boilerplate is cut out, credit and copyright
 *    lines are cut out AND recorded as `credits` with their span in the original.
 * 3. What remains is copied into the clean text normalised (NFC, one space between words,
 *    invisible characters dropped, quotation marks as typed), paragraphs joined by "\n\n",
 *    every clean character remembering its original offset (`offsets`).
 * 4. The id is the hash of the clean text, so the same story in two wrappers is one article.
 */
export function cleanArticle(raw: RawArticle, options: CleanOptions = {}): CleanArticle {
  const rules = options.rules ?? DEFAULT_RULES;
  // `original` is the reader's body in NFC. Composition is the one normalisation that cannot be
  // expressed as one-to-one offset runs ("e" + U+0301 → "é" is two characters to one), so it is
  // applied to the original itself; every other change (spaces, invisible characters, paragraph
  // breaks) is mapped. Readers already emit NFC, so for them this is a no-op.
  const original = raw.body.normalize('NFC');
  const paragraphs = splitParagraphs(original);
  const texts = paragraphs.map((p) => original.slice(p.start, p.end));
  const credits: Credit[] = [];
  const out = new MappedTextBuilder();

  paragraphs.forEach((paragraph, index) => {
    let removed: Array<[number, number]> = [];
    for (const rule of rules) {
      const verdict = rule.apply({ text: texts[index], index, paragraphs: texts });
      if (!verdict) continue;
      removed = verdict.remove.map(([s, e]) => [paragraph.start + s, paragraph.start + e]);
      for (const c of verdict.credits ?? []) {
        const span = [paragraph.start + c.start, paragraph.start + c.end] as const;
        credits.push({ kind: c.kind, name: c.name, text: original.slice(span[0], span[1]), span });
      }
      break;
    }
    appendParagraph(out, original, keptPieces(paragraph, removed));
  });

  const text = out.toString();
  const hash = contentHash(text);
  return {
    id: articleId(hash),
    contentHash: hash,
    source: raw.source,
    format: raw.format,
    ...(raw.externalId !== undefined && { externalId: raw.externalId }),
    ...(raw.url !== undefined && { url: raw.url }),
    title: chooseTitle(raw.title, text),
    ...(raw.published !== undefined && { published: raw.published }),
    ...(raw.outlet !== undefined && { outlet: raw.outlet }),
    ...(raw.author !== undefined && { author: raw.author }),
    credits,
    original,
    text,
    offsets: out.toOffsetRuns(),
  };
}

/** The ranges of a paragraph's lines that survive the removals, in order. */
function keptPieces(paragraph: ParagraphRange, removed: Array<[number, number]>): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  const cuts = [...removed].sort((a, b) => a[0] - b[0]);
  for (const line of paragraph.lines) {
    let from = line.start;
    for (const [s, e] of cuts) {
      if (e <= from || s >= line.end) continue;
      if (s > from) pieces.push([from, s]);
      from = Math.max(from, e);
    }
    if (from < line.end) pieces.push([from, line.end]);
  }
  return pieces;
}

/** Writes one paragraph's surviving pieces, starting a new paragraph if anything is visible. */
function appendParagraph(out: MappedTextBuilder, original: string, pieces: Array<[number, number]>): void {
  const before = out.length;
  if (before > 0) out.appendUnmapped('\n\n');
  let wrote = false;
  let previousEnd = -1;
  for (const [start, end] of pieces) {
    // Pieces are separated by a line break (hard-wrapped text) or by a removed stretch; either
    // way they join with one space, mapped to the first character of the gap
    // ("OSLO (Reuters) - The" → "OSLO - The").
    const joinOrigin = previousEnd >= 0 ? previousEnd : start;
    wrote = appendNormalized(out, original, start, end, wrote, joinOrigin) || wrote;
    previousEnd = end;
  }
  if (!wrote && before > 0) out.trimEnd('\n');
}
