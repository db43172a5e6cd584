import { describe, expect, it } from 'vitest';
import type { Span } from '../../core/types.js';
import { findQuotations, outrightQuotations } from './marks.js';

/** The words of each outright quotation of a one-paragraph text. */
function outright(text: string): string[] {
  const paragraphs: Span[] = [[0, text.length]];
  return outrightQuotations(text, findQuotations(text, paragraphs)).map((q) => text.slice(q.inner[0], q.inner[1]));
}

describe('outrightQuotations', () => {
  it('keeps single marks out of copy that quotes with double marks', () => {
    expect(outright('The pier is ‘safe,’ the sign said. “We will reopen it,” Lena Ortiz said.')).toEqual([
      'We will reopen it,',
    ]);
  });

  it('reads typewriter double marks as double-mark copy', () => {
    expect(outright("''He told me, 'Go home,' and left,'' Lena Ortiz said.")).toEqual([]);
  });

  it('keeps single marks in copy that quotes with them (British style)', () => {
    expect(outright('‘We will reopen it,’ Lena Ortiz said. ‘The ferry comes first.’')).toEqual([
      'We will reopen it,',
      'The ferry comes first.',
    ]);
  });
});
