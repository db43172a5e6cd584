import { casual } from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { holidayParser } from './date-holidays.js';

const parser = casual.clone();
parser.parsers.push(holidayParser);

function day(text: string, published = '2026-03-17T12:00:00Z') {
  const [result] = parser.parse(text, { instant: new Date(published), timezone: 0 });
  if (!result) return undefined;
  const s = result.start;
  return `${s.get('year')}-${String(s.get('month')).padStart(2, '0')}-${String(s.get('day')).padStart(2, '0')}`;
}

describe('holidayParser', () => {
  it('dates fixed holidays in the most recent past year by default', () => {
    expect(day('on Christmas Day')).toBe('2025-12-25');
    expect(day('on Independence Day')).toBe('2025-07-04');
    expect(day('on New Years Eve')).toBe('2025-12-31');
  });

  it('computes moveable feasts for the year', () => {
    expect(day('on Easter Sunday 2026')).toBe('2026-04-05');
    expect(day('on Good Friday 2025')).toBe('2025-04-18');
    expect(day('on Memorial Day 2026')).toBe('2026-05-25');
    expect(day('on Labor Day 2026')).toBe('2026-09-07');
  });

  it('follows last/next and a future clause', () => {
    expect(day('next Christmas')).toBe('2026-12-25');
    expect(day('The parade will be held on Halloween.')).toBe('2026-10-31');
  });

  it('leaves lower-case common words alone', () => {
    expect(day('christmas lights were lit')).toBeUndefined();
  });
});
