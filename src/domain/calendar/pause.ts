// SLA pause (issue 16), pure: where a deadline lands when the clock stood still from `pausedAt`
// to `resumedAt`. The deadline moves by exactly the working time spent paused on its own clock
// (VIP: every hour; standard: business hours, holidays and make-up days as the calendar says),
// which is the same as counting the working time that was left at the pause from the resume:
//   resumed = dueAt(resumedAt, workingTimeBetween(pausedAt, dueAt))
// A pause that held no working time (resumed at once, or wholly outside business hours on
// the standard clock) changes nothing, and a deadline already past at the pause stays past.
import type { Tier, WorkCalendar } from './types.js';

export interface PausedDeadline {
  dueAt: Date;
  /** when the pause began (for a task opened during the pause: when it opened) */
  pausedAt: Date;
  resumedAt: Date;
  tier: Tier;
}

/** Working time (days, on the tier's clock) the pause held. */
export function pausedWorkingTime(cal: WorkCalendar, p: { pausedAt: Date; resumedAt: Date; tier: Tier }): number {
  return p.resumedAt > p.pausedAt ? cal.workingTimeBetween(p.pausedAt, p.resumedAt, p.tier) : 0;
}

export function resumedDeadline(cal: WorkCalendar, p: PausedDeadline): Date {
  if (p.dueAt <= p.pausedAt) return p.dueAt;
  if (pausedWorkingTime(cal, p) <= 0) return p.dueAt;
  const remaining = cal.workingTimeBetween(p.pausedAt, p.dueAt, p.tier);
  return cal.dueAt(p.resumedAt, remaining, p.tier);
}
