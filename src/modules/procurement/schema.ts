// Reply shapes of purchase lists (presenters in service.ts).
import { z } from 'zod';
import { instant } from '../../server/replies.js';

export const purchaseLine = z.object({
  id: z.string(),
  dealId: z.string(),
  lineNo: z.number().int(),
  brand: z.string(),
  model: z.string(),
  quantity: z.number().int(),
  /** prices: null for a reader not on the technical assessment's copy list */
  unitPriceFen: z.number().int().nullable(),
  lineTotalFen: z.number().int().nullable(),
  supplier: z.string().nullable(),
  orderedAt: instant.nullable(),
  receivedAt: instant.nullable(),
  status: z.enum(['received', 'ordered', 'pending']),
  version: z.number().int(),
  updatedAt: instant,
}).meta({ id: 'PurchaseLine' });

export const purchaseList = z.object({
  dealId: z.string(),
  dealNumber: z.string(),
  /** false until the contract is archived */
  planned: z.boolean(),
  sourceDocumentId: z.string().nullable(),
  sourceDocumentNumber: z.string().nullable(),
  createdAt: instant.nullable(),
  closedAt: instant.nullable(),
  closedBy: z.string().nullable(),
  exception: z.string().nullable(),
  totalFen: z.number().int().nullable(),
  allReceived: z.boolean(),
  lines: z.array(purchaseLine),
}).meta({ id: 'PurchaseList' });
