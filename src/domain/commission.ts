// Referral commission of a lead (PROCESS §6.1): the salesperson's income from the deal is the
// base, and the referrer earns 15/35/75 % of it for a class A/B/C lead. Integer fen throughout.

export const LEAD_CLASSES = ['A', 'B', 'C'] as const;
export type LeadClass = (typeof LEAD_CLASSES)[number];

/** The referrer's share of the base by class (percent). */
export const CLASS_PCT: Record<LeadClass, number> = { A: 15, B: 35, C: 75 };

/** The default salesIncomePct setting: the salesperson's income is 10 % of the contract amount. */
export const DEFAULT_SALES_INCOME_PCT = 10;

/** x / 100 rounded half up to the fen; exact for percentages with up to two decimals. */
function percentOf(amountFen: number, pct: number): number {
  // work in hundredths of a percent so 12.5 % stays an integer product
  const bp = Math.round(pct * 100);
  const num = amountFen * bp;
  return Math.floor((num + 5_000) / 10_000);
}

export interface Commission {
  pct: number;
  baseFen: number;
  commissionFen: number;
}

/** base = amount × salesIncomePct / 100; commission = round(base × class pct / 100), half up. */
export function commissionOf(o: { amountFen: number; salesIncomePct: number; class: LeadClass }): Commission {
  if (!Number.isSafeInteger(o.amountFen) || o.amountFen < 0) throw new RangeError(`Invalid amount ${o.amountFen}`);
  if (!(o.salesIncomePct >= 0 && o.salesIncomePct <= 100)) throw new RangeError(`Invalid salesIncomePct ${o.salesIncomePct}`);
  const pct = CLASS_PCT[o.class];
  const baseFen = percentOf(o.amountFen, o.salesIncomePct);
  return { pct, baseFen, commissionFen: percentOf(baseFen, pct) };
}
