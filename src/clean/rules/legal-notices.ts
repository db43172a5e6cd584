import { type BlockRule, dropAll, flat, wordCount } from './rule.js';

/**
 * Legal boilerplate that carries no credit: "All rights reserved.", "This material may not be
 * published, broadcast, rewritten or redistributed.", "Terms of use | Privacy policy",
 * "No part of this publication may be reproduced …", a republisher's "This site is not
 * responsible for its content." Copyright lines that NAME a holder are
 * handled earlier by the copyright credit rule (they become `copyright` credits).
 */
const LEGAL =
  /\b(?:all rights reserved|may not be (?:published|reproduced|copied|republished|redistributed)|without (?:prior )?(?:written )?permission|no part of this (?:publication|article|material)|terms (?:of (?:use|service)|and conditions)|privacy (?:policy|notice)|cookie policy|reproduction (?:in whole or in part )?(?:is )?prohibited|(?:is|are) not responsible for (?:the |its |their )?content|(?:views|opinions) expressed (?:here |in this (?:article|piece) )?are (?:those of|not necessarily))\b/i;

/** Notices are a few sentences; a 60-word paragraph mentioning "permission" is a story. */
const MAX_NOTICE_WORDS = 60;

export const legalNotices: BlockRule = {
  name: 'legal-notices',
  apply(block) {
    const t = flat(block.text);
    if (wordCount(t) > MAX_NOTICE_WORDS || !LEGAL.test(t)) return undefined;
    // Story sentences quote legal language too ("…without permission, the court heard.") —
    // such sentences have a reporting clause; notices do not.
    if (/\b(?:said|says|told|according to|court|judge|lawyer)\b/i.test(t)) return undefined;
    return dropAll(block);
  },
};
