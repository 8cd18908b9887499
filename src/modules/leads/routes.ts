import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { fileReply, XLSX } from '../../server/replies.js';
import {
  acceptLead, approveCommissionMonth, commissionStatement, createLead, listLeads, overrideIncomePct, payCommission, rejectLead, setSalesIncomePct,
} from './service.js';
import { renderCommissionXlsx } from './render.js';
import { acceptInput, commissionStatement as statementSchema, incomePctInput, leadInput, leadList, leadView, monthQuery, rejectInput } from './schema.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export async function leadRoutes(app: ZApp) {
  const { ctx } = app;

  app.post('/leads', {
    config: { policy: 'people.createLead' },
    schema: { tags: ['people'], summary: 'staff outside the business department pass a lead to sales', body: leadInput, response: { 201: leadView } },
  }, async (req, reply) => {
    const out = await ctx.db.transaction((tx) => createLead({ input: req.body, actor: actorOf(req) }, tx, ctx));
    reply.status(201);
    return out;
  });

  app.get('/leads', {
    config: { policy: 'people.listLeads' },
    schema: { tags: ['people'], summary: 'the sales manager and GM all; others the leads they referred or were given', querystring: z.object({ state: z.enum(['new', 'accepted', 'rejected', 'converted']).optional() }), response: { 200: leadList } },
  }, async (req) => listLeads({ actor: actorOf(req), state: req.query.state }, ctx.db));

  app.post('/leads/:id/accept', {
    config: { policy: 'people.triageLead' },
    schema: { tags: ['people'], summary: 'confirm or change the class (a change needs classReason) and give the lead to a salesperson: opens the lead_contact step', params: idParams, body: acceptInput, response: { 200: leadView } },
  }, async (req) => ctx.db.transaction((tx) => acceptLead({ id: req.params.id, ...req.body, actor: actorOf(req) }, tx, ctx)));

  app.post('/leads/:id/reject', {
    config: { policy: 'people.triageLead' },
    schema: { tags: ['people'], params: idParams, body: rejectInput, response: { 200: leadView } },
  }, async (req) => ctx.db.transaction((tx) => rejectLead({ id: req.params.id, reason: req.body.reason, actor: actorOf(req) }, tx, ctx)));

  app.put('/leads/:id/income-pct', {
    config: { policy: 'people.triageLead' },
    schema: { tags: ['people'], summary: "override the salesperson's income percentage (the commission base) of this lead's deal", params: idParams, body: incomePctInput, response: { 200: leadView } },
  }, async (req) => ctx.db.transaction((tx) => overrideIncomePct({ id: req.params.id, ...req.body, actor: actorOf(req) }, tx, ctx)));

  app.get('/commissions', {
    config: { policy: 'people.readCommissions' },
    schema: { tags: ['people'], summary: 'the month statement: lines signed or due in the month (gm, sales_manager, admin_clerk all; others their own)', querystring: monthQuery, response: { 200: statementSchema } },
  }, async (req) => commissionStatement({ month: req.query.month, actor: actorOf(req) }, ctx.db, ctx));

  app.get('/commissions.xlsx', {
    config: { policy: 'people.readCommissions' },
    schema: { tags: ['people'], querystring: monthQuery, response: { 200: fileReply(XLSX, 'the statement as an Excel workbook, one row per line with its source figures') } },
  }, async (req, reply) => {
    const s = await commissionStatement({ month: req.query.month, actor: actorOf(req) }, ctx.db, ctx);
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="commissions-${s.month}.xlsx"`);
    return renderCommissionXlsx(s, ctx.clock.now());
  });

  app.post('/commissions/:month/approve', {
    config: { policy: 'people.approveCommissions' },
    schema: { tags: ['people'], summary: 'the GM approves a finished month: its lines are locked', params: monthQuery, response: { 200: statementSchema } },
  }, async (req) => ctx.db.transaction((tx) => approveCommissionMonth({ month: req.params.month, actor: actorOf(req) }, tx, ctx)));

  app.post('/commissions/:month/lines/:leadId/pay', {
    config: { policy: 'people.payCommissions' },
    schema: { tags: ['people'], summary: 'administration marks a due line of an approved month paid', params: monthQuery.extend({ leadId: z.string().min(1).max(100) }), response: { 200: statementSchema } },
  }, async (req) => ctx.db.transaction((tx) => payCommission({ month: req.params.month, leadId: req.params.leadId, actor: actorOf(req) }, tx, ctx)));

  app.put('/settings/commission', {
    config: { policy: 'people.commissionSettings' },
    schema: { tags: ['people'], body: z.object({ salesIncomePct: z.number().min(0).max(100) }), response: { 200: z.object({ salesIncomePct: z.number() }) } },
  }, async (req) => ctx.db.transaction((tx) => setSalesIncomePct({ pct: req.body.salesIncomePct, actor: actorOf(req) }, tx, ctx)));
}
