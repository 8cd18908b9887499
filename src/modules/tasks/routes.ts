import { and, eq, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { pageQuery, paging } from '../../server/paging.js';
import { hasRole, isStaff, managedDepartments } from '../../policies/actor.js';
import { badRequest, issue } from '../../server/errors.js';
import { assignTask, completeTask, presentTaskFor } from './service.js';
import * as repo from './repo.js';
import { completeTaskReply, taskListReply, taskView } from './schema.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export async function taskRoutes(app: ZApp) {
  app.get('/tasks', {
    config: { policy: 'task.list' },
    schema: {
      tags: ['tasks'],
      querystring: pageQuery.extend({
        mine: bool.optional(),
        status: z.enum(['open', 'done']).optional(),
        step: z.string().max(64).optional(),
        caseId: z.string().max(100).optional(),
        overdue: bool.optional(),
        q: z.string().max(100).optional(),
        sort: z.enum(['due_asc', 'due_desc', 'created_desc']).default('due_asc'),
      }),
      response: { 200: taskListReply },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const { ctx } = app;
    const now = ctx.clock.now();
    const qy = req.query;
    // mine, or (for managers) the open work of the departments they manage; gm sees all
    let scope: SQL | undefined;
    let branches: SQL[] | undefined;
    if (qy.mine !== false || !isStaff(actor)) branches = repo.mineBranches(actor);
    else if (!hasRole(actor, 'gm', 'sysadmin')) {
      const managed = managedDepartments(actor);
      scope = managed !== 'all' && managed.length ? or(repo.mineCondition(actor), ...managed.map((d) => eq(repo.tasksTable.department, d))) : repo.mineCondition(actor);
    }
    const where = and(
      scope,
      qy.status ? eq(repo.tasksTable.status, qy.status) : undefined,
      qy.step ? eq(repo.tasksTable.step, qy.step) : undefined,
      qy.caseId ? eq(repo.tasksTable.caseId, qy.caseId) : undefined,
      qy.overdue ? and(eq(repo.tasksTable.status, 'open'), lt(repo.tasksTable.dueAt, now)) : undefined,
      qy.q ? repo.customerNameMatches(qy.q) : undefined,
    );
    const { limit, offset } = paging(qy);
    const { items, total } = await repo.listTasks(ctx.db, { where, branches, limit, offset, order: qy.sort });
    const calendar = await ctx.calendars.get(ctx.db);
    const capped = !!branches && total > repo.COUNT_CAP;
    return { items: items.map((r) => presentTaskFor(actor, ctx.processes.current(), r.task, now, calendar, r)), total: capped ? repo.COUNT_CAP : total, ...(capped ? { totalCapped: true as const } : {}) };
  });

  app.post('/tasks/:id/complete', {
    config: { policy: 'task.complete' },
    schema: {
      tags: ['tasks'],
      params: idParams,
      body: z.object({
        outcome: z.string().min(1).max(64).optional(),
        form: z.record(z.string(), z.unknown()).optional(),
        note: z.string().max(5000).optional(),
        specialReason: z.string().max(2000).optional(),
      }).nullish(),
      response: { 200: completeTaskReply },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const body = req.body ?? {};
    return app.ctx.db.transaction((tx) => completeTask({ taskId: req.params.id, actor, ...body }, tx, app.ctx));
  });

  app.post('/tasks/:id/assign', {
    config: { policy: 'task.assign' },
    schema: {
      tags: ['tasks'],
      params: idParams,
      body: z.object({ assigneeId: z.string().min(1).max(100).optional(), partnerId: z.string().min(1).max(100).optional() }),
      response: { 200: taskView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const { assigneeId, partnerId } = req.body;
    if (!!assigneeId === !!partnerId) throw badRequest([issue('assigneeId', 'request.exactly_one', { fields: 'assigneeId, partnerId' })], 'request.exactly_one', { fields: 'assigneeId, partnerId' });
    return app.ctx.db.transaction((tx) => assignTask({ taskId: req.params.id, actor, assigneeId, partnerId }, tx, app.ctx));
  });
}
