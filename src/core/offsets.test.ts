import { describe, expect, it } from 'vitest';
import { originalSlice, toOriginalOffset, toOriginalSpan } from './offsets.js';
import type { OffsetRun } from './types.js';

// Original "Share\n\nHello  world" cleaned to "Hello world": the widget line was dropped and the
// double space folded, so clean text maps back in two runs.
const original = 'Share\n\nHello  world';
const offsets: OffsetRun[] = [
  { clean: 0, original: 7, length: 6 }, // "Hello "
  { clean: 6, original: 14, length: 5 }, // "world"
];

describe('offset map', () => {
  it('maps offsets inside runs one to one', () => {
    expect(toOriginalOffset(offsets, 0)).toBe(7);
    expect(toOriginalOffset(offsets, 6)).toBe(14);
    expect(toOriginalOffset(offsets, 10)).toBe(18);
  });

  it('maps a clean span to the original text it came from', () => {
    expect(toOriginalSpan({ offsets }, [0, 5])).toEqual([7, 12]);
    expect(originalSlice({ offsets, original }, [6, 11])).toBe('world');
    expect(originalSlice({ offsets, original }, [0, 11])).toBe('Hello  world');
  });

  it('keeps an empty span empty', () => {
    expect(toOriginalSpan({ offsets }, [3, 3])).toEqual([10, 10]);
  });
});
