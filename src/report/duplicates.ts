import { heading, type Section, type StorySection } from './context.js';
import { sanitize, truncate } from './text.js';

/** Inputs with identical text after cleaning: one article, several files or pages. */
export const exactDuplicatesSection: Section = (ctx) => {
  const withCopies = ctx.result.articles.filter((a) => a.copies && a.copies.length > 0);
  if (withCopies.length === 0) return [];
  const lines = [heading(ctx, `Exact duplicates (${withCopies.length})`)];
  for (const a of withCopies) {
    lines.push(`  ${ctx.label(a.id, ctx.width - 2)}`);
    for (const source of [a.path, ...(a.copies ?? []).map((copy) => copy.path)]) {
      if (source) lines.push(ctx.c.dim(`    = ${truncate(sanitize(source), ctx.width - 6)}`));
    }
  }
  return lines;
};

/** Groups of exact or near copies within a story; the first of each group represents it. */
export const storyDuplicatesSection: StorySection = (story, ctx) => {
  if (story.duplicates.length === 0) return [];
  const lines = [heading(ctx, '  Duplicates')];
  for (const group of story.duplicates) {
    const [first, ...rest] = group;
    lines.push(`    ${ctx.label(first, ctx.width - 4)}`);
    for (const id of rest) lines.push(`    ${ctx.c.dim('=')} ${ctx.label(id, ctx.width - 6)}`);
  }
  return lines;
};
