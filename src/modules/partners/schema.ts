// Reply shapes of partner companies (presentPartner in service.ts).
import { z } from 'zod';
import { day, instant, listOf } from '../../server/replies.js';

export const partnerView = z.object({
  id: z.string(),
  name: z.string(),
  certifiedUntil: day,
  ratePerRepairFen: z.number().int(),
  /** whether the certificate is valid today (Asia/Shanghai) */
  certified: z.boolean().optional(),
  createdAt: instant,
}).meta({ id: 'Partner' });

export const partnerList = listOf(partnerView).meta({ id: 'PartnerList' });
