import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { requireRole, requireStaff } from '../../server/policy.js';
import type { Role } from '../../domain/roles.js';
import { isoWeekOf, monthOf, monthParam, parseIsoWeek, parseMonth, weekParam } from './period.js';
import { partnerSettlement, weeklySummary } from './service.js';
import { renderWeeklyHtml, renderWeeklyXlsx } from './weekly-render.js';

/** The weekly summary is for the GM and the department managers. */
const WEEKLY_READERS: Role[] = ['gm', 'sales_manager', 'tech_manager', 'cs_manager'];
const weekQuery = z.object({ week: weekParam.optional() });

export async function reportRoutes(app: ZApp) {
  const summary = async (req: { query: { week?: string } } & Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    requireStaff(actor); // outsiders (partner engineers) do not learn the reports exist
    requireRole(actor, ...WEEKLY_READERS);
    const now = app.ctx.clock.now();
    const period = parseIsoWeek(req.query.week ?? isoWeekOf(now))!;
    return weeklySummary({ period, now, processes: app.ctx.processes }, app.ctx.db);
  };

  app.get('/reports/weekly', { schema: { tags: ['reports'], querystring: weekQuery } }, async (req) => summary(req));

  app.get('/reports/weekly/print', { schema: { tags: ['reports'], querystring: weekQuery } }, async (req, reply) => {
    const s = await summary(req);
    reply.type('text/html; charset=utf-8');
    return renderWeeklyHtml(s, app.ctx.processes.current());
  });

  app.get('/reports/weekly.xlsx', { schema: { tags: ['reports'], querystring: weekQuery } }, async (req, reply) => {
    const s = await summary(req);
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="weekly-${s.week}.xlsx"`);
    return renderWeeklyXlsx(s, app.ctx.processes.current());
  });

  app.get('/reports/partner-settlement', {
    schema: {
      tags: ['reports'],
      querystring: z.object({ partnerId: z.string().min(1).max(100), month: monthParam.optional() }),
    },
  }, async (req) => {
    const actor = actorOf(req);
    requireStaff(actor);
    requireRole(actor, 'tech_manager', 'gm');
    const period = parseMonth(req.query.month ?? monthOf(app.ctx.clock.now()))!;
    return partnerSettlement({ partnerId: req.query.partnerId, period, processes: app.ctx.processes }, app.ctx.db);
  });
}
