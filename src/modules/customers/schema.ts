// Reply shapes of customers and the asset registry (presenters in service.ts and assets.ts).
import { z } from 'zod';
import { instant, pageOf, listOf } from '../../server/replies.js';

export const customerView = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  contactPerson: z.string(),
  phone: z.string(),
  serviceTier: z.string().nullable(),
  inServiceSince: instant.nullable(),
  nextRevisitAt: instant.nullable(),
  version: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
}).meta({ id: 'Customer' });

export const customerListReply = pageOf(customerView).meta({ id: 'CustomerPage' });

export const assetView = z.object({
  id: z.string(),
  brandModel: z.string(),
  serialNumber: z.string(),
  configDocNumber: z.string().nullable(),
  installedAt: instant,
  /** a replaced device stays in the registry, marked, linked to its successor */
  replacedAt: instant.optional(),
  replacedById: z.string().nullable().optional(),
}).meta({ id: 'Asset' });

export const customerDetail = customerView.extend({
  assets: z.array(assetView),
  deals: z.array(z.object({ id: z.string(), number: z.string(), state: z.string(), createdAt: instant })),
  tickets: z.array(z.object({
    id: z.string(), number: z.string(), kind: z.string(), state: z.string(), problem: z.string(), createdAt: instant, dueAt: instant,
  })),
  documents: z.array(z.object({ id: z.string(), form: z.string(), number: z.string(), caseId: z.string(), createdAt: instant })),
}).meta({ id: 'CustomerDetail' });

const assetLink = z.object({ id: z.string(), brandModel: z.string(), serialNumber: z.string() }).nullable();

export const assetHistory = listOf(assetView.extend({
  customerId: z.string(),
  customerName: z.string().nullable(),
  inService: z.boolean(),
  replacedBy: assetLink,
  replaces: assetLink,
})).meta({ id: 'AssetHistory' });
