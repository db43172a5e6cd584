import type { BlockRule, FoundCredit } from '../rules/rule.js';
import { splitNames, stripArticle } from './names.js';

/**
 * Bylines near the top: "By Jane Doe", "By Jane Doe and Li Wei", "By JANE DOE, Northwire",
 * "By Jane Doe | Northwire", "By Jane Doe, Li Wei and Ana Roux". Each person becomes a `byline`
 * credit; an outlet after a bar or dash, or after the last comma of a list already closed by
 * "and" ("By Jane Doe and Li Wei, Northwire"), becomes an `agency` credit unless it is a job
 * title ("staff writer").
 */
const BY = /^\s*by\s+/i;
/** Bylines sit in the first paragraphs (after a headline, dek or dateline). */
const MAX_INDEX = 4;
/** "By Jane Doe and Li Wei, Northwire" is 7 words; a sentence starting "By" is longer. */
const MAX_WORDS = 12;
const JOB_TITLE =
  /\b(?:writer|reporter|correspondent|editor|staff|contributor|columnist|updated|published|min read)\b|\d/i;
const JOINER = /^(?:and|&|de|van|von|der|da|di|bin|al)$/i;

function splitOrganisation(rest: string): { people: string; org?: string } {
  const bar = rest.split(/\s*[|—–]\s*|\s+-\s+/);
  if (bar.length > 1) return { people: bar[0], org: bar.slice(1).join(' ') };
  const comma = rest.lastIndexOf(',');
  if (comma < 0) return { people: rest };
  const before = rest.slice(0, comma);
  const after = rest.slice(comma + 1).trim();
  // "Jane Doe, Li Wei and Ana Roux": the last item continues the list of people.
  if (/\band\b|&/.test(after)) return { people: rest };
  // "Jane Doe and Li Wei, Northwire" or "Jane Doe, Northwire": an outlet after the list.
  return { people: before, org: after };
}

export const bylineCredit: BlockRule = {
  name: 'byline',
  apply(block) {
    if (block.index > MAX_INDEX) return undefined;
    const text = block.text;
    const by = BY.exec(text);
    if (!by || text.trim().split(/\s+/).length > MAX_WORDS) return undefined;
    const { people, org } = splitOrganisation(text.slice(by[0].length).trim());
    // Every word of the names must be capitalised or a joiner: "By Tuesday the fire was out"
    // fails here.
    const words = people.split(/[\s,]+/).filter(Boolean);
    if (words.length === 0 || !words.every((w) => /^\p{Lu}/u.test(w) || JOINER.test(w))) return undefined;
    const names = splitNames(people);
    if (names.length === 0 || names.some((n) => n.split(' ').length > 4)) return undefined;
    const start = text.length - text.trimStart().length;
    const end = text.trimEnd().length;
    const credits: FoundCredit[] = names.map((name) => ({ kind: 'byline', name, start, end }));
    const outlet = org ? stripArticle(org.replace(/[.,;]+$/, '')) : '';
    if (outlet && !JOB_TITLE.test(outlet) && /^\p{Lu}/u.test(outlet))
      credits.push({ kind: 'agency', name: outlet, start, end });
    return { remove: [[0, text.length]], credits };
  },
};
