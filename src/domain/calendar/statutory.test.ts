// Statutory days against the chinese-days data: in every official year, the days each festival's
// rule names are holiday days of that festival's run, as many as the package's statutory count.
import raw from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, isStatutory, officialCalendarData, overtimeMultiplier, statutoryFestival } from './index.js';
import { dateRange } from './test-helpers.js';

const FESTIVALS = ['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆节'];
const json = raw as unknown as { holidays: Record<string, string> };
const cal = createWorkCalendar({ data: officialCalendarData() });

describe('statutory days', () => {
  it('2026 National Day: 1–3 October statutory (×3), 4–7 rest days (×2), 10 October a make-up working day', () => {
    const days = dateRange('2026-10-01', '2026-10-10').map((d) => cal.dayInfo(d));
    expect(days.map((d) => [d.date.slice(8), isStatutory(d), overtimeMultiplier(d)])).toEqual([
      ['01', true, 3], ['02', true, 3], ['03', true, 3],
      ['04', false, 2], ['05', false, 2], ['06', false, 2], ['07', false, 2],
      ['08', false, 1], ['09', false, 1], ['10', false, 1],
    ]);
  });

  it('2026: 元旦 1 Jan, 春节 除夕–初三 (16–19 Feb), 清明 5 Apr, 劳动节 1–2 May, 端午 19 Jun, 中秋 25 Sep', () => {
    const statutory = dateRange('2026-01-01', '2026-12-31').filter((d) => isStatutory(cal.dayInfo(d)));
    expect(statutory).toEqual([
      '2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-04-05',
      '2026-05-01', '2026-05-02', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-02', '2026-10-03',
    ]);
    expect(statutory.map((d) => statutoryFestival(d))).toEqual([
      '元旦', '春节', '春节', '春节', '春节', '清明', '劳动节', '劳动节', '端午', '中秋', '国庆节', '国庆节', '国庆节',
    ]);
  });

  it('a weekend day is ×2, a working day ×1', () => {
    expect(overtimeMultiplier(cal.dayInfo('2026-11-07'))).toBe(2);
    expect(overtimeMultiplier(cal.dayInfo('2026-11-09'))).toBe(1);
  });

  const years = [...new Set(Object.keys(json.holidays).map((d) => Number(d.slice(0, 4))))].filter((y) => y >= 2014);
  it.each(years)('%i: each festival has the package\'s statutory count of days, all holidays', (year) => {
    const expected = new Map<string, number>();
    for (const [date, entry] of Object.entries(json.holidays)) {
      if (!date.startsWith(`${year}-`)) continue;
      const [, name, count] = entry.split(',');
      // one-off days (2015's 70th-anniversary day) are not festivals of the rules
      if (FESTIVALS.includes(name!.trim())) expected.set(name!.trim(), Number(count));
    }
    const found = new Map<string, number>();
    for (const d of dateRange(`${year}-01-01`, `${year}-12-31`)) {
      const f = statutoryFestival(d);
      if (!f) continue;
      expect(cal.dayInfo(d).kind, `${d} ${f}`).toBe('holiday');
      found.set(f, (found.get(f) ?? 0) + 1);
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(expected));
  });

  it('rejects malformed dates', () => {
    expect(() => statutoryFestival('2026-02-30')).toThrow(RangeError);
  });
});
