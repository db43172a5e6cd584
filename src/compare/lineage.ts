/**
 * Reading the provenance graph for comparison: which real articles a version was taken from,
 * its whole chain of earlier versions, and which versions are independent of each other.
 */
import type { Alignment, Derivation } from '../core/types.js';
import type { TraceResult } from './trace-result.js';

export interface Lineage {
  /** Derivations whose source is an article in the pile (inferred sources have no text to compare). */
  edges: (Derivation & { source: string })[];
  /** Targets that have a source outside the pile ("common source: AP"): their extra quotes may come from it. */
  hasInferredSource: Set<string>;
  /** Representative of each article (itself unless it is an exact copy of another). */
  representative: Map<string, string>;
}

export function lineage(trace: TraceResult): Lineage {
  const representative = new Map<string, string>();
  for (const group of trace.duplicates) for (const id of group) representative.set(id, group[0]);
  const rep = (id: string) => representative.get(id) ?? id;
  const edges: (Derivation & { source: string })[] = [];
  const hasInferredSource = new Set<string>();
  for (const d of trace.derivations) {
    if (typeof d.source === 'string') {
      if (rep(d.source) !== rep(d.target)) edges.push({ ...d, source: rep(d.source), target: rep(d.target) });
    } else hasInferredSource.add(rep(d.target));
  }
  return { edges, hasInferredSource, representative };
}

/** Every earlier version of `id` through derivation edges (its sources, their sources, …). */
export function ancestors(l: Lineage, id: string): string[] {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    for (const e of l.edges) {
      if (e.target === cur && !seen.has(e.source) && e.source !== id) {
        seen.add(e.source);
        stack.push(e.source);
      }
    }
  }
  return [...seen];
}

/**
 * Groups of versions connected by any derivation (in either direction, inferred common sources
 * included): two versions in different groups are independent reports.
 */
export function connectedGroups(trace: TraceResult, ids: readonly string[]): Map<string, number> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const id of ids) parent.set(id, id);
  for (const group of trace.duplicates) for (const id of group.slice(1)) union(id, group[0]);
  for (const d of trace.derivations) {
    const source = typeof d.source === 'string' ? d.source : `inferred:${d.source.inferred}`;
    if (!parent.has(source)) parent.set(source, source);
    if (!parent.has(d.target)) parent.set(d.target, d.target);
    union(d.target, source);
  }
  const index = new Map<string, number>();
  const roots = new Map<string, number>();
  for (const id of ids) {
    const r = find(id);
    if (!roots.has(r)) roots.set(r, roots.size);
    index.set(id, roots.get(r) as number);
  }
  return index;
}

/** Aligned sentence pairs between a source and a target, oriented as [source sentences, target sentences]. */
export function alignedPairs(
  trace: TraceResult,
  source: string,
  target: string,
): { source: number[]; target: number[] }[] {
  const found: Alignment | undefined = trace.alignments.find(
    (a) => (a.a === source && a.b === target) || (a.a === target && a.b === source),
  );
  if (!found) return [];
  return found.pairs.map((p) => (found.a === source ? { source: p.a, target: p.b } : { source: p.b, target: p.a }));
}
