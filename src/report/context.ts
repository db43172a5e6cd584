import type { AnalysisResult, ArticleSummary, Story } from '../core/types.js';
import { type Colors, day, sanitize, shortId, truncate } from './text.js';

/** What every report section gets: the result, colours, the width to fit, and article lookups. */
export interface ReportContext {
  result: AnalysisResult;
  c: Colors;
  width: number;
  article(id: string): ArticleSummary | undefined;
  /** "Outlet · Title [id]", cut to `max` columns. */
  label(id: string, max?: number): string;
}

/** A section of the report over the whole result; returns its lines, or none to be left out. */
export type Section = (ctx: ReportContext) => string[];
/** A section printed once per story. */
export type StorySection = (story: Story, ctx: ReportContext) => string[];

export function reportContext(result: AnalysisResult, c: Colors, width: number): ReportContext {
  const byId = new Map(result.articles.map((a) => [a.id, a]));
  return {
    result,
    c,
    width,
    article: (id) => byId.get(id),
    label(id, max = width) {
      const a = byId.get(id);
      if (!a) return `[${shortId(id)}]`;
      const head = [a.outlet, a.title || a.path]
        .filter(Boolean)
        .map((s) => sanitize(s as string))
        .join(' · ');
      return `${truncate(head, Math.max(10, max - 11))} ${c.dim(`[${shortId(id)}]`)}`;
    },
  };
}

/** One line per article: date, outlet, title, id. */
export function articleLine(ctx: ReportContext, a: ArticleSummary, indent = '  '): string {
  const { c, width } = ctx;
  const outlet = truncate(sanitize(a.outlet ?? '—'), 18).padEnd(18);
  const room = Math.max(10, width - indent.length - 8 - 2 - 10 - 2 - 18 - 2);
  return `${indent}${c.dim(shortId(a.id))}  ${day(a.published)}  ${c.cyan(outlet)}  ${truncate(sanitize(a.title || '(untitled)'), room)}`;
}

export function heading(ctx: ReportContext, text: string): string {
  return ctx.c.bold(text);
}
