import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { pageQuery, paging } from '../../server/paging.js';
import { isoDate, isoTime, shanghaiMidnight } from '../../domain/iso.js';
import { addNegotiationEntry, createDeal, dealPage, listDealsView, pipelineReport, setSecondMeeting, upcomingMeetings } from './service.js';
import { dealCreated, dealDetail, dealListReply, dealView, negotiationEntry, pipelineReply, upcomingMeetingsReply } from './schema.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export async function dealRoutes(app: ZApp) {
  app.post('/deals', { config: { policy: 'case.createDeal' }, schema: { tags: ['deals'], body: z.object({ customerId: z.string().min(1).max(100), survey: z.record(z.string(), z.unknown()).describe('form 1: the fields of the survey form of GET /process'), leadId: z.string().min(1).max(100).optional().describe('the accepted lead this deal comes from (issue 14): it becomes converted') }), response: { 201: dealCreated } } }, async (req, reply) => {
    const actor = actorOf(req);
    const deal = await app.ctx.db.transaction((tx) => createDeal({ ...req.body, actor }, tx, app.ctx));
    reply.status(201);
    return deal;
  });

  app.get('/deals', {
    config: { policy: 'case.listDeals' },
    schema: { tags: ['deals'], querystring: pageQuery.extend({ /** one state, or several separated by commas (a board's stage) */ state: z.string().max(400).optional(), q: z.string().max(100).optional(), mine: z.enum(['true', 'false']).optional() }), response: { 200: dealListReply } },
  }, async (req) => {
    const actor = actorOf(req);
    const { limit, offset } = paging(req.query);
    return listDealsView({ actor, state: req.query.state, q: req.query.q, ownerId: req.query.mine === 'true' ? actor.id : undefined, limit, offset }, app.ctx.db, app.ctx);
  });

  // seed step B in the salesperson's inbox: the coming second meetings
  app.get('/deals/upcoming-meetings', {
    config: { policy: 'case.upcomingMeetings' },
    schema: { tags: ['deals'], querystring: z.object({ days: z.coerce.number().int().min(0).max(90).default(7), all: z.enum(['true', 'false']).optional() }), response: { 200: upcomingMeetingsReply } },
  }, async (req) => {
    const actor = actorOf(req);
    return upcomingMeetings({ actor, days: req.query.days, all: req.query.all === 'true' }, app.ctx.db, app.ctx);
  });

  app.get('/reports/pipeline', {
    config: { policy: 'report.pipeline' },
    schema: { tags: ['reports'], querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }), response: { 200: pipelineReply } },
  }, async (req) => {
    const actor = actorOf(req);
    const { from, to } = req.query;
    return pipelineReport({
      actor, from: from ? shanghaiMidnight(from) : undefined,
      to: to ? new Date(shanghaiMidnight(to).getTime() + 86_400_000) : undefined,
    }, app.ctx.db, app.ctx);
  });

  app.get('/deals/:id', { config: { policy: 'case.read' }, schema: { tags: ['deals'], params: idParams, response: { 200: dealDetail } } }, async (req) => {
    const actor = actorOf(req);
    return dealPage({ id: req.params.id, actor }, app.ctx.db, app.ctx);
  });

  app.post('/deals/:id/negotiation-log', {
    config: { policy: 'case.negotiate' },
    schema: { tags: ['deals'], params: idParams, body: z.object({ kind: z.enum(['price_cut', 'contract_change', 'policy_adjustment', 'other']), note: z.string().trim().min(1).max(5000) }), response: { 201: negotiationEntry } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const e = await app.ctx.db.transaction((tx) => addNegotiationEntry({ dealId: req.params.id, ...req.body, actor }, tx, app.ctx));
    reply.status(201);
    return e;
  });

  app.put('/deals/:id/second-meeting', {
    config: { policy: 'case.scheduleMeeting' },
    schema: { tags: ['deals'], params: idParams, body: z.object({ secondMeetingAt: isoTime }), response: { 200: dealView } },
  }, async (req) => {
    const actor = actorOf(req);
    return app.ctx.db.transaction((tx) => setSecondMeeting({ dealId: req.params.id, at: new Date(req.body.secondMeetingAt), actor }, tx, app.ctx));
  });
}
