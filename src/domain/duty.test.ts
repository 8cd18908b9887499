import { describe, expect, it } from 'vitest';
import { createWorkCalendar, officialCalendarData } from './calendar/index.js';
import { dutyCounts, dutyDaysOf, planDuty } from './duty.js';

const cal = createWorkCalendar({ data: officialCalendarData() });
const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

describe('duty rota', () => {
  it('October 2026: 13 non-working days, 10 Oct (make-up working day) has none; 1–3 ×3 statutory, 4th ×2', () => {
    const days = dutyDaysOf('2026-10', cal);
    expect(days).toHaveLength(13);
    expect(days.map((d) => d.date.slice(8))).toEqual(['01', '02', '03', '04', '05', '06', '07', '11', '17', '18', '24', '25', '31']);
    expect(days.find((d) => d.date === '2026-10-10')).toBeUndefined();
    expect(days.slice(0, 4).map((d) => [d.kind, d.statutory, d.multiplier])).toEqual([
      ['holiday', true, 3], ['holiday', true, 3], ['holiday', true, 3], ['holiday', false, 2],
    ]);
    expect(days.find((d) => d.date === '2026-10-11')).toMatchObject({ kind: 'weekend', statutory: false, multiplier: 2 });
  });

  it.each([1, 2, 3, 4, 5, 6, 13, 20])('%i agents: totals, holidays and weekends each fair within one; no two days running', (n) => {
    const people = Array.from({ length: n }, (_, i) => `u${i}`);
    for (const month of ['2026-10', '2026-02', '2026-05', '2026-11']) {
      const plan = planDuty(dutyDaysOf(month, cal), people, 3);
      const counts = [...people].map((p) => dutyCounts(plan).get(p) ?? { total: 0, holiday: 0, weekend: 0 });
      expect(spread(counts.map((c) => c.total))).toBeLessThanOrEqual(1);
      expect(spread(counts.map((c) => c.holiday))).toBeLessThanOrEqual(1);
      expect(spread(counts.map((c) => c.weekend))).toBeLessThanOrEqual(1);
      if (n > 1) {
        for (let i = 1; i < plan.length; i++) {
          const gap = (Date.parse(plan[i]!.date) - Date.parse(plan[i - 1]!.date)) / 86_400_000;
          if (gap === 1 && plan[i]!.kind === plan[i - 1]!.kind) expect(plan[i]!.userId).not.toBe(plan[i - 1]!.userId);
        }
      }
    }
  });

  it('a 7×24 rota covers every day', () => {
    expect(dutyDaysOf('2026-10', cal, true)).toHaveLength(31);
    expect(dutyDaysOf('2026-10', cal, true).find((d) => d.date === '2026-10-10')).toMatchObject({ kind: 'workday', multiplier: 1 });
  });
});
