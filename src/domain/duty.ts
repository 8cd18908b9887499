// The duty rota (值班表, PROCESS §6.1): one person per duty day, rotated so that counts differ by
// at most one, holidays spread separately from weekends. Pure.
import { isStatutory, overtimeMultiplier, type WorkCalendar } from './calendar/index.js';

export type DutyKind = 'weekend' | 'holiday' | 'workday';
export interface DutyDay { date: string; kind: DutyKind; statutory: boolean; multiplier: 1 | 2 | 3 }
export interface DutyAssignment extends DutyDay { userId: string }

const DAY_MS = 86_400_000;

/** Every date of a month 'YYYY-MM'. */
export function datesOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let t = Date.UTC(y, m - 1, 1); new Date(t).getUTCMonth() === m - 1; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The duty days of a month: the non-working days (weekends and holidays; make-up working days are
 *  working days), or every day for a 7×24 rota. */
export function dutyDaysOf(month: string, calendar: WorkCalendar, everyDay = false): DutyDay[] {
  return datesOfMonth(month).map((date) => calendar.dayInfo(date))
    .filter((d) => everyDay || !d.workday)
    .map((d) => ({
      date: d.date, kind: d.workday ? 'workday' : d.kind === 'holiday' ? 'holiday' : 'weekend',
      statutory: isStatutory(d), multiplier: overtimeMultiplier(d),
    }));
}

/**
 * Assigns the days round-robin over `people` (in the order given, starting at `start`): holidays
 * first, then the other days continuing the same cycle. One cycle keeps every person's total within
 * one of the others, and each kind (holiday, weekend) is a contiguous stretch of the cycle, so
 * holidays and weekends are each spread within one as well. Consecutive days never go to the same
 * person when there are two or more.
 */
export function planDuty(days: DutyDay[], people: string[], start = 0): DutyAssignment[] {
  if (!people.length) return [];
  const order = [...days.filter((d) => d.kind === 'holiday'), ...days.filter((d) => d.kind !== 'holiday')];
  const n = people.length;
  const s = ((start % n) + n) % n;
  const byDate = new Map(order.map((d, i) => [d.date, people[(s + i) % n]!]));
  return days.map((d) => ({ ...d, userId: byDate.get(d.date)! }));
}

/** Duty counts per person (all, holidays, weekends). */
export function dutyCounts(plan: DutyAssignment[]) {
  const out = new Map<string, { total: number; holiday: number; weekend: number }>();
  for (const a of plan) {
    const c = out.get(a.userId) ?? { total: 0, holiday: 0, weekend: 0 };
    c.total++;
    if (a.kind === 'holiday') c.holiday++;
    if (a.kind === 'weekend') c.weekend++;
    out.set(a.userId, c);
  }
  return out;
}
