import { describe, expect, it } from 'vitest';
import { toIsoDate } from './dates.js';

describe('toIsoDate', () => {
  it('keeps ISO days and normalises date-times to UTC', () => {
    expect(toIsoDate('2026-03-14')).toBe('2026-03-14');
    expect(toIsoDate('2026-03-14T10:30:00+01:00')).toBe('2026-03-14T09:30:00.000Z');
    expect(toIsoDate('2026-03-14 09:30:00Z')).toBe('2026-03-14T09:30:00.000Z');
  });

  it('reads RSS (RFC 2822) and prose dates', () => {
    expect(toIsoDate('Sat, 14 Mar 2026 09:30:00 GMT')).toBe('2026-03-14T09:30:00.000Z');
    expect(toIsoDate('March 14, 2026')).toBe('2026-03-14');
  });

  it('refuses non-dates, relative dates and implausible years', () => {
    expect(toIsoDate('yesterday')).toBeUndefined();
    expect(toIsoDate('the harbour')).toBeUndefined();
    expect(toIsoDate('0001-01-01')).toBeUndefined();
    expect(toIsoDate('')).toBeUndefined();
  });
});
