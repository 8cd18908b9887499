// tickets.closed_at repeats its case's closed_at (migration 0018) so the weekly summary finds the
// tickets open past their deadline by one index: the database keeps the two equal, whoever writes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { createCustomer } from '../support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const closedAt = async (id: string) => {
  const r = (await t.ctx.db.execute(sql`select k.closed_at as k, c.closed_at as c from tickets k join cases c on c.id = k.id where k.id = ${id}`)) as unknown as { rows: { k: unknown; c: unknown }[] };
  const iso = (x: unknown) => (x === null ? null : new Date(x as string).toISOString());
  return { ticket: iso(r.rows[0].k), kase: iso(r.rows[0].c) };
};

describe('a ticket\'s closed_at', () => {
  it('follows its case when the case closes and reopens, and is copied when a ticket joins a closed case', async () => {
    const cs = await t.login('cs_agent');
    const customer = await createCustomer(t, await t.login('sales'), { name: '关闭时间测试公司' });
    const ticket = await t.call('POST', '/tickets', { token: cs, body: { customerId: customer.id, kind: 'inquiry', problem: '咨询话费' } });
    expect(ticket.status).toBe(201);
    const id = ticket.body.id as string;
    expect(await closedAt(id)).toEqual({ ticket: null, kase: null });

    await t.ctx.db.execute(sql`update cases set state = 'closed', closed_at = '2026-03-04T02:00:00Z' where id = ${id}`);
    expect(await closedAt(id)).toEqual({ ticket: '2026-03-04T02:00:00.000Z', kase: '2026-03-04T02:00:00.000Z' });
    await t.ctx.db.execute(sql`update cases set state = 'answer', closed_at = null where id = ${id}`);
    expect(await closedAt(id)).toEqual({ ticket: null, kase: null });

    await t.ctx.db.execute(sql`insert into cases (id, type, number, customer_id, state, created_at, updated_at, closed_at)
      values ('closed-first', 'ticket', 'GD-TEST-CLOSED', ${customer.id}, 'closed', '2026-03-01T01:00:00Z', '2026-03-01T01:00:00Z', '2026-03-02T01:00:00Z')`);
    await t.ctx.db.execute(sql`insert into tickets (id, kind, problem, due_at, opened_by) values ('closed-first', 'inquiry', '导入的工单', '2026-03-03T01:00:00Z', 'x')`);
    expect(await closedAt('closed-first')).toEqual({ ticket: '2026-03-02T01:00:00.000Z', kase: '2026-03-02T01:00:00.000Z' });
  });
});
