// Property-based tests (fast-check). Durations are drawn on grids that are exact
// in milliseconds (1/16 day, whole minutes), so equalities can be exact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, officialCalendarData, type BusinessHours, type CalendarData } from './index.js';
import { createReferenceCalendar } from './reference.js';

const DAY = 86_400_000;
const OFF = 8 * 3_600_000;
const data = officialCalendarData();
const cal = createWorkCalendar({ data });
const ref = createReferenceCalendar({ data });

const at = (s: string) => Date.parse(`${s}T00:00:00+08:00`);
/** Local day index of a date (days since 1970-01-01). */
const dayIdx = (s: string) => Date.parse(`${s}T00:00:00Z`) / DAY;

/** Start instants: any ms, or minute-aligned (hits openings/closings exactly), or on a closing. */
const instantIn = (from: string, to: string) =>
  fc.oneof(
    fc.integer({ min: at(from), max: at(to) }),
    fc.integer({ min: at(from) / 60_000, max: at(to) / 60_000 }).map((m) => m * 60_000),
    fc
      .tuple(fc.integer({ min: dayIdx(from), max: dayIdx(to) - 1 }), fc.constantFrom(9, 12, 13, 18, 0, 20))
      .map(([d, h]) => d * DAY + h * 3_600_000 - OFF),
  ).map((ms) => new Date(ms));

const start = instantIn('2024-01-01', '2027-01-01');
/** Wider: covers years before/after the data and the edges of the precomputed range. */
const wideStart = instantIn('2002-06-01', '2032-01-01');

const sixteenths = fc.integer({ min: 0, max: 16 * 12 }).map((k) => k / 16);
const minutes = fc.integer({ min: 0, max: 480 * 12 }).map((m) => m / 480);
const days = fc.oneof(sixteenths, minutes);

describe('dueAt properties (standard)', () => {
  it('never moves backwards as days grows', () => {
    fc.assert(
      fc.property(wideStart, days, days, (t, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cal.dueAt(t, lo, 'standard').getTime()).toBeLessThanOrEqual(cal.dueAt(t, hi, 'standard').getTime());
        expect(cal.dueAt(t, lo, 'standard').getTime()).toBeGreaterThanOrEqual(t.getTime());
      }),
      { numRuns: 1000 },
    );
  });

  it('composes: dueAt(dueAt(t, a), b) = dueAt(t, a + b)', () => {
    fc.assert(
      fc.property(wideStart, days, days, (t, a, b) => {
        const stepwise = cal.dueAt(cal.dueAt(t, a, 'standard'), b, 'standard');
        expect(stepwise.getTime()).toBe(cal.dueAt(t, a + b, 'standard').getTime());
      }),
      { numRuns: 1000 },
    );
  });

  it('workingTimeBetween(t, dueAt(t, d)) = d', () => {
    fc.assert(
      fc.property(wideStart, days, (t, d) => {
        expect(Math.abs(cal.workingTimeBetween(t, cal.dueAt(t, d, 'standard'), 'standard') - d)).toBeLessThan(1e-9);
      }),
      { numRuns: 1000 },
    );
  });

  it('arbitrary fractional days are exact to the millisecond', () => {
    fc.assert(
      fc.property(start, fc.double({ min: 0, max: 20, noNaN: true }), (t, d) => {
        const got = cal.workingTimeBetween(t, cal.dueAt(t, d, 'standard'), 'standard');
        expect(Math.abs(got - d)).toBeLessThanOrEqual(0.5 / (8 * 3_600_000) + 1e-12);
      }),
    );
  });

  it('a deadline lies in working time, or exactly at a closing', () => {
    fc.assert(
      fc.property(wideStart, days.filter((d) => d > 0), (t, d) => {
        const local = cal.dueAt(t, d, 'standard').getTime() + OFF;
        const date = new Date(Math.floor(local / DAY) * DAY).toISOString().slice(0, 10);
        const minuteOfDay = (local % DAY) / 60_000;
        expect(cal.dayInfo(date).workday).toBe(true);
        // (opening, closing]: strictly after an opening, at most the closing.
        const inPeriod = (s: number, e: number) => minuteOfDay > s && minuteOfDay <= e;
        expect(inPeriod(9 * 60, 12 * 60) || inPeriod(13 * 60, 18 * 60)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('days = 0 returns the start', () => {
    fc.assert(
      fc.property(wideStart, fc.constantFrom<'standard' | 'vip'>('standard', 'vip'), (t, tier) => {
        expect(cal.dueAt(t, 0, tier).getTime()).toBe(t.getTime());
      }),
    );
  });
});

describe('workingTimeBetween properties', () => {
  it('is antisymmetric and additive', () => {
    fc.assert(
      fc.property(wideStart, wideStart, wideStart, (a, b, c) => {
        const ab = cal.workingTimeBetween(a, b, 'standard');
        expect(cal.workingTimeBetween(b, a, 'standard') + ab).toBe(0);
        const sum = ab + cal.workingTimeBetween(b, c, 'standard');
        expect(Math.abs(sum - cal.workingTimeBetween(a, c, 'standard'))).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('vip properties', () => {
  it('dueAt is plain 24 h arithmetic and inverts workingTimeBetween', () => {
    fc.assert(
      fc.property(wideStart, days, (t, d) => {
        const r = cal.dueAt(t, d, 'vip');
        expect(r.getTime()).toBe(t.getTime() + Math.round(d * DAY));
        expect(Math.abs(cal.workingTimeBetween(t, r, 'vip') - d)).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('fast implementation = naive day-by-day reference', () => {
  const tier = fc.constantFrom<'standard' | 'vip'>('standard', 'standard', 'vip');

  it('official data, random starts 2002–2032 and days up to 30', () => {
    fc.assert(
      fc.property(wideStart, fc.oneof(days, fc.double({ min: 0, max: 30, noNaN: true })), tier, (t, d, k) => {
        expect(cal.dueAt(t, d, k).getTime()).toBe(ref.dueAt(t, d, k).getTime());
      }),
      { numRuns: 3000 },
    );
  });

  it('far from the data (1900–2300) and long durations (up to 1000 days)', () => {
    fc.assert(
      fc.property(instantIn('1900-01-01', '2300-01-01'), fc.integer({ min: 0, max: 16_000 }).map((k) => k / 16), tier, (t, d, k) => {
        expect(cal.dueAt(t, d, k).getTime()).toBe(ref.dueAt(t, d, k).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('workingTimeBetween over random pairs (incl. negative spans)', () => {
    fc.assert(
      fc.property(wideStart, fc.integer({ min: -60 * DAY, max: 60 * DAY }), tier, (a, span, k) => {
        const b = new Date(a.getTime() + span);
        expect(cal.workingTimeBetween(a, b, k)).toBeCloseTo(ref.workingTimeBetween(a, b, k), 12);
      }),
      { numRuns: 1000 },
    );
  });

  /** Random valid business hours on a 15-minute grid. */
  const hoursArb: fc.Arbitrary<BusinessHours> = fc
    .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 8 })
    .filter((xs) => xs.length % 2 === 0)
    .map((xs) => {
      const q = [...xs].sort((a, b) => a - b);
      const clock = (n: number) => `${String(Math.floor(n / 4)).padStart(2, '0')}:${String((n % 4) * 15).padStart(2, '0')}`;
      const periods = [];
      for (let i = 0; i < q.length; i += 2) periods.push({ start: clock(q[i]), end: clock(q[i + 1]) });
      return { periods };
    });

  /** Random calendar data around 2040–2042 (random holidays and make-up days). */
  const dataArb: fc.Arbitrary<CalendarData> = fc
    .array(
      fc.record({
        day: fc.integer({ min: dayIdx('2040-01-01'), max: dayIdx('2042-12-31') }),
        kind: fc.constantFrom<'holiday' | 'makeup_workday'>('holiday', 'makeup_workday'),
      }),
      { maxLength: 60 },
    )
    .map((xs) => ({
      days: xs.map(({ day, kind }) => ({ date: new Date(day * DAY).toISOString().slice(0, 10), kind })),
      officialYears: [2040, 2041, 2042],
    }));

  it('random hours, random data, random UTC offsets', () => {
    fc.assert(
      fc.property(
        hoursArb,
        dataArb,
        fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
        fc.array(fc.tuple(instantIn('2039-10-01', '2043-03-01'), fc.oneof(days, fc.double({ min: 0, max: 40, noNaN: true }))), {
          minLength: 1,
          maxLength: 20,
        }),
        (hours, d, utcOffsetMinutes, cases) => {
          const fast = createWorkCalendar({ data: d, hours, utcOffsetMinutes });
          const naive = createReferenceCalendar({ data: d, hours, utcOffsetMinutes });
          for (const [t, n] of cases) {
            const r = fast.dueAt(t, n, 'standard');
            expect(r.getTime()).toBe(naive.dueAt(t, n, 'standard').getTime());
            expect(fast.workingTimeBetween(t, r, 'standard')).toBeCloseTo(naive.workingTimeBetween(t, r, 'standard'), 12);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
