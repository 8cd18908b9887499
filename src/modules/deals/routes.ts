import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { requireRole, requireStaff } from '../../server/policy.js';
import { pageQuery, paging } from '../../server/paging.js';
import { addNegotiationEntry, createDeal, dealPage, listDealsView, pipelineReport, setSecondMeeting, upcomingMeetings } from './service.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const isoTime = z.string().datetime({ offset: true, message: 'must be an ISO 8601 time with offset' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00+08:00`)), 'not a date');
const shanghaiMidnight = (d: string) => new Date(`${d}T00:00:00+08:00`);

export async function dealRoutes(app: ZApp) {
  app.post('/deals', { schema: { tags: ['deals'], body: z.object({ customerId: z.string().min(1).max(100), survey: z.record(z.string(), z.unknown()).describe('form 1: the fields of the survey form of GET /process') }) } }, async (req, reply) => {
    const actor = actorOf(req);
    requireRole(actor, 'sales');
    const deal = await app.ctx.db.transaction((tx) => createDeal({ ...req.body, actor }, tx, app.ctx));
    reply.status(201);
    return deal;
  });

  app.get('/deals', {
    schema: { tags: ['deals'], querystring: pageQuery.extend({ state: z.string().max(64).optional(), q: z.string().max(100).optional(), mine: z.enum(['true', 'false']).optional() }) },
  }, async (req) => {
    const actor = actorOf(req);
    requireStaff(actor);
    const { limit, offset } = paging(req.query);
    return listDealsView({ state: req.query.state, q: req.query.q, ownerId: req.query.mine === 'true' ? actor.id : undefined, limit, offset }, app.ctx.db, app.ctx);
  });

  // seed step B in the salesperson's inbox: the coming second meetings
  app.get('/deals/upcoming-meetings', {
    schema: { tags: ['deals'], querystring: z.object({ days: z.coerce.number().int().min(0).max(90).default(7), all: z.enum(['true', 'false']).optional() }) },
  }, async (req) => {
    const actor = actorOf(req);
    requireStaff(actor);
    return upcomingMeetings({ actor, days: req.query.days, all: req.query.all === 'true' }, app.ctx.db, app.ctx);
  });

  app.get('/reports/pipeline', {
    schema: { tags: ['reports'], querystring: z.object({ from: day.optional(), to: day.optional() }) },
  }, async (req) => {
    const actor = actorOf(req);
    requireStaff(actor);
    const { from, to } = req.query;
    return pipelineReport({
      actor, from: from ? shanghaiMidnight(from) : undefined,
      to: to ? new Date(shanghaiMidnight(to).getTime() + 86_400_000) : undefined,
    }, app.ctx.db, app.ctx);
  });

  app.get('/deals/:id', { schema: { tags: ['deals'], params: idParams } }, async (req) => {
    const actor = actorOf(req);
    requireStaff(actor);
    return dealPage({ id: req.params.id, actor }, app.ctx.db, app.ctx);
  });

  app.post('/deals/:id/negotiation-log', {
    schema: { tags: ['deals'], params: idParams, body: z.object({ kind: z.enum(['price_cut', 'contract_change', 'policy_adjustment', 'other']), note: z.string().trim().min(1).max(5000) }) },
  }, async (req, reply) => {
    const actor = actorOf(req);
    requireStaff(actor);
    const e = await app.ctx.db.transaction((tx) => addNegotiationEntry({ dealId: req.params.id, ...req.body, actor }, tx, app.ctx));
    reply.status(201);
    return e;
  });

  app.put('/deals/:id/second-meeting', {
    schema: { tags: ['deals'], params: idParams, body: z.object({ secondMeetingAt: isoTime }) },
  }, async (req) => {
    const actor = actorOf(req);
    requireStaff(actor);
    return app.ctx.db.transaction((tx) => setSecondMeeting({ dealId: req.params.id, at: new Date(req.body.secondMeetingAt), actor }, tx, app.ctx));
  });
}
