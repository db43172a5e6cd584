import type { Article, DateMention, NumberMention, QuoteMention } from '../core/types.js';
import { IndependentSources } from './independence.js';
import { SentenceLinks } from './sentence-links.js';
import { storyOrder } from './story-order.js';
import type { TraceResult } from './trace-result.js';

/** The extraction stage, as the brief uses it: injected so that tests can hand in their own. */
export interface Extractors {
  dates(article: Article): DateMention[];
  numbers(article: Article): NumberMention[];
  quotes(article: Article): QuoteMention[];
}

/** What every part of the brief needs, computed once per story. */
export interface BriefContext {
  /** The versions in story order (see story-order.ts). */
  order: Article[];
  /** Position of each article id in `order`. */
  rank: Map<string, number>;
  byId: Map<string, Article>;
  trace: TraceResult;
  sources: IndependentSources;
  links: SentenceLinks;
  dates: Map<string, DateMention[]>;
  numbers: Map<string, NumberMention[]>;
  quotes: Map<string, QuoteMention[]>;
}

export function briefContext(articles: readonly Article[], trace: TraceResult, extractors: Extractors): BriefContext {
  const order = storyOrder(articles, trace);
  const ids = order.map((a) => a.id);
  return {
    order,
    rank: new Map(ids.map((id, i) => [id, i])),
    byId: new Map(order.map((a) => [a.id, a])),
    trace,
    sources: new IndependentSources(ids, trace),
    links: new SentenceLinks(trace.alignments),
    dates: new Map(order.map((a) => [a.id, extractors.dates(a)])),
    numbers: new Map(order.map((a) => [a.id, extractors.numbers(a)])),
    quotes: new Map(order.map((a) => [a.id, extractors.quotes(a)])),
  };
}

/** Article ids sorted into story order, without repeats. */
export function inStoryOrder(ctx: BriefContext, ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort((a, b) => (ctx.rank.get(a) ?? 0) - (ctx.rank.get(b) ?? 0));
}
