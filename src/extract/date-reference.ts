import type { ParsingReference } from 'chrono-node';

/**
 * The instant and UTC offset that relative expressions are resolved against: the article's
 * publication date. The offset matters: a story stamped "2026-03-14T23:30:00-05:00" was written on
 * the 14th where it was published, although it is already the 15th in UTC, and its "yesterday" is
 * the 13th. A date without a time ("2026-03-14") is taken at noon, so that no offset moves its day.
 *
 * Returns undefined when there is no usable date: relative expressions then cannot be resolved.
 */
export function referenceFromPublished(published: string | undefined): ParsingReference | undefined {
  if (!published) return undefined;
  const trimmed = published.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (dateOnly) return { instant: new Date(`${trimmed}T12:00:00Z`), timezone: 0 };
  const instant = new Date(trimmed);
  if (Number.isNaN(instant.getTime())) return undefined;
  const zone = /(?:([+-])(\d{2}):?(\d{2})|Z)$/i.exec(trimmed);
  let timezone = 0;
  if (zone?.[1]) timezone = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3]));
  return { instant, timezone };
}

/** The calendar day of a reference in its own offset: { year, month (1–12), day, weekday (0 = Sunday) }. */
export function referenceDay(reference: ParsingReference): {
  year: number;
  month: number;
  day: number;
  weekday: number;
} {
  const offset = typeof reference.timezone === 'number' ? reference.timezone : 0;
  const local = new Date((reference.instant ?? new Date()).getTime() + offset * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
  };
}

/** Adds days to a calendar day, in pure calendar arithmetic (no time zones involved). */
export function addDays(
  year: number,
  month: number,
  day: number,
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The publication day as seen from inside a chrono parser or refiner. */
export function contextDay(context: { reference: { instant: Date; timezoneOffset?: number | null } }) {
  return referenceDay({ instant: context.reference.instant, timezone: context.reference.timezoneOffset ?? 0 });
}

/** Compares two calendar days (or months, with day 0): negative when a is earlier. */
export function compareDays(
  a: { year: number; month: number; day?: number },
  b: { year: number; month: number; day?: number },
): number {
  return a.year - b.year || a.month - b.month || (a.day ?? 0) - (b.day ?? 0);
}
