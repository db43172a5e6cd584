/**
 * What a reworded quote changed, in words an editor reads at a glance:
 * "quote reworded: 'because' → 'as'; 'however' → 'though'".
 */
import { diffArrays } from 'diff';
import { type QuoteWord, quoteSegments } from './quote-words.js';

/** At most this many edits are spelled out; the rest are counted ("… and 3 more"). */
const SHOWN_EDITS = 4;

export interface QuoteEdit {
  removed: string;
  added: string;
}

/**
 * Edits turning the source quote into the derived one. When the derived quote is a trimmed
 * excerpt, the source words before its first and after its last shared word are not edits
 * (the writer quoted less, they did not change what was said).
 */
export function quoteEdits(source: string, target: string): QuoteEdit[] {
  const a = quoteSegments(source).flat();
  const b = quoteSegments(target).flat();
  const changes = diffArrays<QuoteWord>(a, b, { comparator: (x, y) => x.key === y.key });
  const firstSame = changes.findIndex((c) => !c.added && !c.removed);
  let lastSame = -1;
  changes.forEach((c, i) => {
    if (!c.added && !c.removed) lastSame = i;
  });
  const edits: QuoteEdit[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    if (!c.added && !c.removed) continue;
    // Source-only words outside the shared stretch: the excerpt was trimmed, not reworded.
    if (c.removed && firstSame >= 0 && (i < firstSame || i > lastSame)) {
      const next = changes[i + 1];
      if (!next?.added) continue;
    }
    const text = (words: QuoteWord[]) => words.map((w) => w.text).join(' ');
    if (c.removed && changes[i + 1]?.added) {
      edits.push({ removed: text(c.value), added: text(changes[i + 1].value) });
      i++;
    } else if (c.removed) edits.push({ removed: text(c.value), added: '' });
    else edits.push({ removed: '', added: text(c.value) });
  }
  return edits;
}

export function describeEdits(edits: readonly QuoteEdit[]): string {
  const shown = edits
    .slice(0, SHOWN_EDITS)
    .map((e) =>
      e.removed && e.added
        ? `'${e.removed}' → '${e.added}'`
        : e.removed
          ? `dropped '${e.removed}'`
          : `added '${e.added}'`,
    );
  const more = edits.length > SHOWN_EDITS ? `; … and ${edits.length - SHOWN_EDITS} more` : '';
  return `quote reworded: ${shown.join('; ')}${more}`;
}
