// Leads and commission through the HTTP API (issue 14, PROCESS §6.1).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { complete, createDeal, dealAt, SURVEY } from '../../../test/support/factories.js';
import { REMARKS, devices, tryComplete } from '../installation/test-helpers.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const userId = async (username: string) => (await t.call('GET', '/auth/me', { token: await t.login(username) })).body.user?.id
  ?? (await t.call('GET', '/auth/me', { token: await t.login(username) })).body.id;

async function lead(by: string, claimedClass = 'B', over: Record<string, unknown> = {}) {
  const r = await t.call('POST', '/leads', {
    token: await t.login(by), body: { customerName: '上海某贸易公司', contactPerson: '王经理', phone: '021-55550001', need: '长途话费高，想了解 VoIP', claimedClass, justification: '老朋友，已有意向', ...over },
  });
  expect(r.status, r.text).toBe(201);
  return r.body;
}

async function accepted(by: string, cls = 'B') {
  const l = await lead(by, cls);
  const r = await t.call('POST', `/leads/${l.id}/accept`, { token: await t.login('sales_manager'), body: { salespersonId: await userId('sales'), class: cls } });
  expect(r.status, r.text).toBe(200);
  return r.body;
}

describe('leads', () => {
  it('staff outside the business department register leads; business roles get 403', async () => {
    const l = await lead('cs_agent');
    expect(l).toMatchObject({ state: 'new', claimedClass: 'B', referrerId: await userId('cs_agent'), class: null });
    expect(l.number).toMatch(/^XS-2026-\d{6}$/);
    for (const who of ['sales', 'sales_manager']) {
      const r = await t.call('POST', '/leads', { token: await t.login(who), body: { customerName: 'x', need: 'y', claimedClass: 'A' } });
      expect(r.status).toBe(403);
    }
    // the referrer sees their own, another staff member does not, the sales manager sees all
    const own = await t.call('GET', '/leads', { token: await t.login('cs_agent') });
    expect(own.body.items.map((i: { id: string }) => i.id)).toContain(l.id);
    expect((await t.call('GET', '/leads', { token: await t.login('admin_clerk') })).body.items.map((i: { id: string }) => i.id)).not.toContain(l.id);
    expect((await t.call('GET', '/leads', { token: await t.login('sales_manager') })).body.items.map((i: { id: string }) => i.id)).toContain(l.id);
  });

  it('accept: a changed class needs a reason the referrer sees; the salesperson gets a lead_contact task due in 1 working day', async () => {
    const l = await lead('admin_clerk', 'A');
    const manager = await t.login('sales_manager');
    const salesId = await userId('sales');
    const noReason = await t.call('POST', `/leads/${l.id}/accept`, { token: manager, body: { salespersonId: salesId, class: 'B' } });
    expect(noReason.status).toBe(400);
    expect((await t.call('POST', `/leads/${l.id}/accept`, { token: await t.login('sales'), body: { salespersonId: salesId, class: 'A' } })).status).toBe(403);
    const r = await t.call('POST', `/leads/${l.id}/accept`, { token: manager, body: { salespersonId: salesId, class: 'B', classReason: '客户规模一般' } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ state: 'accepted', class: 'B', classReason: '客户规模一般', salespersonId: salesId });
    expect(r.body.customerId).toBeTruthy();
    const tasks = await t.call('GET', `/tasks?status=open&caseId=${l.id}&mine=false`, { token: await t.login('gm') });
    expect(tasks.body.items).toHaveLength(1);
    // Mon 2026-03-02 09:00 + 1 working day (the calendar's working day: Mon 18:00)
    expect(tasks.body.items[0]).toMatchObject({ step: 'lead_contact', assigneeId: salesId, dueAt: new Date('2026-03-02T18:00:00+08:00').toISOString() });
    const seen = (await t.call('GET', '/leads', { token: await t.login('admin_clerk') })).body.items.find((i: { id: string }) => i.id === l.id);
    expect(seen).toMatchObject({ class: 'B', classReason: '客户规模一般', state: 'accepted' });
    // triaged once
    expect((await t.call('POST', `/leads/${l.id}/reject`, { token: manager, body: { reason: 'x' } })).status).toBe(409);
    // the salesperson records the contact from the inbox; the lead still becomes a deal afterwards
    const done = await t.call('POST', `/tasks/${tasks.body.items[0].id}/complete`, { token: await t.login('sales'), body: { outcome: 'contacted' } });
    expect(done.status, done.text).toBe(200);
    const { deal } = await createDeal(t, SURVEY, { leadId: l.id, customerId: r.body.customerId });
    expect(deal.id).toBeTruthy();
  });

  it('reject with a reason', async () => {
    const l = await lead('tech_manager');
    const r = await t.call('POST', `/leads/${l.id}/reject`, { token: await t.login('sales_manager'), body: { reason: '已是他人客户' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'rejected', rejectReason: '已是他人客户' });
  });

  it('the deal links the lead (converted) and closes the contact task; only the salesperson given the lead opens it', async () => {
    const l = await accepted('cs_manager');
    const { deal } = await createDeal(t, SURVEY, { leadId: l.id, customerId: l.customerId });
    const after = (await t.call('GET', '/leads', { token: await t.login('cs_manager') })).body.items.find((i: { id: string }) => i.id === l.id);
    expect(after).toMatchObject({ state: 'converted', dealId: deal.id });
    expect((await t.call('GET', `/tasks?status=open&caseId=${l.id}&mine=false`, { token: await t.login('gm') })).body.items).toEqual([]);
    const again = await t.call('POST', '/deals', { token: await t.login('sales'), body: { customerId: l.customerId, survey: SURVEY, leadId: l.id } });
    expect(again.status).toBe(409);
  });

  it('the referrer never works on the deal (an engineer who referred it cannot do its assessment)', async () => {
    const l = await accepted('engineer');
    const { deal } = await createDeal(t, SURVEY, { leadId: l.id, customerId: l.customerId });
    await complete(t, deal.id, 'sales', { outcome: 'develop', form: { customerType: '中型企业' } });
    const r = await tryComplete(t, deal.id, 'engineer', { form: {} });
    expect(r.status).toBe(403);
    expect(r.body.error.reason).toBe('lead.referrer_no_deal_work');
  });
});

describe('commission (PROCESS §6.1)', () => {
  it('class B, 50,000 yuan at the default 10 %: base 500,000 fen, commission 175,000 fen; pending at signature, due at installation; GM locks, admin pays; Excel reconciles', async () => {
    const l = await accepted('cs_agent', 'B');
    const { deal } = await dealAt(t, 'installation', 'one_time', SURVEY, { lead: { leadId: l.id, customerId: l.customerId }, amountFen: 5_000_000 });
    const statement = async (who: string) => (await t.call('GET', '/commissions?month=2026-03', { token: await t.login(who) })).body;
    const mine = (s: { items: { leadId: string }[] }) => s.items.filter((i) => i.leadId === l.id);

    const referrer = await statement('cs_agent');
    expect(referrer.salesIncomePct).toBe(10);
    expect(mine(referrer)).toEqual([expect.objectContaining({
      dealId: deal.id, class: 'B', pct: 35, amountFen: 5_000_000, baseFen: 500_000, commissionFen: 175_000, state: 'pending', installedAt: null, deductionFen: null,
    })]);
    // someone else sees nothing of it
    expect(mine(await statement('cs_manager'))).toEqual([]);

    // the installation makes it due
    const done = await tryComplete(t, deal.id, 'engineer', { form: { devices: devices(1), remarks: REMARKS } });
    expect(done.status, done.text).toBe(200);
    expect(mine(await statement('cs_agent'))[0]).toMatchObject({ state: 'due', commissionFen: 175_000 });
    // the salesperson's statement shows the same amount as a deduction
    expect(mine(await statement('sales'))[0]).toMatchObject({ commissionFen: 175_000, deductionFen: 175_000 });

    // the GM approves the month once it is over; then it is locked
    const gm = await t.login('gm');
    expect((await t.call('POST', '/commissions/2026-03/approve', { token: gm })).status).toBe(409);
    expect((await t.call('POST', '/commissions/2026-03/approve', { token: await t.login('sales_manager') })).status).toBe(403);
    await t.setClock('2026-04-01T10:00:00+08:00');
    const approved = await t.call('POST', '/commissions/2026-03/approve', { token: gm });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.approved).toMatchObject({ by: await userId('gm') });
    const manager = await t.login('sales_manager');
    const locked = await t.call('PUT', `/leads/${l.id}/income-pct`, { token: manager, body: { pct: 8, reason: '特价项目' } });
    expect(locked.status).toBe(409);
    expect((await t.call('POST', '/commissions/2026-03/approve', { token: gm })).status).toBe(409);

    // administration pays the due line
    expect((await t.call('POST', `/commissions/2026-03/lines/${l.id}/pay`, { token: gm })).status).toBe(403);
    const paid = await t.call('POST', `/commissions/2026-03/lines/${l.id}/pay`, { token: await t.login('admin_clerk') });
    expect(paid.status, paid.text).toBe(200);
    expect(mine(paid.body)[0]).toMatchObject({ state: 'paid' });
    expect((await t.call('POST', `/commissions/2026-03/lines/${l.id}/pay`, { token: await t.login('admin_clerk') })).status).toBe(409);

    // the Excel export: one row per line with its source figures
    const x = await t.app.inject({ method: 'GET', url: '/api/v1/commissions.xlsx?month=2026-03', headers: { authorization: `Bearer ${await t.login('admin_clerk')}` } });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = ws.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const row = rows.find((r) => r[0] === l.number)!;
    expect(row.slice(5, 12)).toEqual(['B', 50_000, 10, '', 5_000, 35, 1_750]);
    expect(row[14]).toBe('已发放');
  });

  it('the sales manager overrides the income percentage of a deal with a reason (before the month is approved)', async () => {
    const l = await accepted('admin_clerk', 'C');
    await dealAt(t, 'contract_archive', 'one_time', SURVEY, { lead: { leadId: l.id, customerId: l.customerId }, amountFen: 1_000_000 });
    const r = await t.call('PUT', `/leads/${l.id}/income-pct`, { token: await t.login('sales_manager'), body: { pct: 8, reason: '特价项目' } });
    expect(r.status, r.text).toBe(200);
    const s = (await t.call('GET', '/commissions?month=2026-04', { token: await t.login('admin_clerk') })).body;
    expect(s.items.find((i: { leadId: string }) => i.leadId === l.id)).toMatchObject({ salesIncomePct: 8, incomePctReason: '特价项目', baseFen: 80_000, pct: 75, commissionFen: 60_000, state: 'pending' });
  });
});
