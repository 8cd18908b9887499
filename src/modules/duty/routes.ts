import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { dutyMonth, generateDuty, swapDuty } from './service.js';
import { dutyMonthReply, monthParam, rotaParam, swapInput } from './schema.js';

export async function dutyRoutes(app: ZApp) {
  const { ctx } = app;
  app.post('/duty/:month/generate', {
    config: { policy: 'people.manageDuty' },
    schema: { tags: ['people'], summary: 'lay out a month fairly (before it starts; again replaces it)', params: z.object({ month: monthParam }), querystring: z.object({ rota: rotaParam }), response: { 200: dutyMonthReply } },
  }, async (req) => ctx.db.transaction((tx) => generateDuty({ month: req.params.month, rota: req.query.rota, actor: actorOf(req) }, tx, ctx)));

  app.post('/duty/:month/swap', {
    config: { policy: 'people.manageDuty' },
    schema: { tags: ['people'], summary: 'swap the people of two days (withDate) or give a day to someone else (userId), until the month starts', params: z.object({ month: monthParam }), body: swapInput, response: { 200: dutyMonthReply } },
  }, async (req) => ctx.db.transaction((tx) => swapDuty({ month: req.params.month, ...req.body, actor: actorOf(req) }, tx, ctx)));

  app.get('/duty', {
    config: { policy: 'people.readDuty' },
    schema: { tags: ['people'], querystring: z.object({ month: monthParam, rota: rotaParam }), response: { 200: dutyMonthReply } },
  }, async (req) => dutyMonth({ month: req.query.month, rota: req.query.rota }, ctx.db, ctx));
}
