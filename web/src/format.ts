/** Dates as editors read them, in UTC so a report reads the same everywhere: "12 May 2026 08:00". */
export function formatDate(iso: string | undefined): string {
  if (!iso) return 'undated';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  // A date without a time ("2026-05-12") should not pretend to midnight.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return date;
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${date} ${time}`;
}

export function shortDate(iso: string | undefined): string {
  if (!iso) return 'undated';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return date;
  return `${date} ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })}`;
}

export const percent = (x: number) => `${Math.round(x * 100)}%`;
