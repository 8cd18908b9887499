import { z } from 'zod';
import { instant } from '../../server/replies.js';

export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');

export const allowanceSettings = z.object({
  dutyDayFen: z.number().int().min(0).max(1e8).nullable(),
  installationDayFen: z.number().int().min(0).max(1e8).nullable(),
  vipHourFen: z.number().int().min(0).max(1e8).nullable(),
  oncallMode: z.enum(['hours', 'fixed']),
  oncallMonthlyFen: z.number().int().min(0).max(1e9).nullable(),
}).meta({ id: 'AllowanceSettings' });

export const allowanceLine = z.object({
  userId: z.string(), userName: z.string().nullable(), kind: z.enum(['cs_duty', 'holiday_installation', 'vip_oncall']),
  date: z.string().nullable(), caseId: z.string().nullable(), caseNumber: z.string().nullable(),
  statutory: z.boolean(), multiplier: z.number(), units: z.number(), unit: z.enum(['day', 'hour', 'month']),
  rateFen: z.number().int().nullable(), amountFen: z.number().int().nullable(), source: z.string(),
}).meta({ id: 'AllowanceLine' });

export const allowanceStatement = z.object({
  month: z.string(), settings: allowanceSettings,
  approved: z.object({ at: instant, by: z.string(), byName: z.string().nullable() }).nullable(),
  items: z.array(allowanceLine),
}).meta({ id: 'AllowanceStatement' });
