import { z } from 'zod';
import { isoTime } from '../../domain/iso.js';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { maskCopiedFields } from '../../policies/form.js';
import { purchaseListOfDeal, updatePurchaseLine } from './service.js';
import { purchaseLine, purchaseList } from './schema.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const isoOrNull = isoTime.nullable().optional();

const purchaseLinePatch = z.object({
  supplier: z.string().trim().min(1, 'required').max(200).nullable().optional(),
  orderedAt: isoOrNull,
  receivedAt: isoOrNull,
  /** the line's version as read, to refuse a stale write */
  version: z.number().int().positive().optional(),
}).strict();

const toDate = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));

export async function procurementRoutes(app: ZApp) {
  app.get('/deals/:id/purchases', { config: { policy: 'case.purchases' }, schema: { tags: ['procurement'], params: idParams, response: { 200: purchaseList } } }, async (req) => {
    return purchaseListOfDeal({ dealId: req.params.id, actor: actorOf(req) }, app.ctx.db, app.ctx);
  });

  app.patch('/purchases/:id', { config: { policy: 'case.procure' }, schema: { tags: ['procurement'], params: idParams, body: purchaseLinePatch, response: { 200: purchaseLine } } }, async (req) => {
    const actor = actorOf(req);
    const { version, supplier, orderedAt, receivedAt } = req.body;
    const line = await app.ctx.db.transaction((tx) => updatePurchaseLine({
      lineId: req.params.id, version, actor, now: app.ctx.clock.now(),
      patch: { supplier, orderedAt: toDate(orderedAt), receivedAt: toDate(receivedAt) },
    }, tx));
    return maskCopiedFields(actor, app.ctx.processes.current(), line);
  });
}
