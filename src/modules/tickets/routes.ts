import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { pageQuery, paging } from '../../server/paging.js';
import { listTicketsFor, openTicket, openTicketFromRevisit, recordSpecialReason, ticketPage } from './service.js';
import { pauseBody, ratingBody, ratingPageView, ratingReply, ticketCreated, ticketDetail, ticketListReply, ticketWithBreach } from './schema.js';
import { pauseTicket, resumeTicket } from './pause.js';
import { ratingPage, submitRating } from './rating.js';
import { presentTicket, ticketBreach } from './service.js';

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
        tier: z.string().max(40).optional(),
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

  // SLA pause (issue 16): the open deadlines stand still until the ticket resumes
  app.post('/tickets/:id/pause', {
    config: { policy: 'case.pause' },
    schema: { tags: ['tickets'], params: idParams, body: pauseBody, response: { 200: ticketWithBreach } },
  }, async (req) => {
    const actor = actorOf(req);
    return app.ctx.db.transaction(async (tx) => {
      const t = await pauseTicket({ id: req.params.id, ...req.body, actor }, tx, app.ctx);
      return { ...presentTicket(t, app.ctx.clock.now()), breach: await ticketBreach(tx, t) };
    });
  });
  app.post('/tickets/:id/resume', {
    config: { policy: 'case.pause' },
    schema: { tags: ['tickets'], params: idParams, response: { 200: ticketWithBreach } },
  }, async (req) => {
    const actor = actorOf(req);
    return app.ctx.db.transaction(async (tx) => {
      const t = await resumeTicket({ id: req.params.id, actor }, tx, app.ctx);
      return { ...presentTicket(t, app.ctx.clock.now()), breach: await ticketBreach(tx, t) };
    });
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

/** The customer's rating link (issue 16): no sign-in, rate-limited per client address, the token is the only credential. */
export async function ratingRoutes(app: ZApp) {
  const rateLimit = { max: app.ctx.config.publicRateLimit, timeWindow: '1 minute' };
  const tokenParams = z.object({ token: z.string().min(1).max(64) });
  app.get('/ratings/:token', {
    config: { policy: 'public.rating', rateLimit },
    schema: { tags: ['ratings'], security: [], params: tokenParams, response: { 200: ratingPageView } },
  }, async (req) => ratingPage(req.params.token, app.ctx.db, app.ctx));
  app.post('/ratings/:token', {
    config: { policy: 'public.rating', rateLimit },
    schema: { tags: ['ratings'], security: [], params: tokenParams, body: ratingBody, response: { 200: ratingReply } },
  }, async (req) => app.ctx.db.transaction((tx) => submitRating({ token: req.params.token, ...req.body }, tx, app.ctx)));
}
