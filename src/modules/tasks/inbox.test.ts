// The inbox as one statement (repo.listTasks: UNION ALL of the branches, page joined to its
// case and customer, totals in the same statement) returns what the plain query returns: all
// matching rows under one OR, ordered, cut, decorated one by one. Runs on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { cases, customers, tasks, users } from '../../db/schema.js';
import * as repo from './repo.js';

let t: TestApp;
type Order = 'due_asc' | 'due_desc' | 'created_desc';

/** the oracle: one OR over the whole table, an exact count, the decorations left-joined */
async function plain(where: SQL | undefined, order: Order, limit: number, offset: number) {
  const by = order === 'created_desc' ? [desc(tasks.createdAt), desc(tasks.seq)]
    : order === 'due_desc' ? [sql`${tasks.dueAt} desc nulls last`, desc(tasks.seq)] : [sql`${tasks.dueAt} asc nulls last`, asc(tasks.seq)];
  const rows = await t.ctx.db.select({ task: tasks, number: cases.number, name: customers.name }).from(tasks)
    .leftJoin(cases, eq(cases.id, tasks.caseId)).leftJoin(customers, eq(customers.id, cases.customerId))
    .where(where).orderBy(...by).limit(limit).offset(offset);
  const total = (await t.ctx.db.select({ n: count() }).from(tasks).where(where))[0].n;
  return { items: rows.map((r) => ({ task: r.task, caseNumber: r.number ?? null, customerName: r.name ?? null })), total };
}

beforeAll(async () => {
  t = await testApp();
  const db = t.ctx.db;
  const us = await db.select().from(users);
  const id = (u: string) => us.find((x) => x.username === u)!.id;
  const partnerId = us.find((x) => x.partnerId)?.partnerId ?? null;
  const now = '2026-03-02T01:00:00Z';
  await db.execute(sql`insert into customers (id, name, address, contact_person, phone, phone_digits, created_at, updated_at)
    select 'ic' || g, '收件箱客户' || g, '上海', '王', '021-' || g, '021' || g, ${now}::timestamptz, ${now}::timestamptz from generate_series(1, 7) g`);
  await db.execute(sql`insert into cases (id, type, number, customer_id, owner_id, state, created_at, updated_at)
    select 'icase' || g, 'deal', 'SJ-2098-' || lpad(g::text, 4, '0'), 'ic' || (1 + g % 7), ${id('sales')}, 'qualify', ${now}::timestamptz, ${now}::timestamptz
    from generate_series(1, 20) g`);
  // 300 tasks over every branch: own, shared (assignee_ids), partner's, pools of several roles;
  // open and done; deadlines with many ties and some none (a shared task's first name is its assignee)
  const roles = ['sales', 'engineer', 'cs_agent', 'tech_manager', 'partner_engineer'];
  const who = [id('sales'), id('engineer'), id('cs_agent'), null, null, null];
  await db.execute(sql`insert into tasks (id, step, case_type, case_id, assignee_role, assignee_id, assignee_ids, partner_id, department, created_at, due_at, status)
    select 'it' || g, 'qualify', 'deal', 'icase' || (1 + g % 20),
      (${sql.raw(`array[${roles.map((r) => `'${r}'`).join(',')}]`)})[1 + g % 5],
      case when g % 13 = 0 then ${id('cs_agent')} when g % 11 = 0 then null else (${sql.raw(`array[${who.map((w) => (w ? `'${w}'` : 'null')).join(',')}]::text[]`)})[1 + g % 6] end,
      case when g % 13 = 0 then jsonb_build_array(${id('cs_agent')}::text, ${id('engineer')}::text, ${id('sales')}::text) else '[]'::jsonb end,
      case when g % 17 = 0 then ${partnerId} else null end,
      'business', ${now}::timestamptz + (g % 9) * interval '1 minute',
      case when g % 19 = 0 then null else ${now}::timestamptz + (g % 7) * interval '1 hour' end,
      case when g % 4 = 0 then 'done' else 'open' end
    from generate_series(1, 300) g`);
});
afterAll(async () => { await t?.close(); });

describe('the inbox in one statement', () => {
  it('returns the same page, order, decorations and total as the plain query, for every demo user', async () => {
    const us = await t.ctx.db.select().from(users);
    let compared = 0;
    for (const u of us) {
      const actor = { id: u.id, roles: u.roles, partnerId: u.partnerId };
      for (const order of ['due_asc', 'due_desc', 'created_desc'] as Order[]) {
        for (const [limit, offset] of [[20, 0], [7, 14], [20, 200]]) {
          for (const where of [eq(tasks.status, 'open'), undefined, and(eq(tasks.status, 'open'), repo.customerNameMatches('户3'))]) {
            const got = await repo.listTasks(t.ctx.db, { where, branches: repo.mineBranches(actor), limit, offset, order });
            const want = await plain(and(repo.mineCondition(actor), where), order, limit, offset);
            expect(got.items.map((r) => [r.task.id, r.caseNumber, r.customerName])).toEqual(want.items.map((r) => [r.task.id, r.caseNumber, r.customerName]));
            expect(got.items.map((r) => r.task)).toEqual(want.items.map((r) => r.task));
            expect(got.total).toBe(want.total);
            compared += got.items.length;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('without branches (a manager\'s department view) the total is exact and the page the same', async () => {
    for (const order of ['due_asc', 'due_desc', 'created_desc'] as Order[]) {
      const where = and(eq(tasks.department, 'business'), eq(tasks.status, 'open'));
      const got = await repo.listTasks(t.ctx.db, { where, limit: 30, offset: 30, order });
      const want = await plain(where, order, 30, 30);
      expect(got.items.map((r) => r.task)).toEqual(want.items.map((r) => r.task));
      expect(got.total).toBe(want.total);
    }
  });

  it('an empty page still has its total; past the cap the total stops counting', async () => {
    const sales = (await t.ctx.db.select().from(users).where(eq(users.username, 'sales')))[0];
    const actor = { id: sales.id, roles: sales.roles, partnerId: sales.partnerId };
    const far = await repo.listTasks(t.ctx.db, { where: eq(tasks.status, 'open'), branches: repo.mineBranches(actor), limit: 20, offset: 10_000, order: 'due_asc' });
    expect(far.items).toEqual([]);
    expect(far.total).toBe((await plain(and(repo.mineCondition(actor), eq(tasks.status, 'open')), 'due_asc', 1, 0)).total);
    expect(far.total).toBeGreaterThan(0);
  });

  it('GET /tasks?mine=true serves the same rows', async () => {
    const token = await t.login('engineer');
    const r = await t.call('GET', '/tasks?mine=true&status=open&pageSize=50', { token });
    expect(r.status).toBe(200);
    const me = (await t.ctx.db.select().from(users).where(eq(users.username, 'engineer')))[0];
    const want = await plain(and(repo.mineCondition({ id: me.id, roles: me.roles, partnerId: me.partnerId }), eq(tasks.status, 'open')), 'due_asc', 50, 0);
    expect(r.body.items.map((x: { id: string }) => x.id)).toEqual(want.items.map((x) => x.task.id));
    expect(r.body.items.map((x: { customerName: string | null }) => x.customerName)).toEqual(want.items.map((x) => x.customerName));
    expect(r.body.total).toBe(want.total);
  });
});
