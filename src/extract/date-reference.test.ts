import { describe, expect, it } from 'vitest';
import { addDays, referenceDay, referenceFromPublished } from './date-reference.js';

describe('referenceFromPublished', () => {
  it('keeps the publication day of the outlet, not of UTC', () => {
    const ref = referenceFromPublished('2026-03-14T23:30:00-05:00') ?? {};
    expect(ref.timezone).toBe(-300);
    expect(referenceDay(ref)).toMatchObject({ year: 2026, month: 3, day: 14, weekday: 6 });
  });

  it('takes a bare date at noon UTC', () => {
    expect(referenceDay(referenceFromPublished('2026-01-01') ?? {})).toMatchObject({ year: 2026, month: 1, day: 1 });
  });

  it('gives up on what is not a date', () => {
    expect(referenceFromPublished('last Tuesday')).toBeUndefined();
    expect(referenceFromPublished(undefined)).toBeUndefined();
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays(2026, 1, 1, -1)).toEqual({ year: 2025, month: 12, day: 31 });
    expect(addDays(2024, 2, 28, 1)).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
