import { api, buildUrl, type Schemas } from '../../app/api';

export type PipelineReport = Schemas['PipelineReport'];

/** 业务经理/总经理: per-salesperson pipeline, long negotiations, lost deals. */
export function getPipeline() {
  return api.get<PipelineReport>('/reports/pipeline', undefined, { quiet: [403] });
}

// ---- 周总结 (GET /reports/weekly?week=YYYY-Www) ----

export type WeeklySummary = Schemas['WeeklySummary'];

/** No week = the server's current week. */
export function getWeekly(week?: string) {
  return api.get<WeeklySummary>('/reports/weekly', { week }, { quiet: [403] });
}

/** The printable page, opened in a new tab (the session cookie authenticates). */
export const weeklyPrintUrl = (week: string) => buildUrl('/reports/weekly/print', { week });
export const weeklyXlsxUrl = (week: string) => buildUrl('/reports/weekly.xlsx', { week });

// ---- partner settlement (GET /reports/partner-settlement?partnerId=&month=YYYY-MM) ----

export type PartnerSettlement = Schemas['PartnerSettlement'];

export function getPartnerSettlement(partnerId: string, month?: string) {
  return api.get<PartnerSettlement>('/reports/partner-settlement', { partnerId, month }, { quiet: [403] });
}

/** A fraction (0.8333) → "83.3%"; null → "—". */
export function fmtRate(r: number | null | undefined): string {
  return r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`;
}
