// Working-time calendar for the PRC official calendar. Pure: no I/O, no clock.
export type {
  BusinessHours,
  CalendarData,
  CalendarDayOverride,
  DayInfo,
  DayKind,
  Tier,
  TierClock,
  WorkCalendar,
} from './types.js';
export { createWorkCalendar, DEFAULT_CLOCKS, type CreateWorkCalendarOptions } from './calendar.js';
export { officialCalendarData } from './official.js';
export { DEFAULT_HOURS, formatHours, parseHours, validateHours } from './hours.js';
export { pausedWorkingTime, resumedDeadline, type PausedDeadline } from './pause.js';
export { isStatutory, overtimeMultiplier, statutoryFestival, type Festival } from './statutory.js';
