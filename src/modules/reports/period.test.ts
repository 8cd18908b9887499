import { describe, expect, it } from 'vitest';
import { isoWeekOf, parseIsoWeek, parseMonth } from './period.js';

describe('report periods in Asia/Shanghai', () => {
  it('maps instants to ISO weeks on Shanghai local time', () => {
    expect(isoWeekOf(new Date('2026-03-02T00:00:00+08:00'))).toBe('2026-W10');
    expect(isoWeekOf(new Date('2026-03-01T23:59:59+08:00'))).toBe('2026-W09');
    // 16:30 UTC on Sunday is already Monday in Shanghai
    expect(isoWeekOf(new Date('2026-03-01T16:30:00Z'))).toBe('2026-W10');
    expect(isoWeekOf(new Date('2026-01-01T12:00:00+08:00'))).toBe('2026-W01');
    expect(isoWeekOf(new Date('2025-12-29T00:00:00+08:00'))).toBe('2026-W01');
    expect(isoWeekOf(new Date('2027-01-03T12:00:00+08:00'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2021-01-03T12:00:00+08:00'))).toBe('2020-W53');
  });

  it('parses weeks to Monday 00:00 – next Monday 00:00, refusing weeks that do not exist', () => {
    expect(parseIsoWeek('2026-W10')).toEqual({ key: '2026-W10', from: new Date('2026-03-02T00:00:00+08:00'), to: new Date('2026-03-09T00:00:00+08:00') });
    expect(parseIsoWeek('2026-W01')?.from).toEqual(new Date('2025-12-29T00:00:00+08:00'));
    expect(parseIsoWeek('2026-W53')?.to).toEqual(new Date('2027-01-04T00:00:00+08:00'));
    for (const bad of ['2025-W53', '2026-W00', '2026-W54', '2026-w10', '26-W10', '2026-W1']) expect(parseIsoWeek(bad), bad).toBeNull();
    for (let y = 2000; y <= 2040; y++) {
      for (let w = 1; w <= 53; w++) {
        const p = parseIsoWeek(`${y}-W${String(w).padStart(2, '0')}`);
        if (p) expect(isoWeekOf(p.from)).toBe(p.key);
      }
    }
  });

  it('parses months in Shanghai time', () => {
    expect(parseMonth('2026-03')).toEqual({ key: '2026-03', from: new Date('2026-03-01T00:00:00+08:00'), to: new Date('2026-04-01T00:00:00+08:00') });
    expect(parseMonth('2026-12')?.to).toEqual(new Date('2027-01-01T00:00:00+08:00'));
    for (const bad of ['2026-13', '2026-00', '2026-1', 'x']) expect(parseMonth(bad), bad).toBeNull();
  });
});
