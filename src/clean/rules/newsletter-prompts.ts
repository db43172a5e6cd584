import { type BlockRule, dropAll, flat, wordCount } from './rule.js';

/**
 * Newsletter, subscription and app prompts: "Sign up for our morning briefing", "Subscribe to
 * Northwire for unlimited access", "Get the latest headlines delivered to your inbox", "Enter
 * your email address", "Download our app". Only short paragraphs that ADDRESS the reader are
 * taken; "The union urged members to sign up for the strike fund." is a sentence about others.
 */
const PROMPT =
  /^(?:sign up|subscribe|register|join|get (?:our|the|breaking|the latest)|enter your e-?mail|download (?:our|the) app|support (?:our|independent) journalism|become a (?:member|subscriber)|already a subscriber|want (?:more|the latest)|never miss|don['’]t miss out|stay (?:informed|up to date)|like this story\??|enjoying this article\??)\b/i;
const READER_TOPIC =
  /\b(?:newsletters?|inbox|subscribers?|subscription|sign up|e-?mail address|unlimited access|free trial|log ?in|sign in|our app|notifications)\b/i;

/** Prompts are one or two sentences; 60 words is generous. */
const MAX_PROMPT_WORDS = 60;

export const newsletterPrompts: BlockRule = {
  name: 'newsletter-prompts',
  apply(block) {
    const t = flat(block.text);
    if (wordCount(t) > MAX_PROMPT_WORDS) return undefined;
    if (PROMPT.test(t) && READER_TOPIC.test(t)) return dropAll(block);
    // "Our newsletter: the week's news in five minutes." / "Newsletter sign-up"
    if (/^(?:\w+ )?newsletters?\b/i.test(t) && READER_TOPIC.test(t.replace(/^(?:\w+ )?newsletters?/i, '')))
      return dropAll(block);
    if (/^(?:newsletter|subscribe|sign up|sign in|log in|register)(?: now| here| today)?[.!]?$/i.test(t))
      return dropAll(block);
    return undefined;
  },
};
