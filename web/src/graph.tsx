import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useRef } from 'preact/hooks';
import type { StoryView } from './data.js';
import { graphModel } from './graph-model.js';
import { href } from './router.js';

cytoscape.use(dagre);

/** Widest label line before Cytoscape wraps it; a long outlet name wraps rather than overflow its box. */
const MAX_TEXT_WIDTH = 200;

/**
 * A node's box from its label: canvas text is not measured by Cytoscape for the node's size,
 * so the box is sized from the longest line (about 6.8 px per character at 13 px) and the
 * number of lines, wrapped ones included.
 */
function nodeSize(label: string): { w: number; h: number } {
  const perLine = Math.floor(MAX_TEXT_WIDTH / 6.8);
  const lines = label.split('\n');
  const longest = Math.min(perLine, Math.max(...lines.map((l) => l.length)));
  const rows = lines.reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0);
  return { w: Math.max(110, Math.round(longest * 6.8) + 28), h: rows * 17 + 18 };
}

export function Graph({ story }: { story: StoryView }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const model = graphModel(story);
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...model.nodes.map((n) => ({
          data: { id: n.id, label: n.label, ...nodeSize(n.label) },
          classes: n.inferred ? 'inferred' : 'version',
        })),
        ...model.edges.map((e) => {
          const d = story.derivations[e.derivation];
          const classes = [d.class, d.mode, typeof d.source === 'string' ? '' : 'from-inferred'].join(' ');
          return { data: { id: e.id, source: e.source, target: e.target, label: e.label, conf: d.confidence }, classes };
        }),
      ],
      layout: { name: 'dagre', rankDir: 'LR', nodeSep: 40, rankSep: 200, padding: 24 } as cytoscape.LayoutOptions,
      minZoom: 0.3,
      maxZoom: 2.5,
      // The wheel scrolls the page, not the graph: a trackpad passing over it must not trap the reader.
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'text-wrap': 'wrap',
            'text-valign': 'center',
            'text-halign': 'center',
            'font-size': 13,
            'font-family': 'system-ui, sans-serif',
            'text-max-width': `${MAX_TEXT_WIDTH}px`,
            shape: 'round-rectangle',
            width: 'data(w)',
            height: 'data(h)',
            'background-color': '#eef3fb',
            'border-width': 1.5,
            'border-color': '#3d5a80',
            color: '#1d2733',
          },
        },
        {
          selector: 'node.inferred',
          style: {
            shape: 'ellipse',
            'border-style': 'dashed',
            'border-width': 2,
            'background-color': '#fff7e6',
            'border-color': '#b7791f',
          },
        },
        {
          selector: 'edge',
          style: {
            label: 'data(label)',
            'font-size': 11,
            color: '#1d2733',
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '2px',
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'line-color': '#3d5a80',
            'target-arrow-color': '#3d5a80',
            width: 'mapData(conf, 0, 1, 1, 4)' as unknown as number,
          },
        },
        { selector: 'edge.partially-derived', style: { 'line-color': '#7b8fa8', 'target-arrow-color': '#7b8fa8' } },
        { selector: 'edge.from-inferred', style: { 'line-style': 'dashed', 'line-color': '#b7791f', 'target-arrow-color': '#b7791f' } },
        { selector: ':selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#d64545' } },
      ],
    });
    // A small graph is not blown up to fill the box: labels stay at reading size.
    if (cy.zoom() > 1.2) {
      cy.zoom(1.2);
      cy.center();
    }
    cy.on('tap', 'edge', (event) => {
      const d = story.derivations[Number(event.target.id().slice(1))];
      if (typeof d.source !== 'string') return;
      const ev = d.evidence.find((e) => e.kind !== 'identical') ?? d.evidence[0];
      location.hash = href.pair(story.id, d.source, d.target, ev?.source, ev?.target);
    });
    cy.on('tap', 'node.version', (event) => {
      location.hash = href.article(event.target.id());
    });
    window.wiretraceGraph = model;
    return () => {
      cy.destroy();
      window.wiretraceGraph = undefined;
    };
  }, [story]);
  return (
    <div
      ref={box}
      class="graph"
      role="img"
      aria-label="Provenance graph: versions and the derivations between them; the list of derivations below has the same edges"
    />
  );
}
