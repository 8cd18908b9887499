import { describe, expect, it } from 'vitest';
import { computePayback } from './payback.js';

describe('payback period (form 3)', () => {
  it('is investment ÷ average monthly gross profit, with best and worst case from the fluctuation', () => {
    expect(computePayback(600_000, 150_000, 20)).toEqual({ paybackMonths: 4, bestCaseMonths: 3.33, worstCaseMonths: 5 });
    expect(computePayback(1_000_000, 300_000, 0)).toEqual({ paybackMonths: 3.33, bestCaseMonths: 3.33, worstCaseMonths: 3.33 });
  });

  it('rounds to two decimals and keeps best ≤ payback ≤ worst', () => {
    const p = computePayback(1_234_567, 98_765, 35);
    expect(p.paybackMonths).toBe(12.5);
    expect(p.bestCaseMonths).toBe(9.26);
    expect(p.worstCaseMonths).toBe(19.23);
    for (const [inv, profit, f] of [[1, 1, 1], [5_000_000, 7, 99], [0, 100, 50], [999_999_999, 123_456, 12.5]]) {
      const r = computePayback(inv, profit, f);
      expect(r.bestCaseMonths!).toBeLessThanOrEqual(r.paybackMonths!);
      expect(r.paybackMonths!).toBeLessThanOrEqual(r.worstCaseMonths!);
    }
  });

  it('has no payback without profit (never divides by zero)', () => {
    expect(computePayback(600_000, 0, 20)).toEqual({ paybackMonths: null, bestCaseMonths: null, worstCaseMonths: null });
    expect(computePayback(600_000, 150_000, 100).worstCaseMonths).toBeNull();
  });
});
