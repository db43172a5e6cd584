import type { ParsedResult } from 'chrono-node';
import type { DatePrecision } from '../core/types.js';

/**
 * How precisely an expression dates its event, from what the text states rather than what chrono
 * filled in: "Monday" states a day (via the weekday), "last month" a month, "earlier this year" a
 * year. "this morning" and "tonight" state the publication day although chrono marks only an hour.
 * "the end of last year" states a year: the period named, not the day chrono picks at its end.
 */
export function precisionOf(result: ParsedResult): DatePrecision | undefined {
  const s = result.start;
  const period = /\b(?:end|start|beginning|middle)\s+of\s+(?:(?:the|this|last|next)\s+)?(year|month)\b/i.exec(
    result.text,
  );
  if (period) return period[1].toLowerCase() === 'year' ? 'year' : 'month';
  if (s.isCertain('day') || s.isCertain('weekday')) return 'day';
  if (/^(?:this\s+(?:morning|afternoon|evening)|tonight|last\s+night)$/i.test(result.text.trim())) return 'day';
  if (s.isCertain('month')) return 'month';
  if (s.isCertain('year')) return 'year';
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-14", "2026-03" or "2026", from the (known or implied) components in the reference's zone. */
export function formatResolved(result: ParsedResult, precision: DatePrecision): string {
  const s = result.start;
  const year = String(s.get('year'));
  if (precision === 'year') return year;
  if (precision === 'month') return `${year}-${pad(s.get('month') ?? 1)}`;
  return `${year}-${pad(s.get('month') ?? 1)}-${pad(s.get('day') ?? 1)}`;
}
