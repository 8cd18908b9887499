// Official calendars 2024–2026. Source: the `chinese-days` package (v1.5.7) data,
// checked against the State Council General Office notices
// 国办发明电〔2023〕7号 (2024), 〔2024〕12号 (2025) and 〔2025〕7号 (2026).
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, officialCalendarData } from './index.js';
import { dateRange } from './test-helpers.js';

const data = officialCalendarData();
const cal = createWorkCalendar({ data });

interface YearNotice {
  holidays: [from: string, to: string, name: string][];
  makeup: [date: string, name: string][];
}

const NOTICES: Record<number, YearNotice> = {
  2024: {
    holidays: [
      ['2024-01-01', '2024-01-01', '元旦'],
      ['2024-02-10', '2024-02-17', '春节'],
      ['2024-04-04', '2024-04-06', '清明'],
      ['2024-05-01', '2024-05-05', '劳动节'],
      ['2024-06-10', '2024-06-10', '端午'],
      ['2024-09-15', '2024-09-17', '中秋'],
      ['2024-10-01', '2024-10-07', '国庆节'],
    ],
    makeup: [
      ['2024-02-04', '春节'],
      ['2024-02-18', '春节'],
      ['2024-04-07', '清明'],
      ['2024-04-28', '劳动节'],
      ['2024-05-11', '劳动节'],
      ['2024-09-14', '中秋'],
      ['2024-09-29', '国庆节'],
      ['2024-10-12', '国庆节'],
    ],
  },
  2025: {
    holidays: [
      ['2025-01-01', '2025-01-01', '元旦'],
      ['2025-01-28', '2025-02-04', '春节'],
      ['2025-04-04', '2025-04-06', '清明'],
      ['2025-05-01', '2025-05-05', '劳动节'],
      ['2025-05-31', '2025-06-02', '端午'],
      // 国庆节 and 中秋 share 10/1–10/8; the package names the Mid-Autumn day itself.
      ['2025-10-01', '2025-10-05', '国庆节'],
      ['2025-10-06', '2025-10-06', '中秋'],
      ['2025-10-07', '2025-10-08', '国庆节'],
    ],
    makeup: [
      ['2025-01-26', '春节'],
      ['2025-02-08', '春节'],
      ['2025-04-27', '劳动节'],
      ['2025-09-28', '国庆节'],
      ['2025-10-11', '国庆节'],
    ],
  },
  2026: {
    holidays: [
      ['2026-01-01', '2026-01-03', '元旦'],
      ['2026-02-15', '2026-02-23', '春节'],
      ['2026-04-04', '2026-04-06', '清明'],
      ['2026-05-01', '2026-05-05', '劳动节'],
      ['2026-06-19', '2026-06-21', '端午'],
      ['2026-09-25', '2026-09-27', '中秋'],
      ['2026-10-01', '2026-10-07', '国庆节'],
    ],
    makeup: [
      ['2026-01-04', '元旦'],
      ['2026-02-14', '春节'],
      ['2026-02-28', '春节'],
      ['2026-05-09', '劳动节'],
      ['2026-09-20', '国庆节'],
      ['2026-10-10', '国庆节'],
    ],
  },
};

describe.each(Object.entries(NOTICES))('official calendar %s', (yearStr, notice) => {
  const year = Number(yearStr);
  const inYear = (kind: string) =>
    data.days.filter((d) => d.kind === kind && d.date.startsWith(`${year}-`)).map((d) => d.date);

  it('has official data', () => {
    expect(cal.hasOfficialData(year)).toBe(true);
    expect(data.officialYears).toContain(year);
  });

  it.each(notice.holidays)('holiday %s..%s is %s', (from, to, name) => {
    for (const date of dateRange(from, to)) {
      expect(cal.dayInfo(date)).toEqual({ date, workday: false, kind: 'holiday', name });
    }
  });

  it.each(notice.makeup)('%s is a make-up working day (%s)', (date, name) => {
    expect(cal.dayInfo(date)).toEqual({ date, workday: true, kind: 'makeup_workday', name });
    // Make-up days are always on a weekend.
    expect([0, 6]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
  });

  it('lists exactly these holidays and make-up days, nothing else', () => {
    const holidays = notice.holidays.flatMap(([from, to]) => dateRange(from, to));
    expect(inYear('holiday')).toEqual(holidays);
    expect(inYear('makeup_workday')).toEqual(notice.makeup.map(([d]) => d));
  });

  it('every other day of the year is a plain weekday or weekend', () => {
    const special = new Set([...inYear('holiday'), ...inYear('makeup_workday')]);
    for (const date of dateRange(`${year}-01-01`, `${year}-12-31`)) {
      if (special.has(date)) continue;
      const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
      expect(cal.dayInfo(date)).toEqual(
        weekend ? { date, workday: false, kind: 'weekend' } : { date, workday: true, kind: 'workday' },
      );
    }
  });
});

describe('officialCalendarData', () => {
  it('officialYears are exactly the years with at least one holiday entry', () => {
    const withHolidays = [...new Set(data.days.filter((d) => d.kind === 'holiday').map((d) => Number(d.date.slice(0, 4))))];
    expect(data.officialYears).toEqual(withHolidays.sort((a, b) => a - b));
    expect(data.officialYears).toEqual(expect.arrayContaining([2024, 2025, 2026]));
  });

  it('every entry has a Chinese name', () => {
    for (const d of data.days) expect(d.name).toMatch(/^[\u4e00-\u9fff]/);
  });

  it('returns a fresh copy each call', () => {
    const a = officialCalendarData();
    a.days.length = 0;
    expect(officialCalendarData().days.length).toBe(data.days.length);
  });
});

describe('year without official data', () => {
  it('2030 falls back to weekends only', () => {
    expect(cal.hasOfficialData(2030)).toBe(false);
    expect(cal.hasOfficialData(2003)).toBe(false);
    // New Year's Day and National Day are ordinary days without a notice.
    expect(cal.dayInfo('2030-01-01')).toEqual({ date: '2030-01-01', workday: true, kind: 'workday' });
    expect(cal.dayInfo('2030-10-01')).toEqual({ date: '2030-10-01', workday: true, kind: 'workday' });
    expect(cal.dayInfo('2030-10-05')).toEqual({ date: '2030-10-05', workday: false, kind: 'weekend' });
  });
});
