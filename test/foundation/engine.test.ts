// The task engine: generic inbox and completion, one 200 and one 409 under concurrency,
// on one app and on two app instances sharing one database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { createDeal, openTaskOf } from '../support/factories.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/db/client.js';
import { createContext } from '../../src/server/bootstrap.js';
import { buildApp } from '../../src/server/app.js';
import { runSweeps } from '../../src/server/jobs.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

describe('task engine', () => {
  it('lists my open tasks with the API.md task shape, sorted by due time', async () => {
    const { deal } = await createDeal(t);
    const r = await t.call('GET', '/tasks?mine=true&status=open', { token: await t.login('sales') });
    expect(r.status).toBe(200);
    const task = r.body.items.find((x: { caseId: string }) => x.caseId === deal.id);
    expect(task).toMatchObject({ step: 'qualify', caseType: 'deal', caseId: deal.id, assigneeRole: 'sales', status: 'open', overdue: false });
    for (const k of ['id', 'assigneeId', 'createdAt', 'dueAt']) expect(task[k]).toBeTypeOf('string');
    const dues = r.body.items.map((x: { dueAt: string }) => x.dueAt);
    expect([...dues].sort()).toEqual(dues);
    // ½ working day from Monday 09:00 = 09:00–12:00 + 13:00–14:00
    expect(new Date(task.dueAt).toISOString()).toBe(new Date('2026-03-02T14:00:00+08:00').toISOString());
    // another role does not see it
    const eng = await t.call('GET', '/tasks?mine=true&status=open', { token: await t.login('engineer') });
    expect(eng.body.items.find((x: { caseId: string }) => x.caseId === deal.id)).toBeUndefined();
  });

  it('refuses the wrong role with 403 and an unknown task with 404', async () => {
    const { deal } = await createDeal(t);
    const task = await openTaskOf(t, deal.id, await t.login('gm'));
    const r = await t.call('POST', `/tasks/${task.id}/complete`, { token: await t.login('engineer'), body: { outcome: 'drop', form: { reason: 'x' } } });
    expect(r.status).toBe(403);
    expect((await t.call('POST', '/tasks/nope/complete', { token: await t.login('sales'), body: {} })).status).toBe(404);
  });

  it('names the bad field and the allowed outcomes', async () => {
    const { deal } = await createDeal(t);
    const task = await openTaskOf(t, deal.id, await t.login('gm'));
    const sales = await t.login('sales');
    const r1 = await t.call('POST', `/tasks/${task.id}/complete`, { token: sales, body: { outcome: 'fly' } });
    expect(r1.status).toBe(400);
    expect(r1.body.error.details[0].path).toBe('outcome');
    const r2 = await t.call('POST', `/tasks/${task.id}/complete`, { token: sales, body: { outcome: 'develop', form: { customerType: '' } } });
    expect(r2.status).toBe(400);
    expect(r2.body.error.details.map((d: { path: string }) => d.path)).toContain('form.customerType');
    // nothing was lost: the task is still open
    expect((await openTaskOf(t, deal.id, await t.login('gm'))).id).toBe(task.id);
  });

  it('gives exactly one 200 and one 409 for two completions at the same moment', async () => {
    const { deal } = await createDeal(t);
    const task = await openTaskOf(t, deal.id, await t.login('gm'));
    const sales = await t.login('sales');
    const body = { outcome: 'develop', form: { customerType: '大客户' } };
    const results = await Promise.all([1, 2].map(() => t.call('POST', `/tasks/${task.id}/complete`, { token: sales, body })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const next = await t.call('GET', `/tasks?mine=false&caseId=${deal.id}&status=open`, { token: await t.login('gm') });
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].step).toBe('tech_assessment');
  });

  it('appends an audit entry for every change, readable by managers only', async () => {
    const { deal } = await createDeal(t);
    const r = await t.call('GET', `/audit?caseId=${deal.id}`, { token: await t.login('sales_manager') });
    expect(r.status).toBe(200);
    const actions = r.body.items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['deal.create', 'document.create', 'task.open']));
    for (const i of r.body.items) expect(Object.keys(i)).toEqual(expect.arrayContaining(['at', 'actorId', 'action', 'entity', 'entityId']));
    expect((await t.call('GET', `/audit?caseId=${deal.id}`, { token: await t.login('sales') })).status).toBe(403);
  });

  it('refuses to update or delete audit rows in the database itself', async () => {
    const { sql } = await import('drizzle-orm');
    await expect(t.ctx.db.execute(sql`update audit set action = 'forged'`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`delete from audit`)).rejects.toThrow();
  });
});

describe('two app instances on one database', () => {
  it.runIf(!!process.env.TEST_DATABASE_URL)('complete a task once and escalate an overdue task once', async () => {
    const config = { ...loadConfig({}), demo: true, logLevel: 'silent', clockMode: 'manual' as const, clockStart: new Date('2026-03-02T09:00:00+08:00') };
    const database = await openDatabase({ databaseUrl: t.url!, migrate: false });
    const ctx2 = await createContext(config, { database });
    const app2 = await buildApp(ctx2);
    try {
      const { deal } = await createDeal(t);
      const task = await openTaskOf(t, deal.id, await t.login('gm'));
      const sales = await t.login('sales');
      const payload = { outcome: 'develop', form: { customerType: '大客户' } };
      const [a, b] = await Promise.all([
        t.app.inject({ method: 'POST', url: `/api/v1/tasks/${task.id}/complete`, headers: { authorization: `Bearer ${sales}` }, payload }),
        app2.inject({ method: 'POST', url: `/api/v1/tasks/${task.id}/complete`, headers: { authorization: `Bearer ${sales}` }, payload }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);

      // the tech assessment (½ wd) is overdue by Tuesday; both instances sweep at once
      await t.ctx.clock.set(t.ctx.db, new Date('2026-03-03T10:00:00+08:00'));
      await ctx2.clock.sync(ctx2.db);
      const [s1, s2] = await Promise.all([runSweeps(t.ctx), runSweeps(ctx2)]);
      expect(s1.escalated + s2.escalated).toBeGreaterThanOrEqual(1);
      const n = await t.call('GET', '/notifications', { token: await t.login('tech_manager') });
      const forTask = n.body.items.filter((x: { kind: string; caseId?: string }) => x.kind === 'overdue' && x.caseId === deal.id);
      expect(forTask).toHaveLength(1);
    } finally {
      await app2.close();
      await database.close();
    }
  });
});
