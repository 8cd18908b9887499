// HTTP of the feedback reports: the list, and one report with its opinions, review and adjustments.
import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { feedbackReport, listFeedbackReports } from './service.js';
import { feedbackReportDetail, feedbackReportList } from './schema.js';

export async function feedbackRoutes(app: ZApp) {
  const tags = ['management'];
  app.get('/feedback-reports', {
    config: { policy: 'report.weekly' },
    schema: { tags, summary: 'the feedback reports (客户反馈汇总), newest first', response: { 200: feedbackReportList } },
  }, async (req) => listFeedbackReports({ actor: actorOf(req) }, app.ctx.db));
  app.get('/feedback-reports/:id', {
    config: { policy: 'report.weekly' },
    schema: { tags, summary: 'one feedback report: the period\'s customer opinions by customer, the CS summary, the GM\'s findings, each adjustment and its task', params: z.object({ id: z.string().min(1).max(100) }), response: { 200: feedbackReportDetail } },
  }, async (req) => feedbackReport({ actor: actorOf(req), id: req.params.id }, app.ctx.db, app.ctx));
}
