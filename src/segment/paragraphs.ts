import type { Span } from '../core/types.js';

/** Paragraph spans of clean text, where `clean` guarantees paragraphs are separated by a blank line. */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  const re = /\n[ \t]*\n/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (text.slice(start, m.index).trim()) spans.push(trim(text, start, m.index));
    start = m.index + m[0].length;
  }
  if (text.slice(start).trim()) spans.push(trim(text, start, text.length));
  return spans;
}

function trim(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}
