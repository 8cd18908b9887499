import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { pageQuery, paging } from '../../server/paging.js';
import { listTicketsFor, openTicket, openTicketFromRevisit, recordSpecialReason, ticketPage } from './service.js';
import { ticketCreated, ticketDetail, ticketListReply, ticketWithBreach } from './schema.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const kind = z.enum(['inquiry', 'complaint']);

export async function ticketRoutes(app: ZApp) {
  app.post('/tickets', {
    config: { policy: 'case.createTicket' },
    schema: {
      tags: ['tickets'],
      body: z.object({
        customerId: z.string().min(1).max(100),
        kind,
        problem: z.string().trim().min(1).max(5000),
        contact: z.string().trim().max(200).optional(),
      }),
      response: { 201: ticketCreated },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const t = await app.ctx.db.transaction((tx) => openTicket({ ...req.body, actor }, tx, app.ctx));
    reply.status(201);
    return t;
  });

  app.get('/tickets', {
    config: { policy: 'case.listTickets' },
    schema: {
      tags: ['tickets'],
      querystring: pageQuery.extend({
        state: z.string().max(64).optional(),
        kind: kind.optional(),
        q: z.string().max(100).optional(),
        overdue: bool.optional(),
        customerId: z.string().max(100).optional(),
        partnerId: z.string().max(100).optional(),
        tier: z.enum(['standard', 'vip']).optional(),
        sort: z.enum(['created_desc', 'due_asc']).default('created_desc'),
      }),
      response: { 200: ticketListReply },
    },
  }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return listTicketsFor({ actor: actorOf(req), filter: { ...filter, ...paging({ page, pageSize }) } }, app.ctx.db, app.ctx);
  });

  app.get('/tickets/:id', { config: { policy: 'case.read' }, schema: { tags: ['tickets'], params: idParams, response: { 200: ticketDetail } } }, async (req) => {
    return ticketPage({ id: req.params.id, actor: actorOf(req) }, app.ctx.db, app.ctx);
  });

  // 特殊原因: the CS manager explains a late ticket, so it is not counted as a breach
  app.put('/tickets/:id/special-reason', {
    config: { policy: 'case.excuse' },
    schema: { tags: ['tickets'], params: idParams, body: z.object({ reason: z.string().trim().min(1).max(2000) }), response: { 200: ticketWithBreach } },
  }, async (req) => {
    const actor = actorOf(req);
    return app.ctx.db.transaction((tx) => recordSpecialReason({ id: req.params.id, reason: req.body.reason, actor }, tx, app.ctx));
  });

  app.post('/tickets/from-revisit/:taskId', {
    config: { policy: 'case.createTicket' },
    schema: {
      tags: ['tickets'],
      params: z.object({ taskId: z.string().min(1).max(100) }),
      body: z.object({
        kind: kind.default('complaint'),
        problem: z.string().trim().max(5000).optional(),
        opinion: z.string().trim().max(5000).optional(),
        contact: z.string().trim().max(200).optional(),
      }).nullish(),
      response: { 201: ticketCreated },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const body = req.body ?? { kind: 'complaint' as const };
    const t = await app.ctx.db.transaction((tx) => openTicketFromRevisit({ taskId: req.params.taskId, ...body, actor }, tx, app.ctx));
    reply.status(201);
    return t;
  });
}
