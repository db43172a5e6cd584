import type { BlockRule } from '../rules/rule.js';

/**
 * Agency sign-offs: a dash and the source at the end of a story — "– Guardian/Agencies",
 * "— Staff and agencies", "- Northwire", "— AFP". Either the sign-off is a paragraph of its own,
 * or it closes the last sentence of the final paragraph ("…reopen on Monday. – Northwire/AFP").
 * The name must look like a credit (capitalised words, "and agencies", "/Agencies", at most five
 * words) so that a closing dash in a sentence ("…said the mayor — again") is left alone.
 */
const NAME = String.raw`(?:[\p{Lu}][\p{L}\p{M}.&'’]*|agencies|and|of|the)(?:[ /]+(?:[\p{Lu}][\p{L}\p{M}.&'’]*|agencies|and|of|the)){0,4}`;
const STANDALONE = new RegExp(String.raw`^\s*[–—-]{1,2}\s*(?<name>${NAME})\s*$`, 'u');
const BARE =
  /^\s*(?<name>(?:staff and agencies|agencies|[\p{Lu}][\p{L}.&'’]*(?: [\p{Lu}][\p{L}.&'’]*){0,3}\s*(?:\/|and)\s*agencies))\s*$/iu;
const TRAILING = new RegExp(String.raw`(?<=[.!?]["”’']?)\s+[–—-]{1,2}\s*(?<name>${NAME})\s*$`, 'u');

/** Only the last paragraphs of a story carry a sign-off; more than 3 from the end is text. */
const FROM_END = 3;

function plausible(name: string): boolean {
  // "the", "and" or "of" alone is not a credit; a sign-off starts with a capital.
  return /^[\p{Lu}]/u.test(name) && !/\b(?:and|of|the)$/i.test(name);
}

export const agencySignoff: BlockRule = {
  name: 'agency-signoff',
  apply(block) {
    if (block.paragraphs.length - block.index > FROM_END) return undefined;
    const whole = STANDALONE.exec(block.text) ?? BARE.exec(block.text);
    if (whole?.groups && plausible(whole.groups.name)) {
      const start = block.text.length - block.text.trimStart().length;
      return {
        remove: [[0, block.text.length]],
        credits: [{ kind: 'agency', name: whole.groups.name.trim(), start, end: block.text.trimEnd().length }],
      };
    }
    if (block.index !== block.paragraphs.length - 1) return undefined;
    const tail = TRAILING.exec(block.text);
    if (!tail?.groups || !plausible(tail.groups.name)) return undefined;
    const from = tail.index + (tail[0].length - tail[0].trimStart().length);
    return {
      remove: [[tail.index, block.text.length]],
      credits: [{ kind: 'agency', name: tail.groups.name.trim(), start: from, end: block.text.trimEnd().length }],
    };
  },
};
