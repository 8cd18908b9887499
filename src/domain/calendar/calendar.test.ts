import { describe, expect, it } from 'vitest';
import { createWorkCalendar, officialCalendarData, type CalendarData } from './index.js';
import { fmt, sh } from './test-helpers.js';

const cal = createWorkCalendar({ data: officialCalendarData() });
const due = (from: string, days: number, tier: 'standard' | 'vip' = 'standard') => fmt(cal.dueAt(sh(from), days, tier));
const between = (a: string, b: string, tier: 'standard' | 'vip' = 'standard') =>
  cal.workingTimeBetween(sh(a), sh(b), tier);

describe('dueAt, standard 5×8', () => {
  it('uses an 8-hour business day by default', () => {
    expect(cal.hours).toEqual({ periods: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }] });
    expect(due('2025-03-04 09:00', 1)).toBe('2025-03-04 18:00');
    expect(due('2025-03-04 10:00', 1)).toBe('2025-03-05 10:00');
  });

  it('crosses Spring Festival 2025 (1/28–2/4 off)', () => {
    expect(due('2025-01-27 10:00', 1)).toBe('2025-02-05 10:00');
    // Fri 17–18 (1h) + make-up Sunday 1/26 (8h) + Mon 1/27 09–17 (7h).
    expect(due('2025-01-24 17:00', 2)).toBe('2025-01-27 17:00');
    expect(due('2025-01-24 17:00', 3)).toBe('2025-02-05 17:00');
  });

  it('crosses Spring Festival 2026 (2/14 make-up day, 2/15–2/23 off), ending at a closing', () => {
    expect(due('2026-02-13 09:00', 3)).toBe('2026-02-24 18:00');
    expect(due('2026-02-13 09:00', 2.5)).toBe('2026-02-24 14:00');
  });

  it('starting at lunch counts from 13:00', () => {
    expect(due('2025-03-04 12:30', 0.5)).toBe('2025-03-04 17:00');
    expect(due('2025-03-04 12:30', 1 / 8)).toBe('2025-03-04 14:00');
    expect(due('2025-03-04 12:00', 1 / 8)).toBe('2025-03-04 14:00');
  });

  it('a count ending exactly at 12:00 or 18:00 ends there, not at the next opening', () => {
    expect(due('2025-03-04 09:00', 3 / 8)).toBe('2025-03-04 12:00');
    expect(due('2025-03-04 13:00', 5 / 8)).toBe('2025-03-04 18:00');
    expect(due('2025-03-04 13:00', 1)).toBe('2025-03-05 12:00');
    // Friday closing stays on Friday, not Monday.
    expect(due('2025-03-07 09:00', 1)).toBe('2025-03-07 18:00');
  });

  it('starting outside hours counts from the next opening', () => {
    // Friday 20:00 → Monday 09:00.
    expect(due('2025-03-07 20:00', 0.5)).toBe('2025-03-10 14:00');
    expect(due('2025-03-07 20:00', 1)).toBe('2025-03-10 18:00');
    // Friday 20:00 before Spring Festival → make-up Sunday 1/26.
    expect(due('2025-01-24 20:00', 0.5)).toBe('2025-01-26 14:00');
    expect(due('2025-03-04 07:00', 0.5)).toBe('2025-03-04 14:00');
    expect(due('2025-03-04 18:00', 1 / 8)).toBe('2025-03-05 10:00');
    expect(due('2025-03-08 11:00', 1 / 8)).toBe('2025-03-10 10:00'); // Saturday
    expect(due('2025-10-01 10:00', 1 / 8)).toBe('2025-10-09 10:00'); // National Day
  });

  it('fractional days', () => {
    expect(due('2025-03-04 09:00', 0.5)).toBe('2025-03-04 14:00');
    expect(due('2025-03-04 15:00', 0.5)).toBe('2025-03-05 10:00');
    expect(due('2025-03-04 09:00', 1 / 480)).toBe('2025-03-04 09:01');
  });

  it('0 days returns the start unchanged, even outside hours', () => {
    for (const t of ['2025-03-04 10:17', '2025-03-07 20:00', '2025-01-29 10:00', '2025-03-04 12:00']) {
      const from = sh(t);
      expect(cal.dueAt(from, 0, 'standard').getTime()).toBe(from.getTime());
      expect(cal.dueAt(from, 0, 'vip').getTime()).toBe(from.getTime());
    }
  });

  it('a year without data counts weekends only (2030)', () => {
    // 2030-09-30 is a Monday; National Day is not a holiday without a notice.
    expect(due('2030-09-30 09:00', 5)).toBe('2030-10-04 18:00');
    expect(due('2030-09-30 09:00', 6)).toBe('2030-10-07 18:00');
    expect(due('2029-12-31 09:00', 2)).toBe('2030-01-01 18:00');
  });

  it('crosses from the last official year into a year without data', () => {
    // 2026-12-31 is a Thursday, 2027 has no notice in the data yet.
    expect(due('2026-12-31 09:00', 3)).toBe('2027-01-04 18:00');
  });
});

describe('dueAt, VIP 7×24', () => {
  it('runs around the clock and ignores holidays', () => {
    expect(due('2025-01-27 10:00', 3, 'vip')).toBe('2025-01-30 10:00');
    expect(due('2025-01-27 10:00', 0.5, 'vip')).toBe('2025-01-27 22:00');
    expect(due('2025-03-07 20:00', 1, 'vip')).toBe('2025-03-08 20:00');
  });
});

describe('workingTimeBetween', () => {
  it('measures in business days (standard) or 24 h (vip)', () => {
    expect(between('2025-03-07 09:00', '2025-03-10 09:00')).toBe(1);
    expect(between('2025-03-04 12:00', '2025-03-04 13:00')).toBe(0);
    expect(between('2025-03-04 11:00', '2025-03-04 14:00')).toBe(0.25);
    expect(between('2025-01-27 10:00', '2025-02-05 10:00')).toBe(1);
    expect(between('2025-03-07 09:00', '2025-03-10 09:00', 'vip')).toBe(3);
  });

  it('is negative when b < a', () => {
    expect(between('2025-03-10 09:00', '2025-03-07 09:00')).toBe(-1);
    expect(between('2025-03-10 09:00', '2025-03-07 09:00', 'vip')).toBe(-3);
  });

  it('counts whole official years correctly', () => {
    // 2025: 261 weekdays − 18 weekday holidays (1/1; 1/28–31, 2/3–4; 4/4; 5/1–2, 5/5; 6/2;
    // 10/1–3, 10/6–8) + 5 make-up days = 248.
    expect(between('2025-01-01 00:00', '2026-01-01 00:00')).toBe(248);
    // 2024: 262 weekdays − 19 weekday holidays (1/1; 2/12–16; 4/4–5; 5/1–3; 6/10; 9/16–17;
    // 10/1–4, 10/7) + 8 make-up days = 251.
    expect(between('2024-01-01 00:00', '2025-01-01 00:00')).toBe(251);
  });
});

describe('options and validation', () => {
  it('dayInfo rejects invalid dates with RangeError', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', '20250101', '', 'x', '2024-02-30']) {
      expect(() => cal.dayInfo(bad)).toThrow(RangeError);
    }
    expect(cal.dayInfo('2024-02-29').kind).toBe('workday');
  });

  it('dueAt rejects negative, NaN and infinite durations, invalid dates and tiers', () => {
    const t = sh('2025-03-04 09:00');
    for (const d of [-1, -1e-9, NaN, Infinity]) expect(() => cal.dueAt(t, d, 'standard')).toThrow(RangeError);
    expect(() => cal.dueAt(new Date(NaN), 1, 'standard')).toThrow(RangeError);
    expect(() => cal.dueAt(t, 1, 'gold' as never)).toThrow(RangeError);
    expect(() => cal.workingTimeBetween(t, new Date(NaN), 'vip')).toThrow(RangeError);
  });

  it('throws RangeError when the deadline would not fit in a Date', () => {
    expect(() => cal.dueAt(new Date(8.64e15 - 1000), 1, 'vip')).toThrow(RangeError);
    expect(() => cal.dueAt(new Date(8.64e15 - 1000), 1, 'standard')).toThrow(RangeError);
  });

  it('does not mutate or alias the start Date', () => {
    const t = sh('2025-03-04 09:00');
    const r = cal.dueAt(t, 0, 'standard');
    expect(r).not.toBe(t);
    expect(fmt(t)).toBe('2025-03-04 09:00');
  });

  it('supports custom business hours; a business day is their total length', () => {
    const c = createWorkCalendar({
      data: officialCalendarData(),
      hours: { periods: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }] },
    });
    const d = (from: string, days: number) => fmt(c.dueAt(sh(from), days, 'standard'));
    expect(d('2025-03-04 08:30', 1)).toBe('2025-03-04 17:30'); // 7.5 h
    expect(d('2025-03-04 08:30', 0.5)).toBe('2025-03-04 13:45'); // 3.5 h + 0.25 h
    expect(c.workingTimeBetween(sh('2025-03-04 08:30'), sh('2025-03-04 12:00'), 'standard')).toBeCloseTo(3.5 / 7.5, 12);
  });

  it('24 h hours make standard behave like vip on working days only', () => {
    const c = createWorkCalendar({ data: officialCalendarData(), hours: { periods: [{ start: '00:00', end: '24:00' }] } });
    expect(fmt(c.dueAt(sh('2025-03-07 12:00'), 1, 'standard'))).toBe('2025-03-10 12:00');
    // Ends at Friday's 24:00 closing, i.e. Saturday 00:00 — not Monday 00:00.
    expect(fmt(c.dueAt(sh('2025-03-07 00:00'), 1, 'standard'))).toBe('2025-03-08 00:00');
  });

  it('honours utcOffsetMinutes', () => {
    const utc = createWorkCalendar({ data: { days: [], officialYears: [] }, utcOffsetMinutes: 0 });
    expect(utc.dueAt(new Date('2025-03-04T09:00:00Z'), 0.5, 'standard').toISOString()).toBe('2025-03-04T14:00:00.000Z');
    expect(() => createWorkCalendar({ data: { days: [], officialYears: [] }, utcOffsetMinutes: 0.5 })).toThrow(RangeError);
  });

  it('custom data: holidays on weekdays, make-up days on weekends, later entries win', () => {
    const data: CalendarData = {
      days: [
        { date: '2031-03-04', kind: 'holiday', name: '公司年会' },
        { date: '2031-03-08', kind: 'makeup_workday' },
        { date: '2031-03-05', kind: 'holiday' },
        { date: '2031-03-05', kind: 'makeup_workday', name: '改回上班' },
      ],
      officialYears: [2031],
    };
    const c = createWorkCalendar({ data });
    expect(c.dayInfo('2031-03-04')).toEqual({ date: '2031-03-04', workday: false, kind: 'holiday', name: '公司年会' });
    expect(c.dayInfo('2031-03-08')).toEqual({ date: '2031-03-08', workday: true, kind: 'makeup_workday' });
    expect(c.dayInfo('2031-03-05').kind).toBe('makeup_workday');
    expect(c.hasOfficialData(2031)).toBe(true);
    // Mon 3/3 09:00 + 3 days: Mon, (Tue off), Wed, Thu.
    expect(fmt(c.dueAt(sh('2031-03-03 09:00'), 3, 'standard'))).toBe('2031-03-06 18:00');
  });

  it('rejects malformed calendar data', () => {
    expect(() => createWorkCalendar({ data: { days: [{ date: '2025-02-30', kind: 'holiday' }], officialYears: [] } })).toThrow(RangeError);
    expect(() => createWorkCalendar({ data: { days: [{ date: '2025-02-03', kind: 'weekend' as never }], officialYears: [] } })).toThrow(RangeError);
    expect(() => createWorkCalendar({ data: { days: [], officialYears: [2025.5] } })).toThrow(RangeError);
    expect(() => createWorkCalendar({ data: null as never })).toThrow(RangeError);
  });
});
