/** Service tier, a key of the definition's `tiers`. By default 'standard' runs on business hours
 *  (5×8) and 'vip' around the clock (7×24); `clocks` gives any tier its own clock. */
export type Tier = string;

/** A tier's working clock: around the clock, the calendar's business hours, or its own hours
 *  (e.g. 5×12: 08:00–20:00 on the calendar's working days). */
export type TierClock = '24x7' | 'business' | { periods: { start: string; end: string }[]; days?: 'workdays' };

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

/** An exception to the plain Mon–Fri week: a statutory holiday or a make-up working day (调休上班). */
export interface CalendarDayOverride {
  date: string /* YYYY-MM-DD */;
  kind: 'holiday' | 'makeup_workday';
  name?: string;
}

export interface CalendarData {
  days: CalendarDayOverride[];
  /** Years for which `days` reflects an official notice; other years are weekends-only. */
  officialYears: number[];
}

/** Opening periods of a working day, local time, 'HH:MM' (end may be '24:00'). */
export interface BusinessHours {
  periods: { start: string; end: string }[];
}

export interface DayInfo {
  date: string;
  workday: boolean;
  kind: DayKind;
  name?: string;
}

export interface WorkCalendar {
  /** Throws RangeError on an invalid 'YYYY-MM-DD' string. */
  dayInfo(date: string): DayInfo;
  /** Instant at which `days` of working time, counted from `from`, have elapsed. */
  dueAt(from: Date, days: number, tier: Tier): Date;
  /** `from` when it lies in working time (standard: business hours; vip: always), else the next opening. */
  nextWorkingInstant(from: Date, tier: Tier): Date;
  /** Working time from a to b in days (business days for standard, 24 h for vip); negative if b < a. */
  workingTimeBetween(a: Date, b: Date, tier: Tier): number;
  /** Working hours in one working day of the tier's clock (24 for 7×24). */
  dayHours(tier: Tier): number;
  hasOfficialData(year: number): boolean;
  readonly hours: BusinessHours;
}
