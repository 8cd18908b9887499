// Naive day-by-day implementation of dueAt / workingTimeBetween, kept as an
// independent oracle for property tests and as the benchmark baseline. It walks
// the calendar one day at a time and shares only the hour/date parsing helpers.
import type { BusinessHours, CalendarData, Tier } from './types.js';
import { compileHours, DEFAULT_HOURS } from './hours.js';
import { isWeekend, MS_PER_DAY, MS_PER_MINUTE, parseDate } from './time.js';

export interface ReferenceCalendar {
  dueAt(from: Date, days: number, tier: Tier): Date;
  workingTimeBetween(a: Date, b: Date, tier: Tier): number;
}

export function createReferenceCalendar(opts: {
  data: CalendarData;
  hours?: BusinessHours;
  utcOffsetMinutes?: number;
}): ReferenceCalendar {
  const { starts, ends, dayMs } = compileHours(opts.hours ?? DEFAULT_HOURS);
  const off = (opts.utcOffsetMinutes ?? 480) * MS_PER_MINUTE;
  const workdayOverride = new Map<number, boolean>();
  for (const o of opts.data.days) workdayOverride.set(parseDate(o.date), o.kind === 'makeup_workday');
  const isWorkday = (day: number) => workdayOverride.get(day) ?? !isWeekend(day);

  /** Working ms between two local-time instants a <= b. */
  const between = (a: number, b: number): number => {
    let total = 0;
    for (let day = Math.floor(a / MS_PER_DAY); day * MS_PER_DAY < b; day++) {
      if (!isWorkday(day)) continue;
      for (let p = 0; p < starts.length; p++) {
        const s = Math.max(a, day * MS_PER_DAY + starts[p]);
        const e = Math.min(b, day * MS_PER_DAY + ends[p]);
        if (e > s) total += e - s;
      }
    }
    return total;
  };

  return {
    dueAt(from, days, tier) {
      if (tier === 'vip') return new Date(from.getTime() + Math.round(days * MS_PER_DAY));
      let remaining = Math.round(days * dayMs);
      let t = from.getTime() + off;
      if (remaining === 0) return new Date(from.getTime());
      for (let day = Math.floor(t / MS_PER_DAY); ; day++) {
        if (!isWorkday(day)) continue;
        for (let p = 0; p < starts.length; p++) {
          const open = Math.max(t, day * MS_PER_DAY + starts[p]);
          const close = day * MS_PER_DAY + ends[p];
          if (close <= open) continue;
          if (remaining <= close - open) return new Date(open + remaining - off);
          remaining -= close - open;
        }
      }
    },
    workingTimeBetween(a, b, tier) {
      const ta = a.getTime();
      const tb = b.getTime();
      if (tier === 'vip') return (tb - ta) / MS_PER_DAY;
      const ms = ta <= tb ? between(ta + off, tb + off) : -between(tb + off, ta + off);
      return ms / dayMs;
    },
  };
}
