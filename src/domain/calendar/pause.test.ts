// SLA pause (issue 16): properties of resumedDeadline on the real official calendar, and the
// next working instant (the outbox's working-hours hold).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, officialCalendarData, resumedDeadline, type Tier } from './index.js';
import { fmt, sh } from './test-helpers.js';

const cal = createWorkCalendar({ data: officialCalendarData() });
const DAY = 86_400_000;
const OFF = 8 * 3_600_000;
const at = (s: string) => Date.parse(`${s}T00:00:00+08:00`);
/** local day index of a date (days since 1970-01-01) */
const dayIdx = (s: string) => Date.parse(`${s}T00:00:00Z`) / DAY;
/** the instant of local hour h on local day d */
const localHour = (d: number, h: number) => new Date(d * DAY + h * 3_600_000 - OFF);

/** Any instant, minute-aligned instants, and openings/closings exactly. */
const instant = fc.oneof(
  fc.integer({ min: at('2024-01-01'), max: at('2027-01-01') }),
  fc.integer({ min: at('2024-01-01') / 60_000, max: at('2027-01-01') / 60_000 }).map((m) => m * 60_000),
  fc.tuple(fc.integer({ min: dayIdx('2024-01-01'), max: dayIdx('2027-01-01') }), fc.constantFrom(9, 12, 13, 18, 0, 20))
    .map(([d, h]) => localHour(d, h).getTime()),
).map((ms) => new Date(ms));
const tier = fc.constantFrom<Tier>('standard', 'vip');
/** a step's length in days, on a grid exact in ms */
const length = fc.integer({ min: 1, max: 16 * 5 }).map((k) => k / 16);
/** a pause of up to ten calendar days, in minutes */
const pauseLength = fc.integer({ min: 0, max: 10 * 24 * 60 }).map((m) => m * 60_000);

/** A task's deadline as the engine makes it: `days` counted from its creation. */
const task = fc.tuple(instant, length, tier).map(([created, days, t]) => ({ created, days, tier: t, dueAt: cal.dueAt(created, days, t) }));

describe('resumedDeadline', () => {
  it('pausing and resuming at once changes nothing', () => {
    fc.assert(fc.property(task, fc.integer({ min: -5 * DAY, max: 5 * DAY }), (k, offset) => {
      const pausedAt = new Date(k.created.getTime() + Math.abs(offset));
      expect(resumedDeadline(cal, { dueAt: k.dueAt, pausedAt, resumedAt: pausedAt, tier: k.tier }).getTime()).toBe(k.dueAt.getTime());
    }), { numRuns: 500 });
  });

  it('a pause wholly outside working time changes nothing for standard-tier tickets', () => {
    // a pause from a closing (18:00) to before the next opening, over nights, weekends and holidays
    const closing = fc.integer({ min: dayIdx('2024-01-01'), max: dayIdx('2026-12-01') }).map((d) => localHour(d, 18));
    fc.assert(fc.property(closing, length, fc.double({ min: 0, max: 1, noNaN: true }), (pausedAt, days, frac) => {
      const created = cal.dueAt(new Date(pausedAt.getTime() - 3_600_000), 0, 'standard');
      const dueAt = cal.dueAt(created, days, 'standard');
      const opening = cal.nextWorkingInstant(pausedAt, 'standard');
      const resumedAt = new Date(pausedAt.getTime() + Math.floor((opening.getTime() - pausedAt.getTime()) * frac));
      expect(cal.workingTimeBetween(pausedAt, resumedAt, 'standard')).toBe(0);
      expect(resumedDeadline(cal, { dueAt, pausedAt, resumedAt, tier: 'standard' }).getTime()).toBe(dueAt.getTime());
    }), { numRuns: 500 });
  });

  it('the resumed deadline equals dueAt(resume, remaining working time), and moves by the working time paused', () => {
    fc.assert(fc.property(task, pauseLength, pauseLength, (k, before, paused) => {
      const pausedAt = new Date(k.created.getTime() + (before % Math.max(1, k.dueAt.getTime() - k.created.getTime())));
      const resumedAt = new Date(pausedAt.getTime() + paused);
      const resumed = resumedDeadline(cal, { dueAt: k.dueAt, pausedAt, resumedAt, tier: k.tier });
      const remaining = cal.workingTimeBetween(pausedAt, k.dueAt, k.tier);
      expect(resumed.getTime()).toBe(cal.dueAt(resumedAt, remaining, k.tier).getTime());
      // the working time between the original and the resumed deadline is the working time paused
      const heldMs = Math.round(cal.workingTimeBetween(pausedAt, resumedAt, k.tier) * DAY);
      const movedMs = Math.round(cal.workingTimeBetween(k.dueAt, resumed, k.tier) * DAY);
      expect(movedMs).toBe(heldMs);
    }), { numRuns: 500 });
  });

  it('counts every hour on the VIP clock and business hours only on the standard one, holidays and make-up days respected', () => {
    // due Friday 27 Feb 2026 18:00; paused Friday 17:00 to Monday 2 Mar 10:00
    const dueAt = sh('2026-02-27 18:00');
    const p = { dueAt, pausedAt: sh('2026-02-27 17:00'), resumedAt: sh('2026-03-02 10:00') };
    // standard: 1 h left at the pause; Saturday 28 Feb is a make-up working day (8 h paused there too)
    expect(fmt(resumedDeadline(cal, { ...p, tier: 'standard' }))).toBe('2026-03-02 11:00');
    // vip: 1 h left, counted from the resume
    expect(fmt(resumedDeadline(cal, { ...p, tier: 'vip' }))).toBe('2026-03-02 11:00');
    // over the Spring Festival: paused Friday 13 Feb 17:00 (1 h left), resumed Tuesday 24 Feb 09:00
    expect(fmt(resumedDeadline(cal, { dueAt: sh('2026-02-13 18:00'), pausedAt: sh('2026-02-13 17:00'), resumedAt: sh('2026-02-24 09:00'), tier: 'standard' }))).toBe('2026-02-24 10:00');
    // a deadline already past at the pause stays past
    expect(resumedDeadline(cal, { dueAt, pausedAt: sh('2026-02-27 19:00'), resumedAt: sh('2026-03-02 10:00'), tier: 'standard' }).getTime()).toBe(dueAt.getTime());
  });
});

describe('nextWorkingInstant', () => {
  it('is the instant itself in business hours, else the next opening', () => {
    expect(fmt(cal.nextWorkingInstant(sh('2026-03-06 20:00'), 'standard'))).toBe('2026-03-09 09:00');
    expect(fmt(cal.nextWorkingInstant(sh('2026-02-27 20:00'), 'standard'))).toBe('2026-02-28 09:00'); // make-up Saturday
    expect(fmt(cal.nextWorkingInstant(sh('2026-03-09 12:00'), 'standard'))).toBe('2026-03-09 13:00');
    expect(fmt(cal.nextWorkingInstant(sh('2026-03-09 10:30'), 'standard'))).toBe('2026-03-09 10:30');
    expect(fmt(cal.nextWorkingInstant(sh('2026-03-07 03:00'), 'vip'))).toBe('2026-03-07 03:00');
  });

  it('never lies before its argument and is always working time', () => {
    fc.assert(fc.property(instant, (t) => {
      const n = cal.nextWorkingInstant(t, 'standard');
      expect(n.getTime()).toBeGreaterThanOrEqual(t.getTime());
      expect(cal.workingTimeBetween(t, n, 'standard')).toBe(0);
      expect(cal.workingTimeBetween(n, new Date(n.getTime() + 60_000), 'standard')).toBeGreaterThan(0);
    }), { numRuns: 1000 });
  });
});
