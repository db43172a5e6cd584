import { articleLine, heading, type StorySection } from './context.js';
import { sanitize, truncate } from './text.js';

/** The story's title and its articles in publication order. */
export const storyHeaderSection: StorySection = (story, ctx) => {
  const lines = [
    heading(ctx, `Story: ${truncate(sanitize(story.title || story.id), ctx.width - 30)}`) +
      ctx.c.dim(` (${story.articles.length} article${story.articles.length === 1 ? '' : 's'}, ${story.id})`),
  ];
  const members = story.articles
    .map((id) => ctx.article(id) ?? { id, title: '', credits: [] })
    .sort((a, b) => (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff'));
  for (const a of members) lines.push(articleLine(ctx, a, '    '));
  return lines;
};
