// Requests and replies of leads and commission statements (API.md "Management and people").
import { z } from 'zod';
import { instant, listOf } from '../../server/replies.js';
import { LEAD_CLASSES } from '../../domain/commission.js';

const leadClass = z.enum(LEAD_CLASSES);
const text = (max: number) => z.string().trim().min(1).max(max);

export const leadInput = z.object({
  customerName: text(200),
  contactPerson: text(100).optional(),
  phone: text(40).optional(),
  customerId: z.string().min(1).max(100).optional().describe('an existing customer (its name is taken)'),
  need: text(2000),
  claimedClass: leadClass,
  justification: text(2000).optional().describe('why the referrer claims this class'),
});

export const leadView = z.object({
  id: z.string(), number: z.string(), state: z.enum(['new', 'accepted', 'rejected', 'converted']),
  referrerId: z.string(), customerId: z.string().nullable(), customerName: z.string(), contactPerson: z.string().nullable(), phone: z.string().nullable(),
  need: z.string(), claimedClass: leadClass, justification: z.string().nullable(),
  /** the class the sales manager confirmed or changed to, and the reason (shown to the referrer) */
  class: leadClass.nullable(), classReason: z.string().nullable(),
  salespersonId: z.string().nullable(), rejectReason: z.string().nullable(), dealId: z.string().nullable(),
  /** the sales manager's override of salesIncomePct for this deal */
  incomePct: z.number().nullable(), incomePctReason: z.string().nullable(),
  createdAt: instant, updatedAt: instant,
}).meta({ id: 'Lead' });

export const leadListItem = leadView.extend({ referrerName: z.string().nullable(), salespersonName: z.string().nullable() }).meta({ id: 'LeadListItem' });
export const leadList = listOf(leadListItem);

export const acceptInput = z.object({ salespersonId: z.string().min(1).max(100), class: leadClass, classReason: text(1000).optional() });
export const rejectInput = z.object({ reason: text(1000) });
export const incomePctInput = z.object({ pct: z.number().min(0).max(100), reason: text(1000) });

export const commissionLine = z.object({
  leadId: z.string(), leadNumber: z.string(), dealId: z.string(), dealNumber: z.string().nullable(), customerName: z.string(),
  referrerId: z.string(), referrerName: z.string().nullable(), salespersonId: z.string(), salespersonName: z.string().nullable(),
  class: leadClass, amountFen: z.number().int(),
  /** the salesperson's income percentage used for this deal (the setting, or the manager's override) */
  salesIncomePct: z.number(), incomePctReason: z.string().nullable(),
  /** the class's share of the base: 15, 35 or 75 */
  pct: z.number(), baseFen: z.number().int(), commissionFen: z.number().int(),
  signedAt: instant, installedAt: instant.nullable(),
  state: z.enum(['pending', 'due', 'paid']), paidAt: instant.nullable(),
  /** on the salesperson's own statement: the same amount, deducted from their income */
  deductionFen: z.number().int().nullable(),
}).meta({ id: 'CommissionLine' });

export const commissionStatement = z.object({
  month: z.string(), salesIncomePct: z.number(),
  approved: z.object({ at: instant, by: z.string(), byName: z.string().nullable() }).nullable(),
  items: z.array(commissionLine),
}).meta({ id: 'CommissionStatement' });

export const monthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM') });
