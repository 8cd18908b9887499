// Seed steps B and H: the second meeting, the negotiation log seen by the business manager,
// long negotiations, and the business manager's pipeline report.
// The clock only moves forward, so the tests of this file run in calendar order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { ASSESSMENT, FEASIBILITY, SURVEY, complete, createCustomer, createDeal, dealAt, unique } from '../../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const iso = (s: string) => new Date(s).toISOString();

async function newUser(roles: string[]) {
  const username = `u_${unique()}`;
  const r = await t.call('POST', '/users', { token: await t.login('sysadmin'), body: { username, password: 'sales-pass-2026', displayName: `业务员${username.slice(-4)}`, roles } });
  expect(r.status).toBe(201);
  return { username, id: r.body.id as string, token: await t.login(username, 'sales-pass-2026') };
}

/** A deal of the given salesperson, taken up to (not including) `until`. */
async function dealOf(owner: string, until: string, customerName?: string) {
  const token = await t.login(owner);
  const customer = await createCustomer(t, token, customerName ? { name: customerName } : {});
  const r = await t.call('POST', '/deals', { token, body: { customerId: customer.id, survey: SURVEY } });
  expect(r.status).toBe(201);
  const steps: [string, string, object][] = [
    ['qualify', owner, { outcome: 'develop', form: { customerType: '中型企业' } }],
    ['tech_assessment', 'engineer', { form: ASSESSMENT }],
    ['proposal_draft', owner, { form: { content: '方案', investmentFen: 600_000, monthlyGrossProfitFen: 150_000 } }],
    ['manager_review', 'sales_manager', { outcome: 'approve', form: { feasibility: FEASIBILITY } }],
    ['gm_approval', 'gm', { outcome: 'approve' }],
    ['proposal_delivery', owner, {}],
  ];
  for (const [step, user, body] of steps) {
    if (step === until) break;
    await complete(t, r.body.id, user, body);
  }
  return { id: r.body.id as string, number: r.body.number as string, customer };
}

describe('the second meeting (seed step B)', () => {
  it('is proposed 3 days after the first visit, on a working day, and shows in the salesperson\'s inbox', async () => {
    // Thursday: 3 days later is a Sunday, so the meeting is proposed for Monday at the same time
    await t.setClock('2026-03-05T10:00:00+08:00');
    const { deal, customer } = await createDeal(t);
    expect(deal.secondMeetingAt).toBe(iso('2026-03-09T10:00:00+08:00'));
    const sales = await t.login('sales');

    let upcoming = await t.call('GET', '/deals/upcoming-meetings?days=7', { token: sales });
    expect(upcoming.status).toBe(200);
    const mine = upcoming.body.items.find((x: { dealId: string }) => x.dealId === deal.id);
    expect(mine).toMatchObject({
      number: deal.number, customerName: customer.name, contactPerson: '李总', phone: customer.phone,
      secondMeetingAt: iso('2026-03-09T10:00:00+08:00'), state: 'qualify', today: false, past: false,
    });
    // a shorter window leaves it out
    upcoming = await t.call('GET', '/deals/upcoming-meetings?days=2', { token: sales });
    expect(upcoming.body.items.some((x: { dealId: string }) => x.dealId === deal.id)).toBe(false);

    // the salesperson moves it to tomorrow afternoon
    const moved = await t.call('PUT', `/deals/${deal.id}/second-meeting`, { token: sales, body: { secondMeetingAt: '2026-03-06T15:00:00+08:00' } });
    expect(moved.status).toBe(200);
    expect(moved.body.secondMeetingAt).toBe(iso('2026-03-06T15:00:00+08:00'));
    const view = (await t.call('GET', `/deals/${deal.id}`, { token: sales })).body;
    expect(view.secondMeetingAt).toBe(iso('2026-03-06T15:00:00+08:00'));
    expect(view.history.find((h: { action: string }) => h.action === 'deal.secondMeeting')).toMatchObject({
      before: { secondMeetingAt: iso('2026-03-09T10:00:00+08:00') }, after: { secondMeetingAt: iso('2026-03-06T15:00:00+08:00') },
    });

    // on the day itself it is flagged "today"
    await t.setClock('2026-03-06T08:00:00+08:00');
    upcoming = await t.call('GET', '/deals/upcoming-meetings?days=0', { token: sales });
    expect(upcoming.body.items.find((x: { dealId: string }) => x.dealId === deal.id)).toMatchObject({ today: true, past: false });

    // another salesperson neither sees nor moves it; an engineer may not move it; the business manager may
    const other = await newUser(['sales']);
    expect((await t.call('GET', '/deals/upcoming-meetings', { token: other.token })).body.items).toEqual([]);
    expect((await t.call('PUT', `/deals/${deal.id}/second-meeting`, { token: other.token, body: { secondMeetingAt: '2026-03-06T16:00:00+08:00' } })).status).toBe(403);
    expect((await t.call('PUT', `/deals/${deal.id}/second-meeting`, { token: await t.login('engineer'), body: { secondMeetingAt: '2026-03-06T16:00:00+08:00' } })).status).toBe(403);
    const manager = await t.login('sales_manager');
    expect((await t.call('PUT', `/deals/${deal.id}/second-meeting`, { token: manager, body: { secondMeetingAt: '2026-03-06T16:00:00+08:00' } })).status).toBe(200);
    // the manager sees everyone's meetings on request; an engineer has none
    expect((await t.call('GET', '/deals/upcoming-meetings?all=true', { token: manager })).body.items.some((x: { dealId: string }) => x.dealId === deal.id)).toBe(true);
    expect((await t.call('GET', '/deals/upcoming-meetings?all=true', { token: await t.login('engineer') })).body.items).toEqual([]);

    // a dropped deal's meeting disappears from the inbox
    await complete(t, deal.id, 'sales', { outcome: 'drop', form: { reason: '客户已签别家' } });
    upcoming = await t.call('GET', '/deals/upcoming-meetings?days=30', { token: sales });
    expect(upcoming.body.items.some((x: { dealId: string }) => x.dealId === deal.id)).toBe(false);
  });
});

describe('the negotiation log (seed step H)', () => {
  it('customer moves reach the business manager as they happen; policy adjustments only by the manager or GM', async () => {
    const { deal } = await dealAt(t, 'negotiation');
    const sales = await t.login('sales');
    const manager = await t.login('sales_manager');

    const move = await t.call('POST', `/deals/${deal.id}/negotiation-log`, { token: sales, body: { kind: 'price_cut', note: '客户要求设备款降价 10%' } });
    expect(move.status).toBe(201);
    expect(move.body).toMatchObject({ kind: 'price_cut', note: '客户要求设备款降价 10%' });
    let inbox = (await t.call('GET', '/notifications', { token: manager })).body.items;
    expect(inbox.find((n: { caseId?: string; kind: string }) => n.caseId === deal.id && n.kind === 'negotiation')).toMatchObject({ read: false });
    expect(inbox.some((n: { message: string }) => n.message.includes('客户要求设备款降价 10%') && n.message.includes(deal.number))).toBe(true);

    expect((await t.call('POST', `/deals/${deal.id}/negotiation-log`, { token: sales, body: { kind: 'contract_change', note: '客户希望改为分期付款' } })).status).toBe(201);
    inbox = (await t.call('GET', '/notifications', { token: manager })).body.items;
    expect(inbox.filter((n: { caseId?: string; kind: string }) => n.caseId === deal.id && n.kind === 'negotiation')).toHaveLength(2);

    // policy adjustments: not the salesperson
    const refused = await t.call('POST', `/deals/${deal.id}/negotiation-log`, { token: sales, body: { kind: 'policy_adjustment', note: '我自己批准降价' } });
    expect(refused.status).toBe(403);
    expect((await t.call('POST', `/deals/${deal.id}/negotiation-log`, { token: manager, body: { kind: 'policy_adjustment', note: '同意降价 5%，客户长途全部转入' } })).status).toBe(201);
    expect((await t.call('POST', `/deals/${deal.id}/negotiation-log`, { token: await t.login('gm'), body: { kind: 'policy_adjustment', note: '首年服务费减半' } })).status).toBe(201);
    // the salesperson hears of the adjustments
    const salesInbox = (await t.call('GET', '/notifications', { token: sales })).body.items;
    expect(salesInbox.filter((n: { caseId?: string; kind: string }) => n.caseId === deal.id && n.kind === 'negotiation')).toHaveLength(2);

    // nobody else logs moves on this deal
    expect((await t.call('POST', `/deals/${deal.id}/negotiation-log`, { token: await t.login('engineer'), body: { kind: 'price_cut', note: 'x' } })).status).toBe(403);
    const other = await newUser(['sales']);
    expect((await t.call('POST', `/deals/${deal.id}/negotiation-log`, { token: other.token, body: { kind: 'other', note: 'x' } })).status).toBe(403);

    const view = (await t.call('GET', `/deals/${deal.id}`, { token: manager })).body;
    expect(view.negotiationLog.map((e: { kind: string }) => e.kind)).toEqual(['price_cut', 'contract_change', 'policy_adjustment', 'policy_adjustment']);
    expect(view.negotiationLog.every((e: { actorId: string; at: string }) => e.actorId && e.at)).toBe(true);
    expect(view.history.filter((h: { action: string }) => h.action === 'deal.negotiation')).toHaveLength(4);
  });
});

describe('long negotiations and the pipeline report', () => {
  it('flags a negotiation longer than 10 working days and reports per salesperson', async () => {
    const seller = await newUser(['sales']);
    await t.setClock('2026-03-06T09:00:00+08:00');
    const long = await dealOf(seller.username, 'negotiation', `长谈客户${unique()}`);
    const atQualify = await dealOf(seller.username, 'tech_assessment');
    void atQualify;
    const dropped = await dealOf(seller.username, 'qualify');
    await complete(t, dropped.id, seller.username, { outcome: 'drop', form: { reason: '客户无长途业务' } });
    const lostInNegotiation = await dealOf(seller.username, 'negotiation');
    await complete(t, lostInNegotiation.id, seller.username, { outcome: 'lost', form: { reason: '对方报价更低', competitor: '电信IP长途' } });
    const rejected = await dealOf(seller.username, 'manager_review');
    await complete(t, rejected.id, 'sales_manager', { outcome: 'reject', form: { reason: '投资回收期过长' } });
    const lostAgain = await dealOf(seller.username, 'negotiation');
    await complete(t, lostAgain.id, seller.username, { outcome: 'lost', form: { reason: '客户预算不足', competitor: '电信IP长途' } });

    const manager = await t.login('sales_manager');
    const dealView = async () => (await t.call('GET', `/deals/${long.id}`, { token: seller.token })).body;
    expect((await dealView()).longNegotiation).toBe(false);

    // exactly 10 working days (Fri 06 … Thu 19, 18:00) is not yet long
    await t.setClock('2026-03-19T17:00:00+08:00');
    expect((await dealView()).longNegotiation).toBe(false);
    await t.setClock('2026-03-20T10:00:00+08:00');
    const view = await dealView();
    expect(view.longNegotiation).toBe(true);
    expect(view.negotiationSince).toBe(iso('2026-03-06T09:00:00+08:00'));
    const list = await t.call('GET', `/deals?state=negotiation&q=${encodeURIComponent(long.customer.name)}`, { token: manager });
    expect(list.body.items[0]).toMatchObject({ id: long.id, longNegotiation: true });

    const report = await t.call('GET', '/reports/pipeline', { token: manager });
    expect(report.status).toBe(200);
    expect(report.body.asOf).toBe(iso('2026-03-20T10:00:00+08:00'));
    const row = report.body.salespeople.find((s: { ownerId: string }) => s.ownerId === seller.id);
    expect(row).toMatchObject({
      byState: { negotiation: 1, tech_assessment: 1, dropped: 1, lost: 3 },
      total: 6, open: 2, lost: 3, dropped: 1, longNegotiations: 1,
    });
    // every salesperson is listed, also those without deals
    expect(report.body.salespeople.length).toBeGreaterThanOrEqual(2);
    expect(report.body.longNegotiations.find((l: { dealId: string }) => l.dealId === long.id)).toMatchObject({
      number: long.number, customerName: long.customer.name, ownerId: seller.id, since: iso('2026-03-06T09:00:00+08:00'), workingDays: 10.1,
    });
    const lost = report.body.lostDeals.filter((l: { ownerId: string }) => l.ownerId === seller.id);
    expect(lost).toHaveLength(3);
    expect(lost.find((l: { dealId: string }) => l.dealId === lostInNegotiation.id)).toMatchObject({ step: 'negotiation', reason: '对方报价更低', competitor: '电信IP长途' });
    expect(lost.find((l: { dealId: string }) => l.dealId === rejected.id)).toMatchObject({ step: 'manager_review', reason: '投资回收期过长', competitor: null });
    expect(report.body.droppedDeals.find((l: { dealId: string }) => l.dealId === dropped.id)).toMatchObject({ step: 'qualify', reason: '客户无长途业务' });
    expect(report.body.competitors.find((c: { competitor: string }) => c.competitor === '电信IP长途').lost).toBeGreaterThanOrEqual(2);

    // a period filter on ended deals
    const empty = await t.call('GET', '/reports/pipeline?from=2026-04-01', { token: manager });
    expect(empty.body.lostDeals).toEqual([]);
    const gm = await t.call('GET', '/reports/pipeline?from=2026-03-06&to=2026-03-06', { token: await t.login('gm') });
    expect(gm.status).toBe(200);
    expect(gm.body.lostDeals.some((l: { dealId: string }) => l.dealId === rejected.id)).toBe(true);

    // only the business manager and the GM read it
    for (const u of ['sales', 'engineer', 'cs_manager', 'admin_clerk']) {
      expect((await t.call('GET', '/reports/pipeline', { token: await t.login(u) })).status).toBe(403);
    }
  });
});
