import type { BlockRule, FoundCredit } from '../rules/rule.js';
import { splitNames, stripArticle } from './names.js';

/**
 * Contributor lines at the foot of wire copy:
 *   "AP writer Jane Doe contributed to this report from Washington."
 *   "Associated Press writers Jane Doe and Li Wei contributed."
 *   "Northwire correspondent Ana Roux in Lisbon contributed reporting."
 *   "Reporting by Jane Doe; Editing by Li Wei"     "Additional reporting by Ana Roux"
 *   "Contributing: Jane Doe, Li Wei"
 * Each named person becomes a `contributor` credit; an organisation named before the role
 * ("AP", "Associated Press", "Northwire") becomes an `agency` credit, because it tells
 * provenance whose copy the story carries.
 */
const ROLE = String.raw`(?:staff\s+)?(?:[Ww]riters?|[Rr]eporters?|[Cc]orrespondents?|[Jj]ournalists?|[Pp]hotographers?|[Rr]esearchers?)`;
const CONTRIBUTED = new RegExp(
  String.raw`^\s*(?:(?<org>(?:[Tt]he\s+)?[\p{Lu}][\p{L}\p{M}.&'’-]*(?:\s+[\p{Lu}][\p{L}\p{M}.&'’-]*){0,4})\s+)?${ROLE}\s+(?<names>.+?)\s+(?:also\s+)?contributed\b[^]*$`,
  'u',
);
/** "Reporting by …; Writing by …; Editing by …" (Reuters-style) and "Additional reporting by". */
const REPORTING_BY =
  /^\s*(?:(?:additional\s+)?(?:reporting|writing|editing|research|compiled|fact-checking)\s+by\s+[^;]+;?\s*)+$/i;
const CONTRIBUTING = /^\s*contributing(?:\s+to\s+this\s+(?:report|story))?\s*:\s*(?<names>.+)$/i;

/** Contributor lines are one sentence; 50 words is far beyond any real one. */
const MAX_WORDS = 50;

/** Whether `text.split(/\s+/)` would give more than `max` pieces, without splitting a long paragraph. */
function piecesExceed(text: string, max: number): boolean {
  const gaps = /\s+/g;
  let pieces = 1;
  while (gaps.exec(text) !== null) if (++pieces > max) return true;
  return false;
}

function whole(text: string, credits: FoundCredit[]) {
  return { remove: [[0, text.length]] as Array<[number, number]>, credits };
}

export const contributorCredits: BlockRule = {
  name: 'contributors',
  apply(block) {
    const text = block.text;
    if (piecesExceed(text, MAX_WORDS)) return undefined;
    const start = text.length - text.trimStart().length;
    const end = text.trimEnd().length;
    const m = CONTRIBUTED.exec(text);
    if (m?.groups) {
      const names = splitNames(m.groups.names);
      if (names.length === 0) return undefined;
      const credits: FoundCredit[] = names.map((name) => ({ kind: 'contributor', name, start, end }));
      if (m.groups.org) credits.unshift({ kind: 'agency', name: stripArticle(m.groups.org), start, end });
      return whole(text, credits);
    }
    if (REPORTING_BY.test(text)) {
      const names = [...text.matchAll(/\bby\s+([^;]+)/gi)].flatMap((part) => splitNames(part[1]));
      if (names.length === 0) return undefined;
      return whole(
        text,
        names.map((name) => ({ kind: 'contributor', name, start, end })),
      );
    }
    const c = CONTRIBUTING.exec(text);
    if (c?.groups) {
      const names = splitNames(c.groups.names);
      if (names.length === 0) return undefined;
      return whole(
        text,
        names.map((name) => ({ kind: 'contributor', name, start, end })),
      );
    }
    return undefined;
  },
};
