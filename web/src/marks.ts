/**
 * Splits a piece of original text into runs by the marks that cover it (changed words, the
 * finding's span), so a view can wrap each run in a styled element. Runs are plain strings:
 * the caller renders them as text nodes, never as HTML.
 */
export interface Mark {
  span: readonly [number, number];
  className: string;
}

export interface Run {
  text: string;
  classes: string[];
  start: number;
}

/** `text` starts at offset `base` of the original; marks are in original offsets. */
export function runs(text: string, base: number, marks: readonly Mark[]): Run[] {
  const end = base + text.length;
  const cuts = new Set([base, end]);
  for (const m of marks) {
    if (m.span[1] <= base || m.span[0] >= end) continue;
    cuts.add(Math.max(base, m.span[0]));
    cuts.add(Math.min(end, m.span[1]));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    if (s === e) continue;
    const classes = marks.filter((m) => m.span[0] < e && m.span[1] > s).map((m) => m.className);
    out.push({ text: text.slice(s - base, e - base), classes: [...new Set(classes)], start: s });
  }
  return out;
}
