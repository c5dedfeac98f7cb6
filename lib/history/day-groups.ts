/*
 * History's list, newest first, grouped by the local day of each
 * conversation's last message: "Today", "Yesterday", then the weekday and date
 * ("Mon 24 Nov"), with the year when it is not this year's.
 */

export type HistoryRow<T> = { kind: 'day'; key: string; label: string } | { kind: 'item'; key: string; item: T; day: string };

const DAY = 24 * 3600 * 1000;

// Making an Intl.DateTimeFormat costs far more than using one (a list of rows would make hundreds).
const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) formats.set(key, (found = new Intl.DateTimeFormat(locale, options)));
  return found;
}

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The group label of a time, seen at `now` (both in the local time zone). */
export function dayLabel(ms: number, now: number, locale?: string): string {
  const day = startOfDay(ms);
  const today = startOfDay(now);
  if (day >= today) return 'Today';
  // Not today - DAY: a day with a daylight-saving change is 23 or 25 hours long.
  if (day >= startOfDay(today - DAY / 2)) return 'Yesterday';
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return format(locale, { weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) }).format(ms);
}

/**
 * Day headers between the items (which come newest first). `at` gives an
 * item's time, `key` its id. A day that continues from the previous page gets
 * no second header, since the whole list is grouped at once.
 */
export function groupByDay<T>(items: readonly T[], at: (item: T) => number, key: (item: T) => string, now: number, locale?: string): HistoryRow<T>[] {
  const rows: HistoryRow<T>[] = [];
  let current: string | null = null;
  for (const item of items) {
    const label = dayLabel(at(item), now, locale);
    if (label !== current) {
      rows.push({ kind: 'day', key: `day:${label}:${rows.length}`, label });
      current = label;
    }
    rows.push({ kind: 'item', key: key(item), item, day: label });
  }
  return rows;
}

/** The time of day (today and yesterday: their group says which day), or the date for older ones, as a row shows it. */
export function rowTime(ms: number, now: number, locale?: string): string {
  if (startOfDay(ms) >= startOfDay(startOfDay(now) - DAY / 2)) return format(locale, { hour: '2-digit', minute: '2-digit' }).format(ms);
  return format(locale, { day: 'numeric', month: 'short', ...(new Date(ms).getFullYear() === new Date(now).getFullYear() ? {} : { year: 'numeric' }) }).format(ms);
}
