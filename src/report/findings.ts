import type { Finding } from '../core/types.js';
import { wordChanges } from '../server/views/pair-diff.js';
import { heading, type ReportContext, type StorySection } from './context.js';
import { type ChangeMarker, columns, visibleLength, wrap, wrapMarked } from './text.js';

function severityMark(ctx: ReportContext, f: Finding): string {
  const { c } = ctx;
  if (f.severity === 'high') return c.red('▲ high  ');
  if (f.severity === 'medium') return c.yellow('● medium');
  return c.dim('○ low   ');
}

/**
 * The two spans of a finding side by side: what the version says (left) beside what its source
 * says (right). On a terminal the words that differ are coloured; in plain text the explanation
 * line already names them, so the quotes are printed as written.
 */
function spansSideBySide(ctx: ReportContext, f: Finding, indent: string): string[] {
  const { c } = ctx;
  const column = Math.max(20, Math.floor((ctx.width - indent.length - 3) / 2));
  const [sourceChanges, changes] =
    f.sourceText !== null ? wordChanges(f.sourceText, f.text) : [[], [] as [number, number][]];
  const added: ChangeMarker = { open: '', close: '', paint: (s) => c.green(s) };
  const removed: ChangeMarker = { open: '', close: '', paint: (s) => c.red(s) };
  const speakerDiffers = f.speaker !== undefined && f.sourceSpeaker !== undefined && f.speaker !== f.sourceSpeaker;
  const speaker = (name: string) => wrap(`— ${name}`, column).map(speakerDiffers ? c.yellow : c.dim);

  const left = [ctx.label(f.article, column), ...wrapMarked(`“${f.text}”`, shift(changes), column, added)];
  if (f.speaker) left.push(...speaker(f.speaker));
  const right: string[] = [];
  if (f.sourceArticle) {
    right.push(ctx.label(f.sourceArticle, column));
    right.push(...wrapMarked(`“${f.sourceText ?? ''}”`, shift(sourceChanges), column, removed));
    if (f.sourceSpeaker) right.push(...speaker(f.sourceSpeaker));
  } else right.push(c.dim(f.type === 'conflict' ? '(no other version to compare)' : '(no earlier version has it)'));
  return columns(left, right, column, c.dim('│'), c.dim('│'), indent);
}

/** The quote marks added around the text move every change one character on. */
function shift(spans: readonly (readonly [number, number])[]): [number, number][] {
  return spans.map(([s, e]) => [s + 1, e + 1]);
}

/** Each finding: type, severity, explanation, then the two spans that prove it side by side. */
export const findingsSection: StorySection = (story, ctx) => {
  if (story.findings.length === 0) return [];
  const { c } = ctx;
  const lines = [heading(ctx, `  Findings (${story.findings.length})`)];
  for (const f of story.findings) {
    const head = `    ${severityMark(ctx, f)} ${c.bold(f.type)}  `;
    const room = ctx.width - visibleLength(head);
    const [first, ...more] = room >= 30 ? wrap(f.explanation, room) : [f.explanation];
    lines.push(`${head}${first}`, ...more.map((line) => `${' '.repeat(visibleLength(head))}${line}`));
    lines.push(...spansSideBySide(ctx, f, '      '), '');
  }
  return lines;
};
