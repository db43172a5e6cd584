import pc from 'picocolors';
import type { Span } from '../core/types.js';

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Whether to colour a stream: never when NO_COLOR is set (https://no-color.org), always when
 * FORCE_COLOR is, otherwise only on a terminal that is not "dumb".
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

/**
 * Article text is untrusted: a page could carry terminal escape sequences that repaint the
 * screen or retitle the window. Control characters other than newline and tab are dropped before
 * anything reaches the terminal.
 */
export function sanitize(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Printable width of a string that may hold colour codes. */
export function visibleLength(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** Greedy word wrap to `width` columns; words longer than a line are cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of sanitize(text).split('\n')) {
    let line = '';
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      while ([...word].length > width) {
        if (line) lines.push(line);
        lines.push([...word].slice(0, width).join(''));
        word = [...word].slice(width).join('');
        line = '';
      }
      if (!line) line = word;
      else if ([...line].length + 1 + [...word].length <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Short ids, as git shows commits: enough to be unique in any one report. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** "2026-03-14" from an ISO date-time, or a dash when unknown; always 10 columns. */
export function day(published: string | undefined): string {
  return (published ? published.slice(0, 10) : '—').padEnd(10);
}

/**
 * How changed words are shown: coloured on a terminal; in plain text (a pipe, NO_COLOR) between
 * wdiff-style markers, so that the change is still visible: "[-because-]" / "{+as+}".
 */
export interface ChangeMarker {
  open: string;
  close: string;
  paint: (text: string) => string;
}

export function changeMarkers(c: Colors): { removed: ChangeMarker; added: ChangeMarker } {
  if (c.isColorSupported) {
    return {
      removed: { open: '', close: '', paint: (s) => c.red(c.strikethrough(s)) },
      added: { open: '', close: '', paint: (s) => c.green(c.bold(s)) },
    };
  }
  const same = (s: string) => s;
  return { removed: { open: '[-', close: '-]', paint: same }, added: { open: '{+', close: '+}', paint: same } };
}

/**
 * Word wrap that marks the words overlapping `changes` (offsets into `text`): consecutive changed
 * words form one run, opened and closed once. Widths count what is printed, markers included.
 */
export function wrapMarked(text: string, changes: readonly Span[], width: number, marker: ChangeMarker): string[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    return { text: sanitize(m[0]), changed: changes.some(([s, e]) => s < end && e > start) };
  });
  const shown = words.map((w, i) => {
    if (!w.changed) return { plain: w.text, printed: w.text };
    const opens = !words[i - 1]?.changed;
    const closes = !words[i + 1]?.changed;
    const plain = `${opens ? marker.open : ''}${w.text}${closes ? marker.close : ''}`;
    return { plain, printed: marker.paint(plain) };
  });
  const lines: string[] = [];
  let line: string[] = [];
  let length = 0;
  for (const word of shown) {
    let size = [...word.plain].length;
    if (line.length > 0 && length + 1 + size > width) {
      lines.push(line.join(' '));
      line = [];
      length = 0;
    }
    // A word longer than a line is printed whole: cutting it would cut through colour codes.
    line.push(word.printed);
    size += line.length > 1 ? 1 : 0;
    length += size;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line.join(' '));
  return lines;
}

/**
 * Two columns of lines, `column` wide each. The first line is separated by `gutter` (which may
 * mark the row, e.g. "~" for an edited pair), the others by `continuation`; the shorter side is
 * padded with blank lines.
 */
export function columns(
  left: readonly string[],
  right: readonly string[],
  column: number,
  gutter: string,
  continuation = gutter,
  indent = '',
): string[] {
  const lines: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length, 1); i++) {
    const line = `${indent}${padEnd(left[i] ?? '', column)} ${i === 0 ? gutter : continuation} ${right[i] ?? ''}`;
    lines.push(line.trimEnd());
  }
  return lines;
}
