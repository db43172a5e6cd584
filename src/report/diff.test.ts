import { describe, expect, it } from 'vitest';
import type { PairDiff } from '../server/views/types.js';
import { diffSummary, renderDiff } from './diff.js';

const a = 'Fire crews were called at 9pm. At least 14 people were hurt. The quay stays shut.';
const b = 'More than 14 people were hurt. The harbour master praised the crews.';

/** Two versions of a report: the first sentence dropped, one edited, one paraphrased, one added. */
const diff: PairDiff = {
  a: { id: 'aaaaaaaa11111111', title: 'Harbour fire', source: 'wire.txt', outlet: 'Northwire', credits: [] },
  b: { id: 'bbbbbbbb22222222', title: 'Fire at the harbour', source: 'copy.txt', credits: [] },
  rows: [
    { kind: 'only-a', a: { sentences: [0], span: [0, 30], text: a.slice(0, 30), changes: [] }, b: null },
    {
      kind: 'edited',
      similarity: 0.8,
      a: { sentences: [1], span: [31, 60], text: a.slice(31, 60), changes: [[31, 39]] },
      b: { sentences: [0], span: [0, 30], text: b.slice(0, 30), changes: [[0, 9]] },
    },
    {
      kind: 'paraphrased',
      similarity: 0.5,
      a: { sentences: [2], span: [61, 81], text: a.slice(61), changes: [[65, 81]] },
      b: { sentences: [1], span: [31, 69], text: b.slice(31), changes: [[35, 69]] },
    },
  ],
};

describe('side-by-side diff', () => {
  const lines = renderDiff(diff, { width: 80 }).split('\n');

  it('names both versions and counts the rows', () => {
    expect(lines[0]).toBe('A  Northwire · Harbour fire  [aaaaaaaa]');
    expect(lines[1]).toBe('B  Fire at the harbour  [bbbbbbbb]');
    expect(lines.slice(2, 4).join(' ')).toBe(
      '2 aligned sentence pairs (0 identical, 1 edited, 1 paraphrased) · 1 only in A · 0 only in B',
    );
    expect(diffSummary(diff)).toEqual({ identical: 0, edited: 1, paraphrased: 1, onlyA: 1, onlyB: 0 });
  });

  it('puts aligned sentences on one row, marking the words an edit changed', () => {
    const rows = lines.slice(lines.findIndex((l) => l.startsWith('[1]')));
    expect(rows[0]).toMatch(/^\[1\] Fire crews were called at 9pm\. +<$/);
    expect(rows[1]).toMatch(
      /^\[2\] \[-At least-\] 14 people were hurt\. +~ \[1\] \{\+More than\+\} 14 people were hurt\.$/,
    );
    // A paraphrase changes most words: marking them all would only hide the sentence.
    expect(rows[2]).toMatch(/^\[3\] The quay stays shut\. +≈ \[2\] The harbour master praised the$/);
    expect(rows[3]).toMatch(/^ +│ {5}crews\.$/);
  });

  it('keeps to the width and colours only on request', () => {
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ESC.
    expect(lines.join('\n')).not.toMatch(/\u001b\[/);
    const coloured = renderDiff(diff, { width: 80, color: true });
    expect(coloured).not.toContain('[-');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ESC.
    expect(coloured).toMatch(/\u001b\[/);
  });
});
