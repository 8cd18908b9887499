// Reply shapes of the working-time calendar (routes.ts, admin.ts).
import { z } from 'zod';
import { day, instant } from '../../server/replies.js';

export const dueReply = z.object({ dueAt: instant }).meta({ id: 'Due' });

export const dayInfo = z.object({
  date: day,
  workday: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']),
  name: z.string().optional(),
  /** whether the year's official schedule is known */
  officialData: z.boolean(),
}).meta({ id: 'CalendarDay' });

export const calendarOverride = z.object({
  date: day, kind: z.string(), name: z.string().nullable(), source: z.string(),
}).meta({ id: 'CalendarOverride' });

export const calendarYear = z.object({
  year: z.number().int(), officialData: z.boolean(), items: z.array(calendarOverride),
}).meta({ id: 'CalendarYear' });

export const businessHours = z.object({
  periods: z.array(z.object({ start: z.string(), end: z.string() })),
}).meta({ id: 'BusinessHours' });

export const calendarStatusReply = z.object({
  hours: businessHours,
  officialYears: z.array(z.number().int()),
  missingYears: z.array(z.number().int()),
  warning: z.string().nullable(),
}).meta({ id: 'CalendarStatus' });
