// A ticket past its two-day close deadline is escalated to the CS manager, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createCustomer } from '../../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp({ clockStart: '2026-03-02T09:00:00+08:00' }); });
afterAll(async () => { await t?.close(); });

describe('ticket close deadline', () => {
  it('tells the CS manager once when a ticket is not closed within 2 days', async () => {
    const cs = await t.login('cs_agent');
    const customer = await createCustomer(t, cs);
    const opened = await t.call('POST', '/tickets', { token: cs, body: { customerId: customer.id, kind: 'complaint', problem: '电话无法呼出' } });
    expect(opened.status).toBe(201);
    expect(new Date(opened.body.dueAt).toISOString()).toBe(new Date('2026-03-03T18:00:00+08:00').toISOString());
    await t.setClock('2026-03-04T09:30:00+08:00');
    await t.setClock('2026-03-05T09:30:00+08:00');
    const n = await t.call('GET', '/notifications', { token: await t.login('cs_manager') });
    const mine = n.body.items.filter((x: { kind: string; caseId?: string }) => x.kind === 'ticket_overdue' && x.caseId === opened.body.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].message).toContain(opened.body.number);
    expect(mine[0].message).toContain('2026-03-03 18:00');
    expect(mine[0].caseType).toBe('ticket');
    // the inbox search finds a task by its case number as well as by customer name
    const byNumber = await t.call('GET', `/tasks?mine=true&q=${opened.body.number}`, { token: await t.login('engineer') });
    expect(byNumber.body.items.map((x: { caseId: string }) => x.caseId)).toContain(opened.body.id);
  });
});
