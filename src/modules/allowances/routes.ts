import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { fileReply, XLSX } from '../../server/replies.js';
import { allowanceStatement, approveAllowanceMonth, putAllowanceSettings } from './service.js';
import { renderAllowanceXlsx } from './render.js';
import { allowanceSettings, allowanceStatement as statementSchema, monthParam } from './schema.js';

export async function allowanceRoutes(app: ZApp) {
  const { ctx } = app;
  app.get('/allowances', {
    config: { policy: 'people.readAllowances' },
    schema: { tags: ['people'], summary: 'gm and admin_clerk all; managers their departments; others their own', querystring: z.object({ month: monthParam }), response: { 200: statementSchema } },
  }, async (req) => allowanceStatement({ month: req.query.month, actor: actorOf(req) }, ctx.db, ctx));

  app.get('/allowances.xlsx', {
    config: { policy: 'people.readAllowances' },
    schema: { tags: ['people'], querystring: z.object({ month: monthParam }), response: { 200: fileReply(XLSX, 'the statement as an Excel workbook') } },
  }, async (req, reply) => {
    const s = await allowanceStatement({ month: req.query.month, actor: actorOf(req) }, ctx.db, ctx);
    reply.type(XLSX);
    reply.header('content-disposition', `attachment; filename="allowances-${s.month}.xlsx"`);
    return renderAllowanceXlsx(s, ctx.clock.now());
  });

  app.post('/allowances/:month/approve', {
    config: { policy: 'people.approveAllowances' },
    schema: { tags: ['people'], summary: 'the GM approves a finished month: its lines are locked', params: z.object({ month: monthParam }), response: { 200: statementSchema } },
  }, async (req) => ctx.db.transaction((tx) => approveAllowanceMonth({ month: req.params.month, actor: actorOf(req) }, tx, ctx)));

  app.put('/settings/allowances', {
    config: { policy: 'people.allowanceSettings' },
    schema: { tags: ['people'], body: allowanceSettings.partial(), response: { 200: allowanceSettings } },
  }, async (req) => ctx.db.transaction((tx) => putAllowanceSettings({ input: req.body, actor: actorOf(req) }, tx, ctx)));
}
