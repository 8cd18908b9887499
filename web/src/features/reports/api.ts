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

// ---- management reports (PROCESS §6.1): engineer scores with drill-down, the sales review ----

export type EngineerScores = Schemas['EngineerScores'];
export type EngineerScore = Schemas['EngineerScore'];
export type EngineerMeasureCases = Schemas['EngineerMeasureCases'];
export type SalesReview = Schemas['SalesReview'];
/** from/to: Shanghai dates, `to` exclusive */
export type PeriodQuery = { from?: string; to?: string };

export const getEngineerScores = (q: PeriodQuery) => api.get<EngineerScores>('/reports/engineers', q, { quiet: [403] });
export const getEngineerMeasure = (subjectId: string, measure: string, q: PeriodQuery) =>
  api.get<EngineerMeasureCases>(`/reports/engineers/${encodeURIComponent(subjectId)}/tickets`, { ...q, measure });
export const engineerScoresXlsxUrl = (q: PeriodQuery) => buildUrl('/reports/engineers.xlsx', q);
export const getSalesReview = (q: PeriodQuery) => api.get<SalesReview>('/reports/sales', q, { quiet: [403] });
export const salesReviewXlsxUrl = (q: PeriodQuery) => buildUrl('/reports/sales.xlsx', q);
/** The A4 pages, opened in a new tab (the session cookie authenticates). */
export const engineerScoresPrintUrl = (q: PeriodQuery) => buildUrl('/reports/engineers/print', q);
export const salesReviewPrintUrl = (q: PeriodQuery) => buildUrl('/reports/sales/print', q);

// ---- 部门业绩 (GET /reports/departments?month=YYYY-MM) and the GM's targets (PUT /targets/{month}) ----
export { getDepartmentResults, type DepartmentResults } from '../home/api';
/** rates 0–1, amounts in fen; a key left out keeps its target, null removes it */
export type Targets = Record<string, number | null>;
export const putTargets = (month: string, targets: Targets) => api.put<{ month: string; targets: Targets }>(`/targets/${encodeURIComponent(month)}`, targets);
export const departmentsPrintUrl = (month: string) => buildUrl('/reports/departments/print', { month });
export const departmentsXlsxUrl = (month: string) => buildUrl('/reports/departments.xlsx', { month });

// ---- rewards and penalties (POST /reviews) ----
export type Review = Schemas['Review'];
export type ReviewInput = { userId?: string; partnerId?: string; kind: 'reward' | 'penalty'; points?: number; amountFen?: number; reason: string; caseId?: string };
export const recordReview = (body: ReviewInput) => api.post<Review>('/reviews', body);
export type Reviews = Schemas['Reviews'];
export type ReviewsQuery = { userId?: string; partnerId?: string; month?: string; kind?: string; q?: string; page?: number; pageSize?: number };
/** Without a subject: every record the reader may read. A page, with the count and sums of every match. */
export const listReviews = (q: ReviewsQuery) => api.get<Reviews>('/reviews', q);
export type ReviewSubjects = Schemas['ReviewSubjects'];
/** the people and partner companies the reader may record for */
export const listReviewSubjects = () => api.get<ReviewSubjects>('/reviews/subjects');

// ---- an engineer's trend (GET /reports/engineers/trend) ----
export type EngineerTrend = Schemas['EngineerTrend'];
/** No subject: oneself. */
export const getEngineerTrend = (subjectId: string | undefined, months = 6) => api.get<EngineerTrend>('/reports/engineers/trend', { subjectId, months });

// ---- the feedback reports (客户反馈汇总) ----
export type FeedbackReport = Schemas['FeedbackReport'];
export const getFeedbackReport = (id: string) => api.get<FeedbackReport>(`/feedback-reports/${encodeURIComponent(id)}`);
