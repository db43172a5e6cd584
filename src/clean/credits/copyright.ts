import { type BlockRule, flat, wordCount } from '../rules/rule.js';
import { stripArticle } from './names.js';

/**
 * Copyright lines: "Copyright 2026 The Associated Press. All rights reserved. This material may
 * not be published, broadcast, rewritten or redistributed without permission.", "© 2026
 * Northwire", "(c) Northwire Media 2025". The holder becomes a `copyright` credit and the whole
 * line (legal tail included) leaves the text. A republisher that kept the wire's copyright line
 * tells provenance who wrote the story, which is why it is kept as metadata.
 */
const COPYRIGHT =
  /^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?(?<holder>[^.]*?(?:\b(?:inc|ltd|co|corp|llc|plc)\.)?[^.]*?)\s*(?:(?:19|20)\d{2}\s*)?(?:[.,]\s*(?:all rights reserved|this material|used (?:with|under) permission|distributed by|$)|\s+all rights reserved|$)/i;

/** Copyright footers run to three or four sentences; longer is not a footer. */
const MAX_FOOTER_WORDS = 60;

export const copyrightCredit: BlockRule = {
  name: 'copyright',
  apply(block) {
    const t = flat(block.text);
    if (wordCount(t) > MAX_FOOTER_WORDS) return undefined;
    const m = COPYRIGHT.exec(t);
    const holder = m?.groups?.holder ? stripArticle(m.groups.holder.replace(/[\s,;:]+$/, '')) : '';
    if (!m || !holder || !/\p{Lu}|\d/u.test(holder[0] ?? '')) return undefined;
    const start = block.text.length - block.text.trimStart().length;
    const end = block.text.trimEnd().length;
    return { remove: [[0, block.text.length]], credits: [{ kind: 'copyright', name: holder, start, end }] };
  },
};
