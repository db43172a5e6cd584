import type { Article, Finding } from '../core/types.js';
import { briefContext, type Extractors } from './context.js';
import { buildContributions } from './contributions.js';
import { buildFacts } from './facts.js';
import { buildQuotes } from './quotes.js';
import { buildSummary } from './summary.js';
import { buildTimeline } from './timeline.js';
import type { TraceResult } from './trace-result.js';
import type { Brief } from './types.js';

/**
 * The brief of one story from its versions, their provenance and the findings, with the
 * extraction stage passed in. `brief()` in index.ts is this with the real extractors.
 */
export function buildBrief(
  articles: readonly Article[],
  trace: TraceResult,
  findings: readonly Finding[],
  extractors: Extractors,
): Brief {
  const ctx = briefContext(articles, trace, extractors);
  const facts = buildFacts(ctx, findings);
  const quotes = buildQuotes(ctx);
  return {
    articles: ctx.order.map((a) => a.id),
    timeline: buildTimeline(ctx),
    facts,
    quotes,
    contributions: buildContributions(ctx, facts, quotes),
    summary: buildSummary(ctx, facts),
  };
}
