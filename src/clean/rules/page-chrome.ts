import { type BlockRule, dropAll, flat } from './rule.js';

/**
 * Page furniture that survives text extraction as lines of its own: ad slots ("Advertisement",
 * "Story continues below advertisement", "Sponsored content"), skip links, separators ("___",
 * "* * *"), "Click here to …" calls, and menu bars of short items split by pipes or bullets
 * ("Home | World | Business | Sport").
 */
const CHROME =
  /^(?:advertisement|advertising|ad|ads|sponsored(?: content| links?)?|paid (?:content|post)|story continues (?:below|after)(?: (?:the )?(?:advertisement|ad))?|article continues (?:below|after)(?: (?:this|the) (?:advertisement|ad))?|continue reading(?: below)?|skip (?:to|ad)(?: (?:main )?content)?|scroll (?:down )?to continue|loading|loading\.\.\.|back to top|close|menu|search|open in app|listen to (?:this )?article(?: \d+ min(?:ute)?s?)?|\d+ min(?:ute)?s? read|click here\b.*|tap here\b.*)[.!]?$/i;

/** A row of dashes, underscores, asterisks or bullets separating sections. */
const SEPARATOR = /^[\s_*•·=~#—–-]+$/;

/** A menu bar: three or more items of one to three words separated by | or • or ·. */
const MENU_BAR = /^(?:[^|•·]{1,25}[|•·]){2,}[^|•·]{1,25}$/;

export const pageChrome: BlockRule = {
  name: 'page-chrome',
  apply(block) {
    const t = flat(block.text);
    if (t === '') return undefined;
    if (CHROME.test(t) || SEPARATOR.test(t)) return dropAll(block);
    if (MENU_BAR.test(t) && t.split(/[|•·]/).every((item) => item.trim().split(/\s+/).length <= 3))
      return dropAll(block);
    return undefined;
  },
};
