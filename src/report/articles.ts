import type { Credit } from '../core/types.js';
import { articleLine, heading, type Section } from './context.js';
import { sanitize, truncate } from './text.js';

function creditText(credit: Credit): string {
  return credit.kind === 'copyright' ? sanitize(credit.text) : `${sanitize(credit.name)} (${credit.kind})`;
}

/** Every article with its date, outlet, title, and the credit and copyright lines it carried. */
export const articlesSection: Section = (ctx) => {
  const { result, c, width } = ctx;
  if (result.articles.length === 0) return [heading(ctx, 'No articles')];
  const lines = [heading(ctx, `Articles (${result.articles.length})`)];
  for (const a of result.articles) {
    lines.push(articleLine(ctx, a));
    // The same agency is often credited twice (dateline and sign-off); once is enough here.
    const credits = [...new Set(a.credits.map(creditText))];
    if (credits.length > 0) lines.push(c.dim(truncate(`            credits: ${credits.join(' · ')}`, width)));
  }
  return lines;
};
