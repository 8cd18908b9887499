// HTTP of the management reports: validate → authorize (policy) → service → reply.
import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { badRequest, fieldError, issue } from '../../server/errors.js';
import { appendAudit } from '../audit/service.js';
import { parseMonth, monthOf, monthParam } from '../reports/period.js';
import { departmentResults, putTargets, readTargets, targetsSchema } from './departments.js';
import { engineerMeasureCases, engineerScores, engineerTrend, type Range } from './engineers.js';
import { engineerMeasure, engineerMeasureReply, engineerScoresReply, engineerTrendQuery, engineerTrendReply, reviewsReply, managementSettingsSchema, periodQuery, salesReviewReply, departmentResultsReply, reviewInput, reviewView, reviewsQuery, reviewSubjectsReply } from './schema.js';
import { listReviews, recordReview, subjectsFor } from './reviews.js';
import { paging } from '../../server/paging.js';
import { departmentResultsHtml, departmentResultsXlsx, engineerScoresHtml, engineerScoresXlsx, salesReviewHtml, salesReviewXlsx } from './render.js';
import { fileReply, HTML, XLSX } from '../../server/replies.js';
import type { PolicyName } from '../../policies/index.js';
import { salesReview } from './sales.js';
import { readManagementSettings, writeManagementSettings } from './settings.js';
import { shanghaiMidnight } from '../../domain/iso.js';

/** from/to as Shanghai dates (to exclusive); either left out: this month's bound. */
export function rangeOf(q: { from?: string; to?: string }, now: Date): Range {
  const month = parseMonth(monthOf(now))!;
  const range = { from: q.from ? shanghaiMidnight(q.from) : month.from, to: q.to ? shanghaiMidnight(q.to) : month.to };
  if (range.to <= range.from) throw fieldError('to', 'report.period_empty');
  return range;
}

const monthQuery = z.object({ month: monthParam.optional() });
type Req<Q> = Parameters<typeof actorOf>[0] & { query: Q };

export async function managementRoutes(app: ZApp) {
  const tags = ['management'];
  const engineers = (req: Req<{ from?: string; to?: string }>) =>
    engineerScores({ actor: actorOf(req), range: rangeOf(req.query, app.ctx.clock.now()) }, app.ctx.db, app.ctx);
  const sales = (req: Req<{ from?: string; to?: string }>) =>
    salesReview({ actor: actorOf(req), range: rangeOf(req.query, app.ctx.clock.now()) }, app.ctx.db, app.ctx);
  const departments = (req: Req<{ month?: string }>) =>
    departmentResults({ actor: actorOf(req), period: parseMonth(req.query.month ?? monthOf(app.ctx.clock.now()))! }, app.ctx.db, app.ctx);

  /** A report as an Excel workbook (`<path>.xlsx`) and as an A4 page (`<path>/print`): the same
   *  query, policy and data as `<path>`. */
  function exported<Q extends { from?: string; to?: string } | { month?: string }, R>(path: string, policy: PolicyName, querystring: z.ZodType<Q>, what: string, load: (req: Req<Q>) => Promise<R>, out: {
    file: (r: R) => string; xlsx: (r: R) => Promise<Buffer>; html: (r: R, now: Date) => string; landscape?: boolean;
  }) {
    app.get(`${path}.xlsx`, {
      config: { policy }, schema: { tags, querystring, response: { 200: fileReply(XLSX, `${what} as an Excel workbook`) } },
    }, async (req, reply) => {
      const r = await load(req as unknown as Req<Q>);
      reply.type(XLSX).header('content-disposition', `attachment; filename="${out.file(r)}"`);
      return out.xlsx(r);
    });
    app.get(`${path}/print`, {
      config: { policy }, schema: { tags, querystring, response: { 200: fileReply(HTML, `${what} as a printable A4${out.landscape ? ' (landscape)' : ''} page`) } },
    }, async (req, reply) => {
      const r = await load(req as unknown as Req<Q>);
      reply.type(HTML);
      return out.html(r, app.ctx.clock.now());
    });
  }
  exported('/reports/engineers', 'report.engineers', periodQuery, 'the engineer scores', engineers, { file: () => 'engineer-scores.xlsx', xlsx: engineerScoresXlsx, html: engineerScoresHtml, landscape: true });
  exported('/reports/sales', 'report.sales', periodQuery, 'the sales review with the lost reasons', sales, { file: () => 'sales-review.xlsx', xlsx: salesReviewXlsx, html: salesReviewHtml, landscape: true });
  exported('/reports/departments', 'report.departments', monthQuery, 'the department results against their targets', departments, { file: (r) => `departments-${r.month}.xlsx`, xlsx: departmentResultsXlsx, html: departmentResultsHtml });

  app.get('/reports/engineers', {
    config: { policy: 'report.engineers' },
    schema: { tags, summary: 'engineer and partner scores (PROCESS §6.1)', querystring: periodQuery, response: { 200: engineerScoresReply } },
  }, async (req) => engineers(req));

  app.get('/reports/engineers/:subjectId/tickets', {
    config: { policy: 'report.engineers' },
    schema: {
      tags, summary: 'the tickets (installations: deals) behind one number of an engineer\'s or partner company\'s row',
      params: z.object({ subjectId: z.string().min(1).max(100) }),
      querystring: periodQuery.extend({ measure: engineerMeasure }),
      response: { 200: engineerMeasureReply },
    },
  }, async (req) => engineerMeasureCases({
    actor: actorOf(req), subjectId: req.params.subjectId, measure: req.query.measure, range: rangeOf(req.query, app.ctx.clock.now()),
  }, app.ctx.db, app.ctx));

  app.get('/reports/engineers/trend', {
    config: { policy: 'report.engineers' },
    schema: {
      tags, summary: 'one engineer\'s (or partner company\'s) score and rates month by month, the last N Shanghai months ending with the current one (an engineer: own id only)',
      querystring: engineerTrendQuery, response: { 200: engineerTrendReply },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return engineerTrend({ actor, subjectId: req.query.subjectId ?? actor.id, months: req.query.months }, app.ctx.db, app.ctx);
  });

  app.get('/reports/sales', {
    config: { policy: 'report.sales' },
    schema: { tags, summary: 'the sales review per salesperson, with lost reasons and competitors (PROCESS §6.1)', querystring: periodQuery, response: { 200: salesReviewReply } },
  }, async (req) => sales(req));

  app.get('/reports/departments', {
    config: { policy: 'report.departments' },
    schema: { tags, summary: 'each department\'s results of a month against its targets (the GM: every department; a manager: their own)', querystring: monthQuery, response: { 200: departmentResultsReply } },
  }, async (req) => departments(req));

  const targetsReply = z.object({ month: z.string(), targets: targetsSchema });
  app.get('/targets/:month', {
    config: { policy: 'report.departments' },
    schema: { tags, params: z.object({ month: monthParam }), response: { 200: targetsReply } },
  }, async (req) => ({ month: req.params.month, targets: await readTargets(app.ctx.db, req.params.month) }));
  app.put('/targets/:month', {
    config: { policy: 'report.targets' },
    schema: { tags, summary: 'the month\'s targets (rates 0–1, amounts in fen); a key left out keeps its target, null removes it', params: z.object({ month: monthParam }), body: targetsSchema, response: { 200: targetsReply } },
  }, async (req) => app.ctx.db.transaction((tx) => putTargets({ actor: actorOf(req), month: req.params.month, targets: req.body, now: app.ctx.clock.now() }, tx)));

  app.post('/reviews', {
    config: { policy: 'review.create' },
    schema: { tags, summary: 'record a reward or penalty (奖惩) for someone of the manager\'s department or a partner company; audited', body: reviewInput, response: { 201: reviewView } },
  }, async (req, reply) => {
    if (!req.body.userId === !req.body.partnerId) throw badRequest([issue('userId', 'request.exactly_one', { fields: 'userId, partnerId' })], 'request.exactly_one', { fields: 'userId, partnerId' });
    const r = await app.ctx.db.transaction((tx) => recordReview({ actor: actorOf(req), input: req.body }, tx, app.ctx));
    reply.status(201);
    return r;
  });
  app.get('/reviews', {
    config: { policy: 'review.read' },
    schema: {
      tags, summary: 'rewards and penalties: of one person or partner company, or every record the reader may read; searched, filtered and paged, with the sums of every match',
      querystring: reviewsQuery,
      response: { 200: reviewsReply },
    },
  }, async (req) => {
    const { userId, partnerId, month, kind, q } = req.query;
    return listReviews({ actor: actorOf(req), userId, partnerId, kind, q, period: month ? parseMonth(month)! : undefined, ...paging(req.query) }, app.ctx.db);
  });

  app.get('/reviews/subjects', {
    config: { policy: 'review.create' },
    schema: { tags, summary: 'the people and partner companies the reader may record a reward or penalty for', response: { 200: reviewSubjectsReply } },
  }, async (req) => {
    const subjects = await subjectsFor(app.ctx.db, actorOf(req), 'review.create');
    return {
      users: subjects.users.filter((u) => u.active && !u.partnerId).map((u) => ({ id: u.id, name: u.name })),
      partners: subjects.partners,
    };
  });

  app.get('/settings/management', {
    config: { policy: 'report.engineers' },
    schema: { tags, summary: 'score weights, repeat-fault window, feedback period', response: { 200: managementSettingsSchema } },
  }, async () => readManagementSettings(app.ctx.db));

  app.put('/settings/management', {
    config: { policy: 'report.settings' },
    schema: { tags, body: managementSettingsSchema.partial(), response: { 200: managementSettingsSchema } },
  }, async (req) => {
    const actor = actorOf(req);
    const now = app.ctx.clock.now();
    return app.ctx.db.transaction(async (tx) => {
      const before = await readManagementSettings(tx);
      const after = managementSettingsSchema.parse({ ...before, ...req.body });
      await writeManagementSettings(tx, after, now);
      await appendAudit(tx, { at: now, actorId: actor.id, action: 'settings.management', entity: 'settings', entityId: 'management', before, after });
      return after;
    });
  });
}
