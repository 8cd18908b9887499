// Periodic revisits (定期回访) on the manual clock, and a problem found opening a ticket in one call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { customerInService, completeAs } from './testing.js';

const START = new Date('2026-03-02T09:00:00+08:00').getTime();
const day = (n: number, hours = 0) => new Date(START + n * 86_400_000 + hours * 3600_000).toISOString();

let t: TestApp;
let cs: string;
let vip: Awaited<ReturnType<typeof customerInService>>;
let standard: Awaited<ReturnType<typeof customerInService>>;
beforeAll(async () => {
  t = await testApp();
  cs = await t.login('cs_agent');
  vip = await customerInService(t, 'one_time');
  standard = await customerInService(t, 'lease');
});
afterAll(async () => { await t?.close(); });

async function revisitsOf(customerId: string, status?: 'open' | 'done') {
  const r = await t.call('GET', `/tasks?mine=false&step=revisit&caseId=${customerId}${status ? `&status=${status}` : ''}`, { token: await t.login('gm') });
  return r.body.items as { id: string; step: string; caseType: string; status: string; createdAt: string; dueAt: string }[];
}

describe('revisit generation', () => {
  it('plans the first revisit 14 days (VIP) or 30 days (standard) after installation', async () => {
    const [v, s] = [await t.call('GET', `/customers/${vip.customer.id}`, { token: cs }), await t.call('GET', `/customers/${standard.customer.id}`, { token: cs })];
    const installedV = new Date(v.body.inServiceSince).getTime();
    const installedS = new Date(s.body.inServiceSince).getTime();
    expect(new Date(v.body.nextRevisitAt).getTime() - installedV).toBe(14 * 86_400_000);
    expect(new Date(s.body.nextRevisitAt).getTime() - installedS).toBe(30 * 86_400_000);
    expect(await revisitsOf(vip.customer.id)).toEqual([]);
  });

  it('opens a VIP revisit after 14 days and none for the standard customer yet', async () => {
    await t.setClock(day(13, 23));
    expect(await revisitsOf(vip.customer.id)).toEqual([]);
    await t.setClock(day(14, 1));
    const v = await revisitsOf(vip.customer.id);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ step: 'revisit', caseType: 'customer', status: 'open' });
    expect(await revisitsOf(standard.customer.id)).toEqual([]);
    // the CS agent has it in "mine"
    const mine = await t.call('GET', '/tasks?mine=true&status=open&step=revisit', { token: cs });
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(v[0].id);
    // a second sweep at the same time opens nothing more
    await t.setClock(day(14, 2));
    expect(await revisitsOf(vip.customer.id)).toHaveLength(1);
  });

  it('does not double an open revisit, and keeps the rhythm once it is done', async () => {
    const [first] = await revisitsOf(vip.customer.id, 'open');
    await t.setClock(day(28, 1));
    // the first one is still waiting: no second one
    expect(await revisitsOf(vip.customer.id)).toHaveLength(1);
    const done = await completeAs(t, first.id, cs, { form: { opinion: '通话质量很好，希望增加分机', problemFound: false } });
    expect(done.status).toBe(200);
    expect(done.body.document).toMatchObject({ form: 'revisit' });
    expect(done.body.document.number).toMatch(/^HF-2026-\d{6}$/);
    await t.setClock(day(30, 1));
    // standard: first revisit at day 30; VIP: next at day 42
    expect(await revisitsOf(standard.customer.id)).toHaveLength(1);
    expect(await revisitsOf(vip.customer.id)).toHaveLength(1);
    await t.setClock(day(42, 1));
    expect(await revisitsOf(vip.customer.id)).toHaveLength(2);
  });
});

describe('a revisit that finds a problem opens a ticket', () => {
  it('opens a ticket from a completed revisit in one call, only once', async () => {
    const [open] = await revisitsOf(standard.customer.id, 'open');
    const r0 = await completeAs(t, open.id, cs, { form: { opinion: '偶尔有回声', problemFound: true } });
    expect(r0.status).toBe(200);
    const r = await t.call('POST', `/tickets/from-revisit/${open.id}`, { token: cs, body: { kind: 'complaint' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ customerId: standard.customer.id, kind: 'complaint', problem: '偶尔有回声', sourceTaskId: open.id, state: 'resolve', tier: 'standard' });
    expect(r.body.task.step).toBe('resolve');
    expect((await t.call('POST', `/tickets/from-revisit/${open.id}`, { token: cs, body: { kind: 'complaint' } })).status).toBe(409);
  });

  it('completes an open revisit and opens the ticket in the same call', async () => {
    const [open] = await revisitsOf(vip.customer.id, 'open');
    const r = await t.call('POST', `/tickets/from-revisit/${open.id}`, { token: cs, body: { kind: 'inquiry', problem: '想了解如何查询话单', opinion: '整体满意' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'inquiry', state: 'answer', tier: 'vip', problem: '想了解如何查询话单' });
    const done = await revisitsOf(vip.customer.id, 'done');
    expect(done.map((x) => x.id)).toContain(open.id);
  });

  it('refuses revisits without a problem, non-revisit tasks, other roles and bad input', async () => {
    // a finished revisit that found no problem
    const [noProblem] = (await revisitsOf(vip.customer.id, 'done')).filter((x) => x.createdAt === day(14, 1));
    expect((await t.call('POST', `/tickets/from-revisit/${noProblem.id}`, { token: cs, body: {} })).status).toBe(409);
    expect((await t.call('POST', '/tickets/from-revisit/nope', { token: cs, body: {} })).status).toBe(404);
    expect((await t.call('POST', `/tickets/from-revisit/${noProblem.id}`, { token: await t.login('engineer'), body: {} })).status).toBe(403);
    expect((await t.call('POST', `/tickets/from-revisit/${noProblem.id}`, { token: cs, body: { kind: 'praise' } })).status).toBe(400);
    // a ticket task is not a revisit
    const ticket = await t.call('POST', '/tickets', { token: cs, body: { customerId: vip.customer.id, kind: 'complaint', problem: '无声' } });
    expect((await t.call('POST', `/tickets/from-revisit/${ticket.body.task.id}`, { token: cs, body: {} })).status).toBe(404);
  });
});
