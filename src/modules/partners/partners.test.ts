// Outsourced after-sales partners: certificates, giving them ticket steps, isolation of their
// engineers, the same deadlines, and the monthly settlement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { unique } from '../../../test/support/factories.js';
import { completeAs, customerInService, openTask, openTicket, RESOLVE } from '../tickets/testing.js';

let t: TestApp;
let techManager: string;
let cs: string;
let engineer: string;
let customer: Awaited<ReturnType<typeof customerInService>>;
const partner: Record<'a' | 'b' | 'expired', { id: string; token: string; userId: string }> = {} as never;

async function partnerWithEngineer(name: string, certifiedUntil: string) {
  const p = await t.call('POST', '/partners', { token: techManager, body: { name, certifiedUntil } });
  expect(p.status).toBe(201);
  const username = unique('pe');
  const u = await t.call('POST', '/users', { token: await t.login('sysadmin'), body: { username, password: 'partner1234', displayName: `${name}工程师`, roles: ['partner_engineer'], partnerId: p.body.id } });
  expect(u.status).toBe(201);
  return { id: p.body.id as string, token: await t.login(username, 'partner1234'), userId: u.body.id as string };
}

const assign = (taskId: string, body: object, token = techManager) => t.call('POST', `/tasks/${taskId}/assign`, { token, body });

beforeAll(async () => {
  t = await testApp();
  [techManager, cs, engineer] = [await t.login('tech_manager'), await t.login('cs_agent'), await t.login('engineer')];
  customer = await customerInService(t, 'installment');
  partner.a = await partnerWithEngineer(unique('甲维修公司'), '2026-12-31');
  partner.b = await partnerWithEngineer(unique('乙维修公司'), '2026-12-31');
  partner.expired = await partnerWithEngineer(unique('丙维修公司'), '2026-03-01');
});
afterAll(async () => { await t?.close(); });

describe('partner companies', () => {
  it('are created by the sysadmin or tech manager, with a valid date, and listed for staff', async () => {
    const sys = await t.call('POST', '/partners', { token: await t.login('sysadmin'), body: { name: '丁公司', certifiedUntil: '2027-06-30', ratePerRepairFen: 15000 } });
    expect(sys.status).toBe(201);
    expect(sys.body).toMatchObject({ name: '丁公司', certifiedUntil: '2027-06-30', ratePerRepairFen: 15000, certified: true });
    expect((await t.call('POST', '/partners', { token: cs, body: { name: 'x', certifiedUntil: '2027-01-01' } })).status).toBe(403);
    for (const body of [{ name: 'x', certifiedUntil: '2027-02-30' }, { name: '', certifiedUntil: '2027-01-01' }, { name: 'x' }, { name: 'x', certifiedUntil: '2027-01-01', ratePerRepairFen: -1 }]) {
      expect((await t.call('POST', '/partners', { token: techManager, body })).status, JSON.stringify(body)).toBe(400);
    }
    const list = await t.call('GET', '/partners', { token: cs });
    expect(list.body.items.find((p: { id: string }) => p.id === partner.expired.id)).toMatchObject({ certified: false });
    expect((await t.call('GET', '/partners', { token: partner.a.token })).status).toBe(404);
    expect((await t.call('GET', `/partners/${partner.a.id}`, { token: partner.a.token })).status).toBe(200);
    expect((await t.call('GET', `/partners/${partner.b.id}`, { token: partner.a.token })).status).toBe(404);
  });

  it('change their rate and certificate through PATCH', async () => {
    const r = await t.call('PATCH', `/partners/${partner.a.id}`, { token: techManager, body: { ratePerRepairFen: 35000 } });
    expect(r.status).toBe(200);
    expect(r.body.ratePerRepairFen).toBe(35000);
    expect((await t.call('PATCH', `/partners/${partner.a.id}`, { token: cs, body: { ratePerRepairFen: 1 } })).status).toBe(403);
    expect((await t.call('PATCH', `/partners/${partner.a.id}`, { token: techManager, body: {} })).status).toBe(400);
    expect((await t.call('PATCH', `/partners/${partner.a.id}`, { token: techManager, body: { certifiedUntil: 'soon' } })).status).toBe(400);
    expect((await t.call('PATCH', '/partners/nope', { token: techManager, body: { name: 'x' } })).status).toBe(404);
  });
});

describe('giving ticket steps to partners', () => {
  it('refuses an expired certificate, other roles, and steps partners cannot take', async () => {
    const ticket = await openTicket(t, customer.customer.id);
    expect((await assign(ticket.task.id, { partnerId: partner.expired.id })).status).toBe(409);
    // nor through one of its engineers
    expect((await assign(ticket.task.id, { assigneeId: partner.expired.userId })).status).toBe(409);
    expect((await assign(ticket.task.id, { partnerId: partner.a.id }, cs)).status).toBe(403);
    expect((await assign(ticket.task.id, { partnerId: partner.a.id }, partner.a.token)).status).toBe(404);
    expect((await assign(ticket.task.id, { partnerId: 'nope' })).status).toBe(400);
    expect((await assign(ticket.task.id, { partnerId: partner.a.id, assigneeId: partner.a.userId })).status).toBe(400);
    const r = await completeAs(t, ticket.task.id, engineer, { form: RESOLVE });
    expect((await assign(r.body.next[0].id, { partnerId: partner.a.id }, await t.login('cs_manager'))).status).toBe(409);
    // renewed, it can take work again
    await t.call('PATCH', `/partners/${partner.expired.id}`, { token: techManager, body: { certifiedUntil: '2027-03-01' } });
    const other = await openTicket(t, customer.customer.id);
    expect((await assign(other.task.id, { partnerId: partner.expired.id })).status).toBe(200);
  });

  it('isolates partner engineers: only their company tickets, same deadlines, same partner after an unsatisfied call', async () => {
    const mine = await openTicket(t, customer.customer.id, 'complaint', '甲公司负责的故障');
    const notMine = await openTicket(t, customer.customer.id, 'complaint', '内部工程师处理的故障');
    const given = await assign(mine.task.id, { partnerId: partner.a.id });
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ partnerId: partner.a.id, dueAt: mine.task.dueAt });

    const list = await t.call('GET', '/tickets', { token: partner.a.token });
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([mine.id]);
    expect((await t.call('GET', `/tickets/${mine.id}`, { token: partner.a.token })).status).toBe(200);
    expect((await t.call('GET', `/tickets/${notMine.id}`, { token: partner.a.token })).status).toBe(404);
    expect((await t.call('GET', `/tickets/${mine.id}`, { token: partner.b.token })).status).toBe(404);
    expect((await t.call('GET', '/tickets', { token: partner.b.token })).body.items).toEqual([]);
    expect((await t.call('GET', `/customers/${customer.customer.id}`, { token: partner.a.token })).status).toBe(404);
    const tasks = await t.call('GET', '/tasks?mine=true&status=open', { token: partner.a.token });
    expect(tasks.body.items.map((x: { id: string }) => x.id)).toEqual([mine.task.id]);
    const tasksAll = await t.call('GET', '/tasks?mine=false&status=open', { token: partner.a.token });
    expect(tasksAll.body.items.map((x: { id: string }) => x.id)).toEqual([mine.task.id]);
    // nobody else completes the partner's task; other partners do not even see it
    expect((await completeAs(t, mine.task.id, partner.b.token, { form: RESOLVE })).status).toBe(404);
    expect((await completeAs(t, mine.task.id, engineer, { form: RESOLVE })).status).toBe(403);
    // the internal engineer does not see the partner's task in "mine"
    const engineerMine = await t.call('GET', '/tasks?mine=true&status=open', { token: engineer });
    expect(engineerMine.body.items.map((x: { id: string }) => x.id)).not.toContain(mine.task.id);

    // the partner sees the complaint record (technical copy) on its ticket
    const page = await t.call('GET', `/tickets/${mine.id}`, { token: partner.a.token });
    const ts = page.body.documents.find((d: { form: string }) => d.form === 'complaint_record');
    expect((await t.call('GET', `/documents/${ts.id}`, { token: partner.a.token })).status).toBe(200);
    expect((await t.call('GET', `/documents/${ts.id}`, { token: partner.b.token })).status).toBe(404);

    const r1 = await completeAs(t, mine.task.id, partner.a.token, { form: RESOLVE });
    expect(r1.status).toBe(200);
    const u = await completeAs(t, r1.body.next[0].id, cs, { outcome: 'unsatisfied', form: { customerOpinion: '还是不行' } });
    // back to the same partner company, on the customer's clock
    expect(u.body.next[0]).toMatchObject({ step: 'resolve', partnerId: partner.a.id, tier: 'standard' });
    const again = await t.call('GET', '/tasks?mine=true&status=open', { token: partner.a.token });
    expect(again.body.items.map((x: { id: string }) => x.id)).toEqual([u.body.next[0].id]);
  });

  it('takes the ticket away from a partner when the step is given to an internal engineer', async () => {
    const ticket = await openTicket(t, customer.customer.id, 'complaint', '改派的故障');
    expect((await assign(ticket.task.id, { partnerId: partner.b.id })).status).toBe(200);
    expect((await t.call('GET', `/tickets/${ticket.id}`, { token: partner.b.token })).status).toBe(200);
    const engineerId = (await t.call('GET', '/auth/me', { token: engineer })).body.user.id;
    const r = await assign(ticket.task.id, { assigneeId: engineerId });
    expect(r.body).toMatchObject({ assigneeId: engineerId, partnerId: null });
    expect((await t.call('GET', `/tickets/${ticket.id}`, { token: partner.b.token })).status).toBe(404);
    // and gives it to a partner when one of its engineers is named
    const viaUser = await assign(ticket.task.id, { assigneeId: partner.b.userId });
    expect(viaUser.body).toMatchObject({ assigneeId: partner.b.userId, partnerId: partner.b.id });
    expect((await t.call('GET', `/tickets/${ticket.id}`, { token: partner.b.token })).status).toBe(200);
    expect((await completeAs(t, ticket.task.id, partner.b.token, { form: RESOLVE })).status).toBe(200);
  });
});

describe('partner settlement', () => {
  it('counts the month\'s repairs, on-time rate, satisfaction and the amount at the partner\'s rate', async () => {
    const p = await partnerWithEngineer(unique('结算公司'), '2026-12-31');
    await t.call('PATCH', `/partners/${p.id}`, { token: techManager, body: { ratePerRepairFen: 30000 } });
    const base = new Date((await t.call('GET', '/health')).body.now).getTime();
    const h = (hours: number) => t.setClock(new Date(base + hours * 3600_000).toISOString());

    // ticket 1: repaired on time, customer unsatisfied; repaired again late, satisfied
    const t1 = await openTicket(t, customer.customer.id, 'complaint', '结算工单一');
    await assign(t1.task.id, { partnerId: p.id });
    await h(1);
    let r = await completeAs(t, t1.task.id, p.token, { form: RESOLVE });
    await h(2);
    r = await completeAs(t, r.body.next[0].id, cs, { outcome: 'unsatisfied', form: { customerOpinion: '没修好' } });
    await h(30); // past the one-working-day deadline of the second repair
    r = await completeAs(t, r.body.next[0].id, p.token, { form: RESOLVE });
    await h(31);
    await completeAs(t, r.body.next[0].id, cs, { outcome: 'satisfied', form: {} });
    // ticket 2: repaired on time, the follow-up call not made yet
    const t2 = await openTicket(t, customer.customer.id, 'complaint', '结算工单二');
    await assign(t2.task.id, { partnerId: p.id });
    await h(32);
    await completeAs(t, t2.task.id, p.token, { form: RESOLVE });
    // ticket 3: an internal repair, not the partner's
    const t3 = await openTicket(t, customer.customer.id, 'complaint', '内部工单');
    await completeAs(t, t3.task.id, engineer, { form: RESOLVE });
    // ticket 4: the partner's repair next month
    await t.setClock('2026-04-01T10:00:00+08:00');
    const t4 = await openTicket(t, customer.customer.id, 'complaint', '下月工单');
    await assign(t4.task.id, { partnerId: p.id });
    await completeAs(t, t4.task.id, p.token, { form: RESOLVE });

    const march = await t.call('GET', `/reports/partner-settlement?partnerId=${p.id}&month=2026-03`, { token: techManager });
    expect(march.status).toBe(200);
    expect(march.body).toMatchObject({
      month: '2026-03', repairs: 3, onTime: 2, onTimeRate: 0.6667, followedUp: 2, satisfied: 1, satisfactionRate: 0.5,
      ratePerRepairFen: 30000, amountFen: 90000, partner: { id: p.id },
    });
    expect(march.body.items.map((i: { ticketNumber: string; onTime: boolean; satisfied: boolean | null }) => [i.ticketNumber, i.onTime, i.satisfied])).toEqual([
      [t1.number, true, false], [t1.number, false, true], [t2.number, true, null],
    ]);
    const april = await t.call('GET', `/reports/partner-settlement?partnerId=${p.id}&month=2026-04`, { token: await t.login('gm') });
    expect(april.body).toMatchObject({ repairs: 1, amountFen: 30000, followedUp: 0, satisfactionRate: null });
    const may = await t.call('GET', `/reports/partner-settlement?partnerId=${p.id}&month=2026-05`, { token: techManager });
    expect(may.body).toMatchObject({ repairs: 0, onTimeRate: null, amountFen: 0, items: [] });
  });

  it('is for the tech manager and GM only, and rejects bad input', async () => {
    const url = `/reports/partner-settlement?partnerId=${partner.a.id}&month=2026-03`;
    expect((await t.call('GET', url, { token: cs })).status).toBe(403);
    expect((await t.call('GET', url, { token: partner.a.token })).status).toBe(404);
    for (const month of ['2026-13', '2026-3', 'x', '1999-01']) {
      expect((await t.call('GET', `/reports/partner-settlement?partnerId=${partner.a.id}&month=${month}`, { token: techManager })).status, month).toBe(400);
    }
    // without a month: the current one
    expect((await t.call('GET', `/reports/partner-settlement?partnerId=${partner.a.id}`, { token: techManager })).status).toBe(200);
    expect((await t.call('GET', '/reports/partner-settlement?month=2026-03', { token: techManager })).status).toBe(400);
    expect((await t.call('GET', '/reports/partner-settlement?partnerId=nope&month=2026-03', { token: techManager })).status).toBe(404);
  });
});
