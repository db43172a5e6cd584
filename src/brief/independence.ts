import type { ProvenanceGraph } from '../core/types.js';
import { DisjointSets } from './disjoint-sets.js';

/**
 * Which articles are independent sources. A fact carried by a wire story and by three outlets that
 * copied it is one source, not four: counting copies would reward exactly the churn that
 * Wiretrace exists to see through.
 *
 * Union-find over the provenance graph: a derivation edge joins source and target (whatever its
 * class: a partial copy still took its shared facts from the source), a duplicate group is joined,
 * and every article derived from the same inferred common source ("both rewrote the same AP copy")
 * is joined through a node standing for that source.
 */
export class IndependentSources {
  private readonly sets = new DisjointSets<string>();

  constructor(articles: Iterable<string>, graph: ProvenanceGraph) {
    for (const id of articles) this.sets.find(id);
    for (const group of graph.duplicates) for (const id of group.slice(1)) this.sets.union(group[0], id);
    for (const d of graph.derivations) {
      // The prefix keeps an inferred source's name from colliding with an article id.
      const source = typeof d.source === 'string' ? d.source : `inferred:${d.source.inferred}`;
      this.sets.union(source, d.target);
    }
  }

  /** A key shared by exactly the articles that are not independent of this one. */
  group(id: string): string {
    return this.sets.find(id);
  }

  /** How many independent sources a set of articles amounts to. */
  count(ids: Iterable<string>): number {
    const groups = new Set<string>();
    for (const id of ids) groups.add(this.sets.find(id));
    return groups.size;
  }
}
