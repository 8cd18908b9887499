// The one cases table: a deal, a ticket and a customer's revisits are rows of `cases` with the
// same id as the deal, ticket or customer; tasks reach their case with one join.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createCustomer, createDeal } from '../../../test/support/factories.js';
import { cases, customers } from '../../db/schema.js';
import { loadCase } from '../tasks/cases.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const caseRow = async (id: string) => (await t.ctx.db.select().from(cases).where(eq(cases.id, id)))[0];

describe('cases', () => {
  it('gives a deal and a ticket one case row each, under their own ids', async () => {
    const { deal, customer } = await createDeal(t);
    expect(await caseRow(deal.id)).toMatchObject({ type: 'deal', number: deal.number, customerId: customer.id, ownerId: deal.ownerId, state: 'qualify', closedAt: null });
    const cs = await t.login('cs_agent');
    const ticket = (await t.call('POST', '/tickets', { token: cs, body: { customerId: customer.id, kind: 'inquiry', problem: '怎么转接' } })).body;
    expect(await caseRow(ticket.id)).toMatchObject({ type: 'ticket', number: ticket.number, customerId: customer.id, ownerId: null, tier: 'standard' });

    // a case is found only under its own type: no 500 for an id of the other kind
    expect((await t.call('GET', `/tickets/${deal.id}`, { token: cs })).status).toBe(404);
    expect((await t.call('GET', `/deals/${ticket.id}`, { token: await t.login('sales') })).status).toBe(404);
    expect(await loadCase(t.ctx.db, 'ticket', deal.id)).toBeUndefined();
    expect(await loadCase(t.ctx.db, undefined, deal.id)).toMatchObject({ type: 'deal', number: deal.number });
  });

  it('refuses a task or document whose case type disagrees with its case', async () => {
    const { deal } = await createDeal(t);
    const now = new Date().toISOString();
    await expect(t.ctx.db.execute(sql`insert into tasks (id, step, case_type, case_id, assignee_role, department, created_at, status)
      values ('wrong-type', 'resolve', 'ticket', ${deal.id}, 'engineer', 'technical', ${now}, 'open')`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`insert into tasks (id, step, case_type, case_id, assignee_role, department, created_at, status)
      values ('no-case', 'resolve', 'ticket', 'no-such-case', 'engineer', 'technical', ${now}, 'open')`)).rejects.toThrow();
  });

  it("creates a customer's revisit case with its first revisit; it runs on the customer's current clock", async () => {
    const customer = await createCustomer(t);
    expect(await caseRow(customer.id)).toBeUndefined();
    const now = t.ctx.clock.now();
    await t.ctx.db.update(customers).set({ serviceTier: 'standard', inServiceSince: now, nextRevisitAt: new Date(now.getTime() - 1000) }).where(eq(customers.id, customer.id));
    await t.setClock(new Date(now.getTime() + 60_000).toISOString());
    expect(await caseRow(customer.id)).toMatchObject({ type: 'customer', number: null, customerId: customer.id, state: 'revisit', closedAt: null, tier: null });
    expect((await loadCase(t.ctx.db, 'customer', customer.id))!.tier).toBe('standard');
    // the customer moves to VIP service: its revisits follow (a ticket keeps the tier it opened with)
    await t.ctx.db.update(customers).set({ serviceTier: 'vip' }).where(eq(customers.id, customer.id));
    expect((await loadCase(t.ctx.db, 'customer', customer.id))!.tier).toBe('vip');

    // the revisit done closes the case; the next revisit reopens the same row
    const cs = await t.login('cs_agent');
    const open = (await t.call('GET', `/tasks?mine=false&status=open&caseId=${customer.id}`, { token: await t.login('gm') })).body.items;
    expect(open).toMatchObject([{ step: 'revisit', caseType: 'customer', caseId: customer.id, caseNumber: null, customerName: customer.name }]);
    expect((await t.call('POST', `/tasks/${open[0].id}/complete`, { token: cs, body: { outcome: 'done', form: { problemFound: false } } })).status).toBe(200);
    expect(await caseRow(customer.id)).toMatchObject({ state: 'done', closedAt: expect.any(Date) });
    await t.ctx.db.update(customers).set({ nextRevisitAt: new Date(t.ctx.clock.now().getTime() - 1000) }).where(eq(customers.id, customer.id));
    await t.setClock(new Date(t.ctx.clock.now().getTime() + 60_000).toISOString());
    expect(await caseRow(customer.id)).toMatchObject({ state: 'revisit', closedAt: null });
    expect((await t.ctx.db.select().from(cases).where(eq(cases.customerId, customer.id))).filter((c) => c.type === 'customer')).toHaveLength(1);
  });
});
