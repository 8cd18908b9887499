// Live previews of the values the server computes (`computed: '<effect>'` in the definition): the
// form shows them read-only while the user types; the server's effect writes the real ones.
import { computePayback } from '../../../../src/domain/payback';
import { latestDocument, type CaseContext } from './values';

type Values = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** effect name → the values it would compute from the form's values (flat, like the document). */
const PREVIEWS: Record<string, (form: Values, c: CaseContext | undefined) => Values> = {
  'deal.equipmentTotals': (form) => {
    const lines = Array.isArray(form.equipment) ? (form.equipment as Values[]) : [];
    const rows = lines.map((r) => (num(r?.quantity) ?? 0) * (num(r?.unitPriceFen) ?? 0));
    return { lineTotalFen: rows, totalFen: rows.reduce((a, b) => a + b, 0) };
  },
  'deal.payback': (form) => {
    const f = (form.feasibility ?? form) as Values;
    const inv = num(f.equipmentInvestmentFen);
    const profit = num(f.avgMonthlyGrossProfitFen);
    if (inv === undefined || profit === undefined) return {};
    return { ...computePayback(inv, profit, num(f.maxFluctuationPct) ?? 0) };
  },
  'deal.proposalFigures': (form, c) => {
    const bill = num(latestDocument(c, 'survey')?.monthlyLdBillFen);
    const proposed = num(form.proposedMonthlyCostFen);
    return { currentMonthlyLdBillFen: bill, ...(bill !== undefined && proposed !== undefined ? { monthlySavingFen: bill - proposed } : {}) };
  },
  'deal.contract': (form) => (form.paymentModel ? { serviceTier: form.paymentModel === 'one_time' ? 'vip' : 'standard' } : {}),
};

/** A computed field's preview; undefined when the web cannot tell (the server fills it on submit). */
export function previewOf(effect: string, key: string, form: Values, c: CaseContext | undefined): unknown {
  return PREVIEWS[effect]?.(form, c)[key];
}

/** Whether the web can preview an effect's values (others are shown on the document once submitted). */
export const hasPreview = (effect: string) => Object.hasOwn(PREVIEWS, effect);
