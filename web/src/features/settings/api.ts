import { api } from '../../app/api';

export interface CalendarDay {
  date: string;
  workday: boolean;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup_workday' | string;
  name?: string | null;
}

export interface CalendarOverride {
  date: string;
  kind: string;
  name?: string | null;
  source?: string;
}

export interface CalendarStatus {
  hours?: { periods: { start: string; end: string }[] };
  officialYears?: number[];
  missingYears?: number[];
  warning?: string | null;
}

export function getCalendarDay(date: string) {
  return api.get<CalendarDay>(`/calendar/days/${encodeURIComponent(date)}`, undefined, { quiet: [404, 501] });
}

export function listCalendarDays(year: number) {
  return api.get<{ year: number; officialData?: boolean; items: CalendarOverride[] }>('/calendar/days', { year }, { quiet: [404, 405, 501] });
}

export function putCalendarDay(date: string, body: { kind: 'holiday' | 'makeup_workday'; name?: string }) {
  return api.put<CalendarOverride>(`/calendar/days/${encodeURIComponent(date)}`, body);
}

export function deleteCalendarDay(date: string) {
  return api.request<unknown>(`/calendar/days/${encodeURIComponent(date)}`, { method: 'DELETE' });
}

export function getCalendarStatus() {
  return api.get<CalendarStatus>('/calendar/status', undefined, { quiet: [404, 405, 501] });
}

export function putBusinessHours(periods: { start: string; end: string }[]) {
  return api.put<unknown>('/calendar/hours', { periods });
}
