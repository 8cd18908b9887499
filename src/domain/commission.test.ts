import { describe, expect, it } from 'vitest';
import { commissionOf } from './commission.js';

describe('commission of a lead (PROCESS §6.1)', () => {
  it('class B, a 50,000-yuan contract at the default 10 %: base 500,000 fen, commission 175,000 fen', () => {
    expect(commissionOf({ amountFen: 5_000_000, salesIncomePct: 10, class: 'B' })).toEqual({ pct: 35, baseFen: 500_000, commissionFen: 175_000 });
  });
  it('A 15 %, C 75 %', () => {
    expect(commissionOf({ amountFen: 5_000_000, salesIncomePct: 10, class: 'A' }).commissionFen).toBe(75_000);
    expect(commissionOf({ amountFen: 5_000_000, salesIncomePct: 10, class: 'C' }).commissionFen).toBe(375_000);
  });
  it('rounds half up to the fen', () => {
    // base 1,001 × 15 % = 150.15 → 150; base 1,010 × 15 % = 151.5 → 152; base 10 × 35 % = 3.5 → 4
    expect(commissionOf({ amountFen: 10_010, salesIncomePct: 10, class: 'A' })).toMatchObject({ baseFen: 1_001, commissionFen: 150 });
    expect(commissionOf({ amountFen: 10_100, salesIncomePct: 10, class: 'A' })).toMatchObject({ baseFen: 1_010, commissionFen: 152 });
    expect(commissionOf({ amountFen: 100, salesIncomePct: 10, class: 'B' })).toMatchObject({ baseFen: 10, commissionFen: 4 });
    // a base with a half fen: 12.5 % of 5 fen = 0.625 → 1
    expect(commissionOf({ amountFen: 5, salesIncomePct: 12.5, class: 'C' }).baseFen).toBe(1);
  });
  it('an overridden income percentage', () => {
    expect(commissionOf({ amountFen: 5_000_000, salesIncomePct: 8, class: 'B' })).toMatchObject({ baseFen: 400_000, commissionFen: 140_000 });
  });
});
