// Duty rotas through the HTTP API (issue 14, PROCESS §6.1).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createCustomer, newStaff } from '../../../test/support/factories.js';
import { customers } from '../../db/schema.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const newUser = (role: string) => newStaff(t, role);

const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

describe('duty rota', () => {
  let agents: { id: string; token: string }[] = [];
  let engineers: { id: string; token: string }[] = [];
  beforeAll(async () => {
    agents = [await newUser('cs_agent'), await newUser('cs_agent'), await newUser('cs_agent')];
    engineers = [await newUser('engineer'), await newUser('engineer')];
  });

  it('October 2026: 13 non-working days, none on 10 Oct (make-up working day); 1–3 ×3, the 4th ×2; counts fair', async () => {
    const manager = await t.login('cs_manager');
    const r = await t.call('POST', '/duty/2026-10/generate', { token: manager });
    expect(r.status, r.text).toBe(200);
    const items = r.body.items as { date: string; userId: string; kind: string; statutory: boolean; multiplier: number }[];
    expect(items).toHaveLength(13);
    expect(items.map((i) => i.date)).not.toContain('2026-10-10');
    expect(items.slice(0, 4).map((i) => [i.date, i.kind, i.statutory, i.multiplier])).toEqual([
      ['2026-10-01', 'holiday', true, 3], ['2026-10-02', 'holiday', true, 3], ['2026-10-03', 'holiday', true, 3], ['2026-10-04', 'holiday', false, 2],
    ]);
    const everyAgent = (await t.call('GET', '/users?role=cs_agent', { token: await t.login('sysadmin') })).body.items.map((u: { id: string }) => u.id);
    const count = (kind?: string) => everyAgent.map((id: string) => items.filter((i) => i.userId === id && (!kind || i.kind === kind)).length);
    expect(spread(count())).toBeLessThanOrEqual(1);
    expect(spread(count('holiday'))).toBeLessThanOrEqual(1);
    expect(spread(count('weekend'))).toBeLessThanOrEqual(1);
    // every staff member reads it
    expect((await t.call('GET', '/duty?month=2026-10', { token: await t.login('engineer') })).body.items).toEqual(items);
  });

  it('only the CS manager makes the CS rota', async () => {
    expect((await t.call('POST', '/duty/2026-10/generate', { token: await t.login('cs_agent') })).status).toBe(403);
    expect((await t.call('POST', '/duty/2026-10/generate', { token: await t.login('tech_manager') })).status).toBe(403);
  });

  it('swaps two days, or gives a day to another agent', async () => {
    const manager = await t.login('cs_manager');
    const before = (await t.call('GET', '/duty?month=2026-10', { token: manager })).body.items as { date: string; userId: string }[];
    const on = (items: { date: string; userId: string }[], d: string) => items.find((i) => i.date === d)!.userId;
    const r = await t.call('POST', '/duty/2026-10/swap', { token: manager, body: { date: '2026-10-01', withDate: '2026-10-11' } });
    expect(r.status, r.text).toBe(200);
    expect(on(r.body.items, '2026-10-01')).toBe(on(before, '2026-10-11'));
    expect(on(r.body.items, '2026-10-11')).toBe(on(before, '2026-10-01'));
    const give = await t.call('POST', '/duty/2026-10/swap', { token: manager, body: { date: '2026-10-03', userId: agents[0]!.id } });
    expect(on(give.body.items, '2026-10-03')).toBe(agents[0]!.id);
    expect((await t.call('POST', '/duty/2026-10/swap', { token: manager, body: { date: '2026-10-10', withDate: '2026-10-11' } })).status).toBe(400);
    expect((await t.call('POST', '/duty/2026-10/swap', { token: manager, body: { date: '2026-10-03', userId: engineers[0]!.id } })).status).toBe(400);
  });

  it("the tech manager's 7×24 on-call rota has an engineer every day", async () => {
    const r = await t.call('POST', '/duty/2026-10/generate?rota=oncall', { token: await t.login('tech_manager') });
    expect(r.status, r.text).toBe(200);
    expect(r.body.items).toHaveLength(31);
    expect((await t.call('POST', '/duty/2026-10/generate?rota=oncall', { token: await t.login('cs_manager') })).status).toBe(403);
  });

  it('on a duty day a new ticket reaches the agent on duty; a VIP ticket outside business hours the on-call engineer; the month no longer changes', async () => {
    await t.setClock('2026-10-03T10:00:00+08:00'); // a statutory holiday (Saturday)
    const onCs = (await t.call('GET', '/duty?month=2026-10', { token: await t.login('cs_manager') })).body.items.find((i: { date: string }) => i.date === '2026-10-03').userId;
    const onCall = (await t.call('GET', '/duty?month=2026-10&rota=oncall', { token: await t.login('tech_manager') })).body.items.find((i: { date: string }) => i.date === '2026-10-03').userId;
    const opener = agents.find((a) => a.id !== onCs)!;
    const customer = await createCustomer(t, opener.token);
    await t.ctx.db.update(customers).set({ serviceTier: 'vip' }).where(eq(customers.id, customer.id));
    const ticket = await t.call('POST', '/tickets', { token: opener.token, body: { customerId: customer.id, kind: 'complaint', problem: '电话全部打不出去' } });
    expect(ticket.status, ticket.text).toBe(201);
    const notes = async (id: string) => {
      const who = [...agents, ...engineers].find((u) => u.id === id);
      const demo = (await t.call('GET', '/users?status=all&limit=200', { token: await t.login('sysadmin') })).body.items.find((u: { id: string }) => u.id === id);
      const token = who ? who.token : await t.login(demo.username);
      return (await t.call('GET', '/notifications', { token })).body.items as { kind: string; caseId: string | null }[];
    };
    expect((await notes(onCs)).some((n) => n.kind === 'duty_ticket' && n.caseId === ticket.body.id)).toBe(true);
    expect((await notes(onCall)).some((n) => n.caseId === ticket.body.id)).toBe(true);
    const late = await t.call('POST', '/duty/2026-10/swap', { token: await t.login('cs_manager'), body: { date: '2026-10-11', withDate: '2026-10-17' } });
    expect(late.status).toBe(409);
  });
});
