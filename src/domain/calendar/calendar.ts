import type { BusinessHours, CalendarData, DayInfo, Tier, TierClock, WorkCalendar } from './types.js';
import { compileHours, DEFAULT_HOURS } from './hours.js';
import {
  isWeekend,
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseDate,
  WEEK_SHIFT,
  weekdaysBefore,
  weekdaysBeforeInverse,
  yearStart,
} from './time.js';

/** Largest |epoch ms| a Date can hold. */
const MAX_DATE_MS = 8.64e15;

export interface CreateWorkCalendarOptions {
  data: CalendarData;
  hours?: BusinessHours;
  /** Fixed offset of the calendar's local time from UTC; default 480 (Asia/Shanghai, no DST). */
  utcOffsetMinutes?: number;
  /** The clock of each service tier; 'standard' → business, 'vip' → 24x7 unless given. */
  clocks?: Record<string, TierClock>;
}

type BaseTier = 'standard' | 'vip';
type BaseCalendar = Omit<WorkCalendar, 'dueAt' | 'nextWorkingInstant' | 'workingTimeBetween' | 'dayHours'> & {
  dueAt(from: Date, days: number, tier: BaseTier): Date;
  nextWorkingInstant(from: Date, tier: BaseTier): Date;
  workingTimeBetween(a: Date, b: Date, tier: BaseTier): number;
};

export const DEFAULT_CLOCKS: Readonly<Record<string, TierClock>> = Object.freeze({ standard: 'business', vip: '24x7' });

/**
 * The calendar with each tier on its clock: '24x7' counts every hour, 'business' the calendar's
 * business hours, own hours ({periods}) the calendar's working days with those opening periods.
 */
export function createWorkCalendar(opts: CreateWorkCalendarOptions): WorkCalendar {
  const base = createBaseCalendar(opts);
  const clocks = { ...DEFAULT_CLOCKS, ...opts.clocks };
  const own = new Map<string, BaseCalendar>();
  // a clock with its own hours is a calendar with the same days and those hours (checked here, once)
  for (const [tier, clock] of Object.entries(clocks)) {
    if (typeof clock === 'object') own.set(tier, createBaseCalendar({ ...opts, hours: { periods: clock.periods } }));
    else if (clock !== '24x7' && clock !== 'business') throw new RangeError(`Unknown clock ${JSON.stringify(clock)} of tier ${tier}`);
  }
  const on = (tier: Tier): [BaseCalendar, BaseTier] => {
    const clock = Object.hasOwn(clocks, tier) ? clocks[tier] : undefined;
    if (clock === undefined) throw new RangeError(`Unknown tier ${JSON.stringify(tier)}`);
    if (clock === '24x7') return [base, 'vip'];
    if (clock === 'business') return [base, 'standard'];
    return [own.get(tier)!, 'standard'];
  };
  return {
    hours: base.hours,
    dayInfo: (date) => base.dayInfo(date),
    hasOfficialData: (year) => base.hasOfficialData(year),
    dueAt(from, days, tier) { const [c, t] = on(tier); return c.dueAt(from, days, t); },
    nextWorkingInstant(from, tier) { const [c, t] = on(tier); return c.nextWorkingInstant(from, t); },
    workingTimeBetween(a, b, tier) { const [c, t] = on(tier); return c.workingTimeBetween(a, b, t); },
    dayHours(tier) {
      const [c, t] = on(tier);
      return t === 'vip' ? 24 : c.hours.periods.reduce((h, p) => h + (minutes(p.end) - minutes(p.start)) / 60, 0);
    },
  };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/*
 * Model: for the standard tier, C(t) is the working time (ms) elapsed from a
 * fixed origin up to instant t. C is continuous and non-decreasing, flat outside
 * business hours. Then
 *   workingTimeBetween(a, b) = C(b) - C(a)
 *   dueAt(from, d)           = the earliest t with C(t) >= C(from) + d
 * "Earliest" is what makes a count ending at 12:00 or 18:00 stop there rather than
 * at the next opening, and makes a count from outside hours start at the next
 * opening. It also gives dueAt(dueAt(t, a), b) = dueAt(t, a + b) for free.
 *
 * Every working day holds the same working time, so C reduces to counting working
 * days. Over the years that have overrides we precompute `count` (working days
 * before each day, a prefix sum) and `ord` (day of the k-th working day, its
 * inverse): both directions are then O(1) array lookups, no search at all.
 * Outside that range the week simply repeats and both are closed-form.
 * Amounts are rounded to whole milliseconds, so all arithmetic is exact integers.
 */
function createBaseCalendar(opts: CreateWorkCalendarOptions): BaseCalendar {
  const compiled = compileHours(opts.hours ?? DEFAULT_HOURS);
  const offsetMinutes = opts.utcOffsetMinutes ?? 480;
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 18 * 60) {
    throw new RangeError(`Invalid utcOffsetMinutes ${offsetMinutes}: expected an integer within ±1080`);
  }
  const offMs = offsetMinutes * MS_PER_MINUTE;

  const data = opts.data;
  if (!data || !Array.isArray(data.days) || !Array.isArray(data.officialYears)) {
    throw new RangeError('Invalid calendar data: expected { days: [], officialYears: [] }');
  }
  const officialYears = new Set<number>();
  for (const y of data.officialYears) {
    if (!Number.isInteger(y)) throw new RangeError(`Invalid calendar data: official year ${JSON.stringify(y)}`);
    officialYears.add(y);
  }

  // Later entries win, so callers can append local amendments to official data.
  const overrides = new Map<number, { kind: 'holiday' | 'makeup_workday'; name?: string }>();
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (const o of data.days) {
    const day = parseDate(o?.date);
    if (o.kind !== 'holiday' && o.kind !== 'makeup_workday') {
      throw new RangeError(`Invalid calendar data: kind ${JSON.stringify(o.kind)} on ${o.date}`);
    }
    if (o.name !== undefined && typeof o.name !== 'string') {
      throw new RangeError(`Invalid calendar data: name on ${o.date} must be a string`);
    }
    overrides.set(day, o.name === undefined ? { kind: o.kind } : { kind: o.kind, name: o.name });
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }

  // Precomputed range [d0, d1): whole years around all overrides (empty if none).
  let d0 = 0;
  let d1 = 0;
  if (overrides.size > 0) {
    d0 = yearStart(new Date(minDay * MS_PER_DAY).getUTCFullYear());
    d1 = yearStart(new Date(maxDay * MS_PER_DAY).getUTCFullYear() + 1);
  }
  const n = d1 - d0;

  const isWorkday = (day: number): boolean => {
    const o = overrides.get(day);
    return o ? o.kind === 'makeup_workday' : !isWeekend(day);
  };

  const dayMs = compiled.dayMs;
  const starts = Float64Array.from(compiled.starts);
  const ends = Float64Array.from(compiled.ends);
  const before = Float64Array.from(compiled.before);
  const nPeriods = starts.length;

  const work = new Uint8Array(n);
  const count = new Int32Array(n + 1); // working days in [d0, d0 + i)
  for (let i = 0; i < n; i++) {
    work[i] = isWorkday(d0 + i) ? 1 : 0;
    count[i + 1] = count[i] + work[i];
  }
  const total = count[n];
  const ord = new Int32Array(total); // ord[k] = offset from d0 of the (k+1)-th working day
  for (let i = 0, k = 0; i < n; i++) if (work[i] === 1) ord[k++] = i;

  /** Working days from d0 to the start of `day` (negative before d0), for a day outside [d0, d1). */
  const outsideCount = (day: number): number =>
    day >= d1
      ? total + weekdaysBefore(day + WEEK_SHIFT) - weekdaysBefore(d1 + WEEK_SHIFT)
      : weekdaysBefore(day + WEEK_SHIFT) - weekdaysBefore(d0 + WEEK_SHIFT);

  /** Working ms elapsed in a working day up to `ms` after local midnight. */
  const withinDay = (ms: number): number => {
    for (let i = 0; i < nPeriods; i++) {
      if (ms <= starts[i]) return before[i];
      if (ms < ends[i]) return before[i] + ms - starts[i];
    }
    return dayMs;
  };

  /** C(t): working ms from local midnight of d0 up to epoch ms t. */
  const cumAt = (t: number): number => {
    const local = t + offMs;
    const day = Math.floor(local / MS_PER_DAY);
    const i = day - d0;
    if (i >= 0 && i < n) {
      const base = count[i] * dayMs;
      return work[i] === 1 ? base + withinDay(local - day * MS_PER_DAY) : base;
    }
    const base = outsideCount(day) * dayMs;
    return isWeekend(day) ? base : base + withinDay(local - day * MS_PER_DAY);
  };

  /** Earliest epoch ms t with C(t) >= target. */
  const instantAt = (target: number): number => {
    // The target is reached during working day number m (1-based, counted from d0).
    const m = Math.ceil(target / dayMs);
    let day: number;
    if (m >= 1 && m <= total) {
      day = d0 + ord[m - 1];
    } else {
      // Plain weeks beyond the range: the (m - edge)-th weekday past the edge.
      const k = m > total ? weekdaysBefore(d1 + WEEK_SHIFT) + m - total : weekdaysBefore(d0 + WEEK_SHIFT) + m;
      day = weekdaysBeforeInverse(k) - WEEK_SHIFT - 1;
    }
    const rest = target - (m - 1) * dayMs; // in (0, dayMs]
    let p = 0;
    while (p < nPeriods - 1 && rest > before[p] + ends[p] - starts[p]) p++;
    return day * MS_PER_DAY + starts[p] + (rest - before[p]) - offMs;
  };

  const checkInstant = (d: Date, what: string): number => {
    const t = d instanceof Date ? d.getTime() : NaN;
    if (!Number.isFinite(t)) throw new RangeError(`Invalid ${what}: not a valid Date`);
    return t;
  };

  const toDate = (ms: number): Date => {
    if (!(Math.abs(ms) <= MAX_DATE_MS)) throw new RangeError('Deadline is beyond the range of Date');
    return new Date(ms);
  };

  return {
    hours: compiled.hours,

    dayInfo(date: string): DayInfo {
      const day = parseDate(date);
      const o = overrides.get(day);
      if (o) {
        const info: DayInfo = { date, workday: o.kind === 'makeup_workday', kind: o.kind };
        if (o.name !== undefined) info.name = o.name;
        return info;
      }
      return isWeekend(day) ? { date, workday: false, kind: 'weekend' } : { date, workday: true, kind: 'workday' };
    },

    dueAt(from: Date, days: number, tier: BaseTier): Date {
      const t = checkInstant(from, 'start');
      if (!(days >= 0) || days === Infinity) {
        throw new RangeError(`Invalid duration ${days}: expected a finite number of days >= 0`);
      }
      if (tier === 'vip') return toDate(t + Math.round(days * MS_PER_DAY));
      if (tier !== 'standard') throw new RangeError(`Unknown tier ${JSON.stringify(tier)}`);
      const add = Math.round(days * dayMs);
      if (add === 0) return new Date(t);
      return toDate(instantAt(cumAt(t) + add));
    },

    nextWorkingInstant(from: Date, tier: BaseTier): Date {
      const t = checkInstant(from, 'start');
      if (tier === 'vip') return new Date(t);
      if (tier !== 'standard') throw new RangeError(`Unknown tier ${JSON.stringify(tier)}`);
      // the earliest instant whose next millisecond is working time: `from` itself inside
      // business hours, else the next opening (a closing at 12:00 or 18:00 is not working time)
      return toDate(instantAt(cumAt(t) + 1) - 1);
    },

    workingTimeBetween(a: Date, b: Date, tier: BaseTier): number {
      const ta = checkInstant(a, 'start');
      const tb = checkInstant(b, 'end');
      if (tier === 'vip') return (tb - ta) / MS_PER_DAY;
      if (tier !== 'standard') throw new RangeError(`Unknown tier ${JSON.stringify(tier)}`);
      return (cumAt(tb) - cumAt(ta)) / dayMs;
    },

    hasOfficialData(year: number): boolean {
      return officialYears.has(year);
    },
  };
}
