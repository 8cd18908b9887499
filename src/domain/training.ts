// The training rotation (培训, PROCESS §6.1). Pure: the days of the sessions, their directions and
// lecturers, from the calendar, the weekday setting and the last session held.
import type { WorkCalendar } from './calendar/index.js';

export type TrainingDirection = 'business_to_technical' | 'technical_to_business';
export const DIRECTION_LECTURER_ROLE: Record<TrainingDirection, string> = { business_to_technical: 'sales', technical_to_business: 'engineer' };
export const DIRECTION_MANAGER_ROLE: Record<TrainingDirection, string> = { business_to_technical: 'sales_manager', technical_to_business: 'tech_manager' };

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const parse = (d: string) => Date.parse(`${d}T00:00:00Z`);

/**
 * The session day of each Monday–Sunday week from the week of `from`, for `weeks` weeks: the
 * configured weekday (1 = Monday … 7 = Sunday), or when that is not a working day the latest earlier
 * working day of the same week; none that week when there is none. Days before `from` are skipped.
 */
export function trainingDays(o: { from: string; weeks: number; weekday: number; calendar: WorkCalendar }): string[] {
  const fromMs = parse(o.from);
  const dow = (new Date(fromMs).getUTCDay() + 6) % 7; // Monday = 0
  const monday = fromMs - dow * DAY_MS;
  const out: string[] = [];
  for (let w = 0; w < o.weeks; w++) {
    const weekStart = monday + w * 7 * DAY_MS;
    for (let d = o.weekday - 1; d >= 0; d--) {
      const ms = weekStart + d * DAY_MS;
      if (ms < fromMs) break;
      if (o.calendar.dayInfo(iso(ms)).workday) { out.push(iso(ms)); break; }
    }
  }
  return out;
}

export const otherDirection = (d: TrainingDirection): TrainingDirection => (d === 'business_to_technical' ? 'technical_to_business' : 'business_to_technical');

/** The next person after `last` in `people` (ordered), wrapping; the first when `last` is not among them. */
export function nextInRotation(people: string[], last: string | undefined): string | undefined {
  if (!people.length) return undefined;
  const i = last === undefined ? -1 : people.indexOf(last);
  return people[(i + 1) % people.length];
}

/** The date `n` working days before `date`. */
export function workingDaysBefore(date: string, n: number, calendar: WorkCalendar): string {
  let ms = parse(date);
  for (let left = n; left > 0;) {
    ms -= DAY_MS;
    if (calendar.dayInfo(iso(ms)).workday) left--;
  }
  return iso(ms);
}
