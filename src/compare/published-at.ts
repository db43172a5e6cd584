import type { Article } from '../core/types.js';

/** Publication time in ms; an undated article counts as the latest, so a dated report is the earlier side. */
export function publishedAt(article: Article): number {
  const t = article.published ? Date.parse(article.published) : Number.NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}
