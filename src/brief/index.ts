/**
 * The sourced brief of a story: timeline, corroborated facts, canonical quotes, what each version
 * added and dropped, and a short cited summary. See types.ts for the JSON schema.
 */
import type { Article, Finding } from '../core/types.js';
import { datesOf, numbersOf, quotesOf } from '../extract/per-article.js';
import { buildBrief } from './build.js';
import type { Extractors } from './context.js';
import type { TraceResult } from './trace-result.js';
import type { Brief } from './types.js';

export { buildBrief } from './build.js';
export type { Extractors } from './context.js';
export type { TraceResult } from './trace-result.js';
export type * from './types.js';

export const defaultExtractors: Extractors = {
  dates: datesOf,
  numbers: numbersOf,
  quotes: quotesOf,
};

/**
 *     const result = trace(articles);
 *     const b = brief(articles, result, compare(articles, result));
 *     for (const e of b.timeline) console.log(e.date, e.text, `(${e.sources} sources)`);
 */
export function brief(articles: readonly Article[], trace: TraceResult, findings: readonly Finding[]): Brief {
  return buildBrief(articles, trace, findings, defaultExtractors);
}
