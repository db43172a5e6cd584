import type { Derivation, SourceRef } from '../core/types.js';
import { heading, type ReportContext, type StorySection } from './context.js';
import { sanitize, visibleLength } from './text.js';

function key(ref: SourceRef): string {
  return typeof ref === 'string' ? ref : `inferred:${ref.inferred}`;
}

function nodeLabel(ctx: ReportContext, ref: SourceRef, room: number): string {
  if (typeof ref === 'string') return ctx.label(ref, room);
  return ctx.c.magenta(`common source: ${sanitize(ref.inferred)}`) + ctx.c.dim(' (inferred, not in the pile)');
}

function edgeLabel(ctx: ReportContext, d: Derivation): string {
  const { c } = ctx;
  const cls = d.class === 'wholly-derived' ? c.red(d.class) : c.yellow(d.class);
  return `${cls} · ${d.mode} · ${d.confidence.toFixed(2)}`;
}

/**
 * The provenance graph as a tree: each source, then what derives from it, indented. A version
 * derived from two sources appears under both; its own descendants are drawn only the first time.
 */
export const derivationsSection: StorySection = (story, ctx) => {
  if (story.derivations.length === 0) return [];
  const children = new Map<string, Derivation[]>();
  const targets = new Set<string>();
  for (const d of story.derivations) {
    const k = key(d.source);
    children.set(k, [...(children.get(k) ?? []), d]);
    targets.add(d.target);
  }
  const lines = [heading(ctx, '  Provenance')];
  const drawn = new Set<string>();
  const draw = (node: string, prefix: string) => {
    drawn.add(node);
    const edges = children.get(node) ?? [];
    edges.forEach((d, i) => {
      const last = i === edges.length - 1;
      const branch = `${prefix}${last ? '└─▶ ' : '├─▶ '}`;
      const again = drawn.has(d.target);
      const edge = `${edgeLabel(ctx, d)}${again ? ctx.c.dim(' (see above)') : ''}`;
      const room = Math.max(20, ctx.width - visibleLength(branch) - 2 - visibleLength(edge));
      lines.push(`${branch}${ctx.label(d.target, room)}  ${edge}`);
      if (!again) draw(d.target, `${prefix}${last ? '    ' : '│   '}`);
    });
  };
  const sources = story.derivations.map((d) => d.source);
  const roots = sources.filter((s, i) => !targets.has(key(s)) && sources.findIndex((t) => key(t) === key(s)) === i);
  // Sources that are themselves targets of a cycle have no root; start from them so nothing is lost.
  const rest = sources.filter((s) => !roots.includes(s));
  for (const root of [...roots, ...rest]) {
    if (drawn.has(key(root))) continue;
    lines.push(`    ${nodeLabel(ctx, root, ctx.width - 4)}`);
    draw(key(root), '    ');
  }
  return lines;
};
