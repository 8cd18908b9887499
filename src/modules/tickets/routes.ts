import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { isStaff, requireRole } from '../../server/policy.js';
import { pageQuery, paging } from '../../server/paging.js';
import { openTicket, presentTicket, ticketPage } from './service.js';
import * as repo from './repo.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export async function ticketRoutes(app: ZApp) {
  app.post('/tickets', {
    schema: {
      tags: ['tickets'],
      body: z.object({
        customerId: z.string().min(1).max(100),
        kind: z.enum(['inquiry', 'complaint']),
        problem: z.string().trim().min(1).max(5000),
        contact: z.string().trim().max(200).optional(),
      }),
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    requireRole(actor, 'cs_agent');
    const t = await app.ctx.db.transaction((tx) => openTicket({ ...req.body, actor }, tx, app.ctx));
    reply.status(201);
    return t;
  });

  app.get('/tickets', {
    schema: { tags: ['tickets'], querystring: pageQuery.extend({ state: z.string().max(64).optional(), kind: z.enum(['inquiry', 'complaint']).optional(), q: z.string().max(100).optional() }) },
  }, async (req) => {
    const actor = actorOf(req);
    const { limit, offset } = paging(req.query);
    // partner engineers see only their company's tickets
    const partnerId = isStaff(actor) ? undefined : actor.partnerId ?? '-';
    const { items, total } = await repo.listTickets(app.ctx.db, { ...req.query, partnerId, limit, offset });
    const now = app.ctx.clock.now();
    return { items: items.map((r) => ({ ...presentTicket(r.ticket, now), customerName: r.customerName })), total };
  });

  app.get('/tickets/:id', { schema: { tags: ['tickets'], params: idParams } }, async (req) => {
    return ticketPage({ id: req.params.id, actor: actorOf(req) }, app.ctx.db, app.ctx);
  });
}
