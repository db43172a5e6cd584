import type { BlockRule } from '../rules/rule.js';

/**
 * Syndication notices name where a republished copy came from: "This article is syndicated from
 * The Harbour Ledger under licence.", "This story originally appeared in the Tarrow Gazette.",
 * "Republished with permission from Coastwire." The named outlet is a credit (like an agency
 * sign-off: the version's source), and the notice leaves the text. Only short paragraphs near
 * either end of a story qualify: in the middle of a story "originally appeared in" is reporting.
 */
// The outlet's name is read case-sensitively (capitalised words), the notice's wording not.
const NAME = /[\p{Lu}][\p{L}\p{M}.&'’-]*(?:\s+(?:[\p{Lu}][\p{L}\p{M}.&'’-]*|of|and|&|on|de)){0,5}/uy;
const NOTICE =
  /^\s*(?:this\s+(?:article|story|piece|report|post|content)\s+(?:(?:is|was|has\s+been)\s+)?)?(?:syndicated|republished|reprinted|reproduced|(?:originally|first)\s+(?:published|appeared|ran))(?:\s+(?:here\s+)?with\s+(?:kind\s+)?permission)?\s+(?:from|in|on|by|at|courtesy\s+of|of)\s+(?:the\s+(?=\p{Lu}))?/iu;
const MAX_WORDS = 30;
const NEAR_END = 3;

export const syndicationCredit: BlockRule = {
  name: 'syndication',
  apply(block) {
    const fromEnd = block.paragraphs.length - block.index;
    if (block.index >= NEAR_END && fromEnd > NEAR_END) return undefined;
    if ((block.text.match(/\S+/g)?.length ?? 0) > MAX_WORDS) return undefined;
    const notice = NOTICE.exec(block.text);
    if (!notice) return undefined;
    NAME.lastIndex = notice.index + notice[0].length;
    const name = NAME.exec(block.text)?.[0]
      .replace(/[.,;:]+$/, '')
      .replace(/\s+(?:of|and|&|on|de)$/, '');
    if (!name) return undefined;
    const nameStart = notice.index + notice[0].length;
    return {
      remove: [[0, block.text.length]],
      credits: [{ kind: 'agency', name, start: nameStart, end: nameStart + name.length }],
    };
  },
};
