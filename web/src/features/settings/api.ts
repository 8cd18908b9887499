import { api, type Schemas } from '../../app/api';

export type CalendarDay = Schemas['CalendarDay'];
/** A holiday or make-up workday entered for the year (official or by the sysadmin). */
export type CalendarOverride = Schemas['CalendarOverride'];
export type CalendarStatus = Schemas['CalendarStatus'];

export function getCalendarDay(date: string) {
  return api.get<CalendarDay>(`/calendar/days/${encodeURIComponent(date)}`);
}

export function listCalendarDays(year: number) {
  return api.get<Schemas['CalendarYear']>('/calendar/days', { year });
}

export function putCalendarDay(date: string, body: { kind: 'holiday' | 'makeup_workday'; name?: string }) {
  return api.put<CalendarOverride>(`/calendar/days/${encodeURIComponent(date)}`, body);
}

export function deleteCalendarDay(date: string) {
  return api.request<Schemas['Ok']>(`/calendar/days/${encodeURIComponent(date)}`, { method: 'DELETE' });
}

export function getCalendarStatus() {
  return api.get<CalendarStatus>('/calendar/status');
}

export function putBusinessHours(periods: { start: string; end: string }[]) {
  return api.put<Schemas['BusinessHours']>('/calendar/hours', { periods });
}
