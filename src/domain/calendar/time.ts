// Calendar arithmetic on "day indexes": whole days since 1970-01-01 in the
// calendar's local time. Local time is epoch ms shifted by a fixed offset, so
// nothing here depends on the machine's time zone.

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day index of a 'YYYY-MM-DD' string, or throws RangeError. */
export function parseDate(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected YYYY-MM-DD`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls over (e.g. Feb 30 → Mar 2); a round trip catches that.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Invalid date ${JSON.stringify(date)}: no such calendar day`);
  }
  return ms / MS_PER_DAY;
}

/** 'YYYY-MM-DD' of a day index (years 0–9999). */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day index of 1 January of `year`. */
export function yearStart(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** Day of week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const w = dayOfWeek(day);
  return w === 0 || w === 6;
}

// Weekday counting in closed form, used outside the precomputed range where the
// calendar is a plain repeating week. Coordinates are shifted by +3 so that a
// multiple of 7 is a Monday (day index -3 was a Monday).

/** Number of Mon–Fri days among shifted indexes [0, m); a cumulative count, valid for negative m. */
export function weekdaysBefore(m: number): number {
  const q = Math.floor(m / 7);
  return 5 * q + Math.min(m - 7 * q, 5);
}

/** Smallest shifted index m with weekdaysBefore(m) >= k (inverse of the above). */
export function weekdaysBeforeInverse(k: number): number {
  const q = Math.floor((k - 1) / 5);
  return 7 * q + (k - 1 - 5 * q) + 1;
}

export const WEEK_SHIFT = 3;
