import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { isoWeekOf, monthOf, monthParam, parseIsoWeek, parseMonth, weekParam } from './period.js';
import { partnerSettlement, weeklySummary, weeklySummaryFor } from './service.js';
import { renderWeeklyHtml, renderWeeklyXlsx } from './weekly-render.js';
import { fileReply, HTML, XLSX } from '../../server/replies.js';
import { partnerSettlement as partnerSettlementSchema, weeklySummary as weeklySummarySchema } from './schema.js';

const weekQuery = z.object({ week: weekParam.optional() });

export async function reportRoutes(app: ZApp) {
  const summary = async (req: { query: { week?: string } } & Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    const now = app.ctx.clock.now();
    const period = parseIsoWeek(req.query.week ?? isoWeekOf(now))!;
    return weeklySummaryFor(actor, app.ctx.processes.current(), await weeklySummary({ period, now, processes: app.ctx.processes }, app.ctx.db));
  };

  app.get('/reports/weekly', { config: { policy: 'report.weekly' }, schema: { tags: ['reports'], querystring: weekQuery, response: { 200: weeklySummarySchema } } }, async (req) => summary(req));

  app.get('/reports/weekly/print', { config: { policy: 'report.weekly' }, schema: { tags: ['reports'], querystring: weekQuery, response: { 200: fileReply(HTML, 'the printable weekly summary') } } }, async (req, reply) => {
    const s = await summary(req);
    reply.type('text/html; charset=utf-8');
    return renderWeeklyHtml(s, app.ctx.processes.current());
  });

  app.get('/reports/weekly.xlsx', { config: { policy: 'report.weekly' }, schema: { tags: ['reports'], querystring: weekQuery, response: { 200: fileReply(XLSX, 'the weekly summary as an Excel workbook') } } }, async (req, reply) => {
    const s = await summary(req);
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="weekly-${s.week}.xlsx"`);
    return renderWeeklyXlsx(s, app.ctx.processes.current());
  });

  app.get('/reports/partner-settlement', {
    config: { policy: 'report.settlement' },
    schema: {
      tags: ['reports'],
      querystring: z.object({ partnerId: z.string().min(1).max(100), month: monthParam.optional() }),
      response: { 200: partnerSettlementSchema },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const period = parseMonth(req.query.month ?? monthOf(app.ctx.clock.now()))!;
    return partnerSettlement({ partnerId: req.query.partnerId, period, processes: app.ctx.processes }, app.ctx.db);
  });
}
