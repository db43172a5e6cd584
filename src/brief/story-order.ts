import type { Article, ProvenanceGraph } from '../core/types.js';

function time(article: Article): number {
  const t = article.published ? Date.parse(article.published) : Number.NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * The order in which a story's versions appeared: every derivation source before what derives
 * from it, and otherwise by publication date (undated last), then input order.
 *
 * The provenance graph comes first because publication dates lie: feeds re-stamp copies, pages
 * show the date of the last edit, and a rewrite can carry an earlier date than its source. When
 * the graph has a cycle (two versions each judged partly derived from the other), the cycle is
 * broken by date.
 */
export function storyOrder(articles: readonly Article[], graph: ProvenanceGraph): Article[] {
  const index = new Map(articles.map((a, i) => [a.id, i]));
  const incoming = new Map<string, Set<string>>(articles.map((a) => [a.id, new Set()]));
  for (const d of graph.derivations) {
    if (typeof d.source !== 'string' || !index.has(d.source) || !index.has(d.target) || d.source === d.target) continue;
    incoming.get(d.target)?.add(d.source);
  }
  const before = (x: Article, y: Article) => time(x) - time(y) || (index.get(x.id) ?? 0) - (index.get(y.id) ?? 0);
  const placed = new Set<string>();
  const order: Article[] = [];
  while (order.length < articles.length) {
    const remaining = articles.filter((a) => !placed.has(a.id));
    const ready = remaining.filter((a) => [...(incoming.get(a.id) ?? [])].every((s) => placed.has(s)));
    // A cycle leaves nothing ready: take the earliest remaining version and go on.
    const next = (ready.length > 0 ? ready : remaining).sort(before)[0];
    placed.add(next.id);
    order.push(next);
  }
  return order;
}
