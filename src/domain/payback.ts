// Feasibility form (form 3): payback period = investment ÷ average monthly gross profit,
// with the best and worst case from the maximum fluctuation of the gross profit.
export interface Payback { paybackMonths: number | null; bestCaseMonths: number | null; worstCaseMonths: number | null }

const months = (investmentFen: number, profitFen: number): number | null =>
  profitFen > 0 ? Math.round((investmentFen / profitFen) * 100) / 100 : null;

export function computePayback(investmentFen: number, avgMonthlyGrossProfitFen: number, maxFluctuationPct: number): Payback {
  const f = maxFluctuationPct / 100;
  return {
    paybackMonths: months(investmentFen, avgMonthlyGrossProfitFen),
    bestCaseMonths: months(investmentFen, avgMonthlyGrossProfitFen * (1 + f)),
    worstCaseMonths: months(investmentFen, avgMonthlyGrossProfitFen * (1 - f)),
  };
}
