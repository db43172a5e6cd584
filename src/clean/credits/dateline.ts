import type { BlockRule } from '../rules/rule.js';

/**
 * Wire datelines: "OSLO (Reuters) - …", "PORT ELLIS, Calder (Northwire) — …", "(AP) — …". The
 * agency in brackets becomes an `agency` credit and leaves the text; the place stays, because it
 * is part of the story ("OSLO — The harbour…"). Only the opening paragraphs carry a dateline.
 */
const DATELINE =
  /^\s*(?:[\p{Lu}][\p{Lu}\p{M}.'’ -]*(?:,\s*[\p{Lu}][\p{L}\p{M}.'’ -]*){0,2}\s*)?(?<credit>\((?<name>[\p{Lu}][\p{L}\p{M}&.'’ /-]{0,40})\)\s*)[-–—]{1,2}\s/u;
/** A headline, a dek and a byline may come first; later paragraphs do not open with a dateline. */
const MAX_INDEX = 3;

export const datelineCredit: BlockRule = {
  name: 'dateline',
  apply(block) {
    if (block.index > MAX_INDEX) return undefined;
    const m = DATELINE.exec(block.text);
    if (!m?.groups?.credit) return undefined;
    const start = m[0].indexOf(m.groups.credit) + (m.index ?? 0);
    const end = start + m.groups.credit.length;
    return {
      remove: [[start, end]],
      credits: [{ kind: 'agency', name: m.groups.name.trim(), start, end: start + m.groups.credit.trimEnd().length }],
    };
  },
};
