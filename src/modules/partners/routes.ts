import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { badRequest, issue } from '../../server/errors.js';
import { authorize } from '../../policies/index.js';
import { createPartner, getPartner, presentPartner, updatePartnerDetails } from './service.js';
import * as repo from './repo.js';
import { isoDate } from '../../domain/iso.js';
import { partnerList, partnerView } from './schema.js';


const fields = {
  name: z.string().trim().min(1).max(200),
  certifiedUntil: isoDate,
  ratePerRepairFen: z.number().int().min(0).max(1e9),
};
const idParams = z.object({ id: z.string().min(1).max(100) });

export async function partnerRoutes(app: ZApp) {
  app.post('/partners', {
    config: { policy: 'admin.partners' },
    schema: { tags: ['partners'], body: z.object({ ...fields, ratePerRepairFen: fields.ratePerRepairFen.optional() }), response: { 201: partnerView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const p = await app.ctx.db.transaction((tx) => createPartner({ ...req.body, actor, now: app.ctx.clock.now() }, tx));
    reply.status(201);
    return p;
  });

  app.patch('/partners/:id', {
    config: { policy: 'admin.partners' },
    schema: { tags: ['partners'], params: idParams, body: z.object(fields).partial(), response: { 200: partnerView } },
  }, async (req) => {
    const actor = actorOf(req);
    if (!Object.keys(req.body).length) throw badRequest([issue('body', 'request.nothing_to_change', { fields: 'name, certifiedUntil, ratePerRepairFen' })], 'request.nothing_to_change', { fields: 'name, certifiedUntil, ratePerRepairFen' });
    return app.ctx.db.transaction((tx) => updatePartnerDetails({ id: req.params.id, input: req.body, actor, now: app.ctx.clock.now() }, tx));
  });

  app.get('/partners', { config: { policy: 'admin.partnerList' }, schema: { tags: ['partners'], response: { 200: partnerList } } }, async (req) => {
    const now = app.ctx.clock.now();
    return { items: (await repo.listPartners(app.ctx.db)).map((p) => presentPartner(p, now)) };
  });

  app.get('/partners/:id', { config: { policy: 'admin.partnerRead' }, schema: { tags: ['partners'], params: idParams, response: { 200: partnerView } } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'admin.partnerRead', req.params.id, 'partner');
    return getPartner(app.ctx.db, req.params.id, app.ctx.clock.now());
  });
}
