/**
 * compare: what changed on the way. Walks the provenance graph; for every version taken from
 * another version in the pile it checks quotes (words and speaker), numbers, hedges and dates
 * against the version it came from, along the sentence alignment; across independent versions it
 * looks for the same quantity reported differently, and the same statement quoted in other words. Every finding carries the two spans (in the
 * articles' original text) that prove it.
 */
import type { Article, Finding } from '../core/types.js';
import { conflictFindings } from './conflicts.js';
import { dateFindings } from './dates.js';
import { type Extracted, extractAll } from './extracted.js';
import { alignedPairs, ancestors, connectedGroups, lineage } from './lineage.js';
import { numberFindings } from './numbers.js';
import { quoteConflictFindings } from './quote-conflicts.js';
import { quoteFindings, type SourceView } from './quotes.js';
import type { TraceResult } from './trace-result.js';

export { isFaithful } from './quote-words.js';
export { compareSpeakers } from './speakers.js';
export type { TraceResult } from './trace-result.js';

/** Findings of one story's articles along its provenance graph, ordered by article then position. */
export function compare(articles: readonly Article[], trace: TraceResult): Finding[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const cache = new Map<string, Extracted>();
  const get = (id: string): Extracted | undefined => {
    const article = byId.get(id);
    if (!article) return undefined;
    let e = cache.get(id);
    if (!e) {
      e = extractAll(article);
      cache.set(id, e);
    }
    return e;
  };
  const l = lineage(trace);
  const findings: Finding[] = [];

  const targets = [...new Set(l.edges.map((e) => e.target))];
  for (const targetId of targets) {
    const target = get(targetId);
    if (!target) continue;
    const views: SourceView[] = [];
    for (const edge of l.edges.filter((e) => e.target === targetId)) {
      const source = get(edge.source);
      if (!source) continue;
      const pairs = alignedPairs(trace, edge.source, targetId);
      const alignedTo = new Map<number, Set<number>>();
      for (const p of pairs)
        for (const t of p.target) for (const s of p.source) alignedTo.set(t, (alignedTo.get(t) ?? new Set()).add(s));
      views.push({ source, alignedTo, derivation: edge.class });
      findings.push(...numberFindings(target, source, pairs), ...dateFindings(target, source, pairs));
    }
    const direct = new Set(views.map((v) => v.source.article.id));
    const chain = ancestors(l, targetId)
      .filter((id) => !direct.has(id))
      .map(get)
      .filter((e): e is Extracted => e !== undefined);
    // A version with a source outside the pile may quote what that source said: never "unsourced".
    const mayBeUnsourced = views.length > 0 && !l.hasInferredSource.has(targetId);
    findings.push(...quoteFindings(target, views, chain, mayBeUnsourced));
  }

  // Independent versions: the originals of each connected group, compared group against group.
  const ids = articles.map((a) => a.id).filter((id) => (l.representative.get(id) ?? id) === id);
  const group = connectedGroups(trace, ids);
  const derivedFromPile = new Set(l.edges.map((e) => e.target));
  const originals = ids.filter((id) => !derivedFromPile.has(id));
  for (let i = 0; i < originals.length; i++) {
    for (let j = i + 1; j < originals.length; j++) {
      if (group.get(originals[i]) === group.get(originals[j])) continue;
      const a = get(originals[i]);
      const b = get(originals[j]);
      if (a && b) findings.push(...conflictFindings(a, b), ...quoteConflictFindings(a, b));
    }
  }

  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.type}|${f.article}|${f.span[0]}|${f.span[1]}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((x, y) => (x.article === y.article ? x.span[0] - y.span[0] : x.article < y.article ? -1 : 1));
}
