/**
 * The provenance graph as data, apart from its drawing (graph.tsx), so that the end-to-end tests
 * can read what was drawn without pulling in Cytoscape.
 */
import type { StoryView } from './data.js';
import { shortDate } from './format.js';
import { articleName, byId, derivationLabel, representatives } from './story-model.js';

export interface GraphModel {
  nodes: { id: string; label: string; inferred: boolean }[];
  edges: { id: string; source: string; target: string; label: string; derivation: number }[];
}

/**
 * Nodes are versions (duplicates collapsed into their representative) and inferred common
 * sources; edges run from source to derived version. Labels are strings: Cytoscape draws them on
 * a canvas, so article metadata never becomes markup here.
 */
export function graphModel(story: StoryView): GraphModel {
  const refs = byId(story);
  const rep = representatives(story);
  const node = (id: string) => rep.get(id) ?? id;
  const copies = new Map(story.duplicates.map((g) => [g[0], g.length - 1]));
  const nodes: GraphModel['nodes'] = [];
  const seen = new Set<string>();
  for (const a of story.articles) {
    const id = node(a.id);
    if (seen.has(id)) continue;
    seen.add(id);
    const ref = refs.get(id) ?? a;
    const extra = copies.get(id) ? `\n+${copies.get(id)} cop${copies.get(id) === 1 ? 'y' : 'ies'}` : '';
    nodes.push({ id, label: `${articleName(ref)}\n${shortDate(ref.published)}${extra}`, inferred: false });
  }
  const edges: GraphModel['edges'] = [];
  story.derivations.forEach((d, i) => {
    let source: string;
    if (typeof d.source === 'string') source = node(d.source);
    else {
      source = `inferred:${d.source.inferred}`;
      if (!seen.has(source)) {
        seen.add(source);
        nodes.push({ id: source, label: `common source\n${d.source.inferred}`, inferred: true });
      }
    }
    edges.push({ id: `e${i}`, source, target: node(d.target), label: derivationLabel(d), derivation: i });
  });
  return { nodes, edges };
}

declare global {
  interface Window {
    /** The drawn graph, for end-to-end tests and curious users in the console. */
    wiretraceGraph?: GraphModel;
  }
}
