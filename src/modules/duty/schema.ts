import { z } from 'zod';
import { isoDate } from '../../domain/iso.js';

export const rotaParam = z.enum(['cs', 'oncall']).default('cs').describe('cs: CS duty on non-working days (cs_manager); oncall: the 7×24 on-call engineer (tech_manager)');
export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');

export const dutyItem = z.object({
  date: z.string(), userId: z.string(), kind: z.enum(['weekend', 'holiday', 'workday']),
  /** a statutory holiday day (法定): ×3; other rest days ×2; working days (on-call rota) ×1 */
  statutory: z.boolean(), multiplier: z.number().int(),
}).meta({ id: 'DutyDay' });

export const dutyMonthReply = z.object({ month: z.string(), rota: z.enum(['cs', 'oncall']), items: z.array(dutyItem) }).meta({ id: 'DutyMonth' });

export const swapInput = z.object({
  rota: rotaParam, date: isoDate, withDate: isoDate.optional(), userId: z.string().min(1).max(100).optional(),
});
