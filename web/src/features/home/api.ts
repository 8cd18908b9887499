import { api, type Schemas } from '../../app/api';

// The cockpit (工作台) composes the existing reports; only the two lists below are new to the web.
export type DepartmentResults = Schemas['DepartmentResults'];
export const getDepartmentResults = (month?: string) => api.get<DepartmentResults>('/reports/departments', { month }, { quiet: [403] });
export type FeedbackReportList = { items: { caseId: string; number: string; period: string; from: string; to: string; state: string; closedAt: string | null }[] };
export const listFeedbackReports = () => api.get<FeedbackReportList>('/feedback-reports', undefined, { quiet: [403] });
export type TaskPage = Schemas['TaskPage'];
/** open tasks: mine, or (mine=false) those of the departments I manage (the GM: all) */
export const openTasks = (q: { mine: boolean; overdue?: boolean; step?: string; pageSize?: number }) =>
  api.get<TaskPage>('/tasks', { status: 'open', pageSize: 200, ...q }, { quiet: [403] });

/** The month `n` months before `month` (YYYY-MM). */
export function monthsBack(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** ISO week key (YYYY-Www) of a Shanghai date given as YYYY-MM-DD. */
export function isoWeek(date: string): string {
  const [y, m, dd] = date.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1, dd));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** `date` (YYYY-MM-DD) moved by `days`. */
export function addDays(date: string, days: number): string {
  const [y, m, dd] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, dd + days)).toISOString().slice(0, 10);
}
