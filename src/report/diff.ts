import type { DiffRow, DiffRowKind, DiffSide, PairDiff } from '../server/views/types.js';
import type { ReportOptions } from './terminal.js';
import {
  type ChangeMarker,
  type Colors,
  changeMarkers,
  colors,
  columns,
  sanitize,
  truncate,
  wrap,
  wrapMarked,
} from './text.js';

/** Counts of the rows of a side-by-side diff, for its summary line and for `diff --json`. */
export interface DiffSummary {
  identical: number;
  edited: number;
  paraphrased: number;
  onlyA: number;
  onlyB: number;
}

export function diffSummary(diff: PairDiff): DiffSummary {
  const count = (kind: DiffRowKind) => diff.rows.filter((r) => r.kind === kind).length;
  return {
    identical: count('identical'),
    edited: count('edited'),
    paraphrased: count('paraphrased'),
    onlyA: count('only-a'),
    onlyB: count('only-b'),
  };
}

/** The mark between the two columns: how the two sentences of a row relate. */
const GUTTER: Record<DiffRowKind, string> = {
  identical: '=',
  edited: '~',
  paraphrased: '≈',
  'only-a': '<',
  'only-b': '>',
};

function sentenceNumbers(side: DiffSide): string {
  const first = side.sentences[0] + 1;
  const last = side.sentences[side.sentences.length - 1] + 1;
  return first === last ? `[${first}]` : `[${first}–${last}]`;
}

/**
 * Marks changed words only where most of the sentence survived: in a thorough paraphrase nearly
 * every word differs, and marking them all would hide what the row says.
 */
function worthMarking(row: DiffRow): boolean {
  if (row.kind !== 'edited' && row.kind !== 'paraphrased') return false;
  const changed = (side: DiffSide) =>
    side.changes.reduce((n, [s, e]) => n + (e - s), 0) / Math.max(1, side.text.length);
  return row.a !== null && row.b !== null && changed(row.a) <= 0.5 && changed(row.b) <= 0.5;
}

/** One side of a row: its sentence numbers, then the text wrapped beside them. */
function sideLines(row: DiffRow, which: 'a' | 'b', column: number, marker: ChangeMarker, c: Colors): string[] {
  const side = row[which];
  const { kind } = row;
  if (!side) return [];
  const number = sentenceNumbers(side);
  const room = Math.max(10, column - number.length - 1);
  const changes = worthMarking(row) ? side.changes.map(([s, e]) => [s - side.span[0], e - side.span[0]] as const) : [];
  const lines = wrapMarked(side.text, changes, room, marker);
  const paint =
    kind === 'identical' ? c.dim : kind === 'only-a' ? c.red : kind === 'only-b' ? c.green : (s: string) => s;
  return lines.map((line, i) => `${i === 0 ? c.dim(number) : ' '.repeat(number.length)} ${paint(line)}`);
}

function rowLines(row: DiffRow, column: number, c: Colors): string[] {
  const { removed, added } = changeMarkers(c);
  const left = sideLines(row, 'a', column, removed, c);
  const right = sideLines(row, 'b', column, added, c);
  const mark = GUTTER[row.kind];
  const gutter = row.kind === 'edited' || row.kind === 'paraphrased' ? c.yellow(mark) : c.dim(mark);
  return columns(left, right, column, gutter, c.dim('│'));
}

function articleHeading(side: 'A' | 'B', ref: PairDiff['a'], width: number, c: Colors): string {
  const what = [ref.outlet, ref.title || ref.source]
    .filter(Boolean)
    .map((s) => sanitize(s as string))
    .join(' · ');
  const when = ref.published ? `  ${ref.published.slice(0, 10)}` : '';
  return `${c.bold(side)}  ${truncate(what, Math.max(10, width - 30))}  ${c.dim(`[${ref.id.slice(0, 8)}]${when}`)}`;
}

/**
 * `wiretrace diff A B`: the two versions side by side, sentence by sentence in reading order,
 * each aligned pair on one row; on a terminal the words an edit removed are red and the words it
 * added green, in plain text they are [-marked-] and {+marked+}.
 */
export function renderDiff(diff: PairDiff, options: ReportOptions = {}): string {
  const c = colors(options.color ?? false);
  const width = Math.min(200, Math.max(60, options.width ?? 100));
  const column = Math.floor((width - 3) / 2);
  const s = diffSummary(diff);
  const aligned = s.identical + s.edited + s.paraphrased;
  const lines = [
    articleHeading('A', diff.a, width, c),
    articleHeading('B', diff.b, width, c),
    ...wrap(
      `${aligned} aligned sentence pair${aligned === 1 ? '' : 's'} (${s.identical} identical, ${s.edited} edited, ` +
        `${s.paraphrased} paraphrased) · ${s.onlyA} only in A · ${s.onlyB} only in B`,
      width,
    ).map((line) => c.dim(line)),
    c.dim('= identical   ~ edited   ≈ paraphrased   < only in A   > only in B'),
    '',
    ...columns([c.bold('A')], [c.bold('B')], column, ' '),
  ];
  for (const row of diff.rows) lines.push(...rowLines(row, column, c));
  return `${lines.join('\n')}\n`;
}
