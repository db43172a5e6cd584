/**
 * Pulling person and organisation names out of credit lines. Credit lines list names with
 * commas, "and" and "&" ("Jane Doe, Li Wei and Ana Roux"), often followed by a place or a role
 * in lower case ("Jane Doe in Oslo", "Jane Doe at the United Nations"): a name is the run of
 * capitalised words (plus particles like "de", "van", "bin") at the start of each item.
 */

const PARTICLES = new Set([
  'de',
  'da',
  'del',
  'della',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'dos',
  'das',
  'y',
]);

/** A capitalised word: "Jane", "O’Brien", "Smith-Jones", "J.", "McNeil", "ÁLVAREZ". */
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}.'’-]*$/u;

/** "JANE DOE" → "Jane Doe"; names already in mixed case are kept as written. */
export function tidyName(name: string): string {
  const trimmed = name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]+$/, (m) => (/\b\p{Lu}$/u.test(name.trim().slice(0, -1)) ? m : ''));
  if (trimmed !== trimmed.toUpperCase() || !/\p{Lu}{2}/u.test(trimmed) || trimmed.split(' ').length === 1)
    return trimmed;
  return trimmed.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The leading capitalised-name part of an item ("Jane Doe in Oslo" → "Jane Doe"). */
export function leadingName(item: string): string | undefined {
  const words = item.trim().split(/\s+/);
  const taken: string[] = [];
  for (const word of words) {
    if (CAPITALISED.test(word)) taken.push(word);
    else if (taken.length > 0 && PARTICLES.has(word.toLowerCase())) taken.push(word);
    else break;
  }
  while (taken.length > 0 && PARTICLES.has(taken[taken.length - 1].toLowerCase())) taken.pop();
  if (taken.length === 0) return undefined;
  return tidyName(taken.join(' '));
}

/** Splits "Jane Doe, Li Wei and Ana Roux in Oslo" into ["Jane Doe", "Li Wei", "Ana Roux"]. */
export function splitNames(list: string): string[] {
  const names: string[] = [];
  for (const item of list.split(/\s*(?:,|;|&|\band\b)\s*/)) {
    const name = leadingName(item);
    if (name) names.push(name);
  }
  return names;
}

/** "The Associated Press" → "Associated Press": the article is not part of the name. */
export function stripArticle(name: string): string {
  return name.replace(/^the\s+/i, '').trim();
}
