/**
 * Whether two speaker names are the same person as far as the text can tell. "Marcus D. Whitlow",
 * "Marcus Whitlow" and "Mr Whitlow" are one person (surnames agree, no first names disagree);
 * "Harriet Calloway" is another. Speakers that are not names ("a translation of his interview",
 * an unresolved "he") cannot be compared, and so never produce a misattribution.
 */
import { isHonorific, roleOfTitle } from '../extract/entities/titles.js';

function nameParts(name: string): string[] | undefined {
  // "The mayor", "A spokesman": a description, however it is capitalised, is not a name.
  if (/^(?:the|a|an|this|that|its|his|her|their)\s/i.test(name)) return undefined;
  const words = name
    .replace(/['’]s$/, '')
    .split(/\s+/)
    .filter((w) => w && !isHonorific(w) && !roleOfTitle(w));
  if (
    words.length === 0 ||
    !words.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|da|van|von|der|del|la|le|bin|al)$/.test(w))
  )
    return undefined;
  return words.map((w) => w.toLowerCase().replace(/\.$/, ''));
}

/** Whether a speaker is a person's name rather than a description ("a spokesman", "the report"). */
export function isPersonName(speaker: string | undefined): speaker is string {
  return speaker !== undefined && nameParts(speaker) !== undefined;
}

export type SpeakerComparison = 'same' | 'different' | 'unknown';

export function compareSpeakers(a: string | undefined, b: string | undefined): SpeakerComparison {
  if (!a || !b) return 'unknown';
  const x = nameParts(a);
  const y = nameParts(b);
  if (!x || !y) return a.toLowerCase() === b.toLowerCase() ? 'same' : 'unknown';
  if (x.at(-1) !== y.at(-1)) {
    // One side may be a first name only or a surname only ("Whitlow" / "Marcus Whitlow").
    if (x.length === 1 && y.includes(x[0])) return 'same';
    if (y.length === 1 && x.includes(y[0])) return 'same';
    return 'different';
  }
  // Same surname: different first names are different people ("Hillary Clinton" / "Bill Clinton").
  if (x.length > 1 && y.length > 1 && x[0] !== y[0] && x[0].length > 1 && y[0].length > 1) return 'different';
  return 'same';
}
