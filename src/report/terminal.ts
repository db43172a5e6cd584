import type { AnalysisResult, Story } from '../core/types.js';
import { articlesSection } from './articles.js';
import { briefSection } from './brief-section.js';
import { articleLine, heading, type ReportContext, reportContext, type Section, type StorySection } from './context.js';
import { derivationsSection } from './derivations.js';
import { exactDuplicatesSection, storyDuplicatesSection } from './duplicates.js';
import { findingsSection } from './findings.js';
import { storyHeaderSection } from './stories.js';
import { colors } from './text.js';

/** Sections over the whole result, in print order; a new section is one line here. */
// biome-ignore format: one line per section, so that adding one is a one-line change.
const SECTIONS: Section[] = [
  articlesSection,
  exactDuplicatesSection,
];

/** Sections printed for each story, in order; a new section is one line here. */
const STORY_SECTIONS: StorySection[] = [
  storyHeaderSection,
  storyDuplicatesSection,
  derivationsSection,
  findingsSection,
  briefSection,
];

export interface ReportOptions {
  /** Colour codes (default off: callers decide from the stream, see `colorEnabled`). */
  color?: boolean;
  /** Columns to fit (default 100). */
  width?: number;
}

function context(result: AnalysisResult, options: ReportOptions): ReportContext {
  const width = Math.min(160, Math.max(60, options.width ?? 100));
  return reportContext(result, colors(options.color ?? false), width);
}

/** Blocks one blank line apart (a block's own trailing blank lines would double it). */
function join(blocks: string[][]): string {
  return `${blocks
    .map((b) => b.join('\n').replace(/\n+$/, ''))
    .filter((b) => b.length > 0)
    .join('\n\n')}\n`;
}

/** The human-readable story report that `wiretrace analyze` prints. */
export function renderReport(result: AnalysisResult, options: ReportOptions = {}): string {
  const ctx = context(result, options);
  const blocks: string[][] = SECTIONS.map((section) => section(ctx));
  for (const story of result.stories) {
    blocks.push(STORY_SECTIONS.flatMap((section) => section(story, ctx)));
  }
  return join(blocks);
}

/** A story of one article has nothing to trace or compare: such stories are listed together at the end. */
function singles(ctx: ReportContext, stories: readonly Story[]): string[] {
  if (stories.length === 0) return [];
  const lines = [heading(ctx, `Single-article stories (${stories.length})`)];
  for (const story of stories) {
    const a = ctx.article(story.articles[0]) ?? { id: story.articles[0], title: story.title, credits: [] };
    lines.push(articleLine(ctx, a));
  }
  return lines;
}

/** `wiretrace trace`: each story's versions, its duplicates and its provenance tree. */
export function renderTrace(result: AnalysisResult, options: ReportOptions = {}): string {
  const ctx = context(result, options);
  const several = result.stories.filter((s) => s.articles.length > 1);
  const blocks = several.map((story) => {
    const lines = [storyHeaderSection, storyDuplicatesSection, derivationsSection].flatMap((section) =>
      section(story, ctx),
    );
    if (story.derivations.length === 0) {
      lines.push(ctx.c.dim('  No version derives from another here: independent reports of one story.'));
    }
    return lines;
  });
  blocks.push(
    singles(
      ctx,
      result.stories.filter((s) => s.articles.length === 1),
    ),
  );
  if (result.stories.length === 0) blocks.push([heading(ctx, 'No articles')]);
  return join(blocks);
}

/** `wiretrace findings`: the findings of each story that has any, then a count. */
export function renderFindings(result: AnalysisResult, options: ReportOptions = {}): string {
  const ctx = context(result, options);
  const withFindings = result.stories.filter((s) => s.findings.length > 0);
  const blocks = withFindings.map((story) => [...storyHeaderSection(story, ctx), ...findingsSection(story, ctx)]);
  const total = withFindings.reduce((n, s) => n + s.findings.length, 0);
  const articles = result.stories.reduce((n, s) => n + s.articles.length, 0);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  blocks.push([
    ctx.c.dim(
      `${count(total, 'finding', 'findings')} in ${count(result.stories.length, 'story', 'stories')} ` +
        `of ${count(articles, 'article', 'articles')}.`,
    ),
  ]);
  return join(blocks);
}
