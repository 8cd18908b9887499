// Pre-sales, seed chapter 1 (steps A–H) through the task engine: owners, outcomes, deadlines,
// documents and the loops (revise → proposal_draft, return → manager_review).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { ASSESSMENT, FEASIBILITY, SURVEY, complete, createCustomer, createDeal, dealAt, openTaskOf, unique } from '../../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const PROPOSAL = { content: '采用 VoIP 分流方案：新增 VoIP 话机专用于长途外呼', investmentFen: 600_000, monthlyGrossProfitFen: 150_000, proposedMonthlyCostFen: 800_000 };
const iso = (s: string) => new Date(s).toISOString();

async function deal(id: string, username = 'gm') {
  const r = await t.call('GET', `/deals/${id}`, { token: await t.login(username) });
  expect(r.status).toBe(200);
  return r.body;
}
const openTasks = (d: { tasks: { status: string }[] }) => d.tasks.filter((x) => x.status === 'open');
const docOf = (d: { documents: { form: string }[] }, form: string) => d.documents.filter((x) => x.form === form).at(-1) as any;

async function userId(username: string) {
  const r = await t.call('GET', '/auth/me', { token: await t.login(username) });
  return r.body.user.id as string;
}

describe('a deal from survey to signature (happy path, exact deadlines)', () => {
  it('runs every step with the PROCESS.md owner, deadline and document', async () => {
    // the test app starts on Monday 2026-03-02 09:00 Asia/Shanghai
    const sales = await t.login('sales');
    const salesId = await userId('sales');
    const customer = await createCustomer(t, sales, { name: '上海华通电子有限公司' });
    const created = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey: SURVEY } });
    expect(created.status).toBe(201);
    const d0 = created.body;
    expect(d0.state).toBe('qualify');
    expect(d0.number).toMatch(/^SJ-2026-\d{6}$/);
    expect(d0.ownerId).toBe(salesId);
    // seed step B: the second meeting is proposed 3 days after the first visit
    expect(d0.secondMeetingAt).toBe(iso('2026-03-05T09:00:00+08:00'));
    expect(d0.documents).toHaveLength(1);
    expect(d0.documents[0]).toMatchObject({ form: 'survey', number: 'DC-2026-000001', fields: { monthlyLdBillFen: 1_250_000 } });
    // qualify: ½ working day = 4 working hours: 09:00–12:00 and 13:00–14:00
    expect(d0.tasks).toHaveLength(1);
    expect(d0.tasks[0]).toMatchObject({ step: 'qualify', assigneeRole: 'sales', assigneeId: salesId, status: 'open', overdue: false });
    expect(d0.tasks[0].dueAt).toBe(iso('2026-03-02T14:00:00+08:00'));
    // the task is in the salesperson's inbox
    const inbox = await t.call('GET', '/tasks?mine=true&status=open', { token: sales });
    expect(inbox.body.items.map((x: { caseId: string }) => x.caseId)).toContain(d0.id);

    // B/C qualify → develop at 11:00: the survey goes to the technical department
    await t.setClock('2026-03-02T11:00:00+08:00');
    const q = await complete(t, d0.id, 'sales', { outcome: 'develop', form: { customerType: '中型企业，长途话费高', templateId: 'voip-split' } });
    expect(q.task).toMatchObject({ step: 'qualify', status: 'done', outcome: 'develop' });
    expect(q.next).toHaveLength(1);
    expect(q.next[0]).toMatchObject({ step: 'tech_assessment', assigneeRole: 'engineer', assigneeId: null });
    expect(q.next[0].dueAt).toBe(iso('2026-03-02T16:00:00+08:00')); // 11–12 + 13–16
    // the engineer sees it in the pool
    const engInbox = await t.call('GET', '/tasks?mine=true&status=open', { token: await t.login('engineer') });
    expect(engInbox.body.items.some((x: { id: string }) => x.id === q.next[0].id)).toBe(true);

    // D tech assessment at 15:30: equipment lines total themselves
    await t.setClock('2026-03-02T15:30:00+08:00');
    const a = await complete(t, d0.id, 'engineer', { form: ASSESSMENT });
    expect(a.document).toMatchObject({ form: 'tech_assessment' });
    expect(a.document.number).toMatch(/^JD-2026-\d{6}$/);
    expect(a.document.fields.equipment.map((l: { lineTotalFen: number }) => l.lineTotalFen)).toEqual([360_000, 250_000]);
    expect(a.document.fields.totalFen).toBe(610_000);
    expect(a.document.copies).toEqual(['technical', 'business', 'admin']);
    // proposal_draft back to the same salesperson: 15:30–18:00 (2.5 h) + Tue 09:00–10:30
    expect(a.next[0]).toMatchObject({ step: 'proposal_draft', assigneeId: salesId });
    expect(a.next[0].dueAt).toBe(iso('2026-03-03T10:30:00+08:00'));

    // E proposal draft on Tuesday 10:00: today's long-distance bill beside the proposed cost
    await t.setClock('2026-03-03T10:00:00+08:00');
    const p = await complete(t, d0.id, 'sales', { form: PROPOSAL });
    expect(p.document.number).toMatch(/^FA-2026-\d{6}$/);
    expect(p.document.fields).toMatchObject({ ...PROPOSAL, currentMonthlyLdBillFen: 1_250_000, monthlySavingFen: 450_000 });
    // manager_review: 1 working day = 8 h: Tue 10–12, 13–18, Wed 09–10
    expect(p.next[0]).toMatchObject({ step: 'manager_review', assigneeRole: 'sales_manager' });
    expect(p.next[0].dueAt).toBe(iso('2026-03-04T10:00:00+08:00'));

    // F/G manager approves with form 3; the server computes the payback period
    await t.setClock('2026-03-03T15:00:00+08:00');
    const m = await complete(t, d0.id, 'sales_manager', { outcome: 'approve', form: { feasibility: FEASIBILITY, comments: '同意' } });
    expect(m.document.number).toMatch(/^KX-2026-\d{6}$/);
    expect(m.document.fields).toMatchObject({ ...FEASIBILITY, paybackMonths: 4, bestCaseMonths: 3.33, worstCaseMonths: 5, comments: '同意' });
    expect(m.document.copies).toEqual(['business', 'admin']);
    expect(m.next[0]).toMatchObject({ step: 'gm_approval', assigneeRole: 'gm' });
    expect(m.next[0].dueAt).toBe(iso('2026-03-04T15:00:00+08:00'));

    // G/H GM approves on Wednesday; proposal_delivery is due 5 working days after the deal started
    await t.setClock('2026-03-04T09:30:00+08:00');
    const g = await complete(t, d0.id, 'gm', { outcome: 'approve', form: { comments: '可以' } });
    expect(g.next[0]).toMatchObject({ step: 'proposal_delivery', assigneeId: salesId });
    expect(g.next[0].dueAt).toBe(iso('2026-03-06T18:00:00+08:00'));

    // H proposal handed over; negotiation has no deadline (it is flagged long instead)
    await t.setClock('2026-03-04T10:00:00+08:00');
    const dl = await complete(t, d0.id, 'sales', { form: { deliveredAt: '2026-03-04T09:45:00+08:00' } });
    expect(dl.next[0]).toMatchObject({ step: 'negotiation', assigneeId: salesId, dueAt: null, overdue: false });

    // H signed: form contract, one-time purchase gives VIP 7×24 service
    await t.setClock('2026-03-05T16:00:00+08:00');
    const s = await complete(t, d0.id, 'sales', { outcome: 'signed', form: { paymentModel: 'one_time', amountFen: 800_000, concessions: '客户全部长途业务转入我方' } });
    expect(s.document.number).toMatch(/^HT-2026-\d{6}$/);
    expect(s.document.fields).toMatchObject({ paymentModel: 'one_time', amountFen: 800_000, concessions: '客户全部长途业务转入我方', serviceTier: 'vip' });
    expect(s.next[0]).toMatchObject({ step: 'contract_archive', assigneeRole: 'admin_clerk' });
    expect(s.next[0].dueAt).toBe(iso('2026-03-06T16:00:00+08:00'));

    const d = await deal(d0.id, 'sales');
    expect(d).toMatchObject({ id: d0.id, state: 'contract_archive', customerId: customer.id, paymentModel: 'one_time', amountFen: 800_000, longNegotiation: false });
    expect(d.documents.map((x: { form: string }) => x.form)).toEqual(['survey', 'tech_assessment', 'proposal', 'feasibility', 'contract']);
    expect(d.tasks.map((x: { step: string }) => x.step)).toEqual([
      'qualify', 'tech_assessment', 'proposal_draft', 'manager_review', 'gm_approval', 'proposal_delivery', 'negotiation', 'contract_archive',
    ]);
    expect(d.tasks.filter((x: { overdue: boolean }) => x.overdue)).toEqual([]);
    expect(d.tasks[0]).toMatchObject({ label: '客户定性', completedBy: salesId, completedAt: iso('2026-03-02T11:00:00+08:00') });
    expect(d.people[salesId]).toBeTypeOf('string');
    expect(d.customer).toMatchObject({ name: '上海华通电子有限公司' });
    expect(d.history.some((h: { action: string }) => h.action === 'deal.create')).toBe(true);
    expect(d.history.filter((h: { action: string }) => h.action === 'task.complete')).toHaveLength(7);
    // every number is distinct and follows <prefix>-<year>-<6 digits>
    const numbers = d.documents.map((x: { number: string }) => x.number);
    expect(new Set(numbers).size).toBe(5);
    for (const n of numbers) expect(n).toMatch(/^(DC|JD|FA|KX|HT)-2026-\d{6}$/);
  });

  it('gives installment and lease customers standard 5×8 service', async () => {
    const { deal: d } = await dealAt(t, 'contract_archive', 'installment');
    const view = await deal(d.id);
    expect(docOf(view, 'contract').fields).toMatchObject({ paymentModel: 'installment', serviceTier: 'standard' });
    const { deal: d2 } = await dealAt(t, 'contract_archive', 'lease');
    expect(docOf(await deal(d2.id), 'contract').fields.serviceTier).toBe('standard');
  });

  it('lets qualify set the second meeting', async () => {
    const { deal: d } = await createDeal(t);
    await complete(t, d.id, 'sales', { outcome: 'develop', form: { customerType: '小型企业', secondMeetingAt: '2026-04-01T14:30:00+08:00' } });
    expect((await deal(d.id)).secondMeetingAt).toBe(iso('2026-04-01T14:30:00+08:00'));
  });
});

describe('loops', () => {
  it('revise reopens proposal_draft for the same salesperson, with the comments on record', async () => {
    const { deal: d } = await dealAt(t, 'manager_review');
    const salesId = await userId('sales');
    const r = await complete(t, d.id, 'sales_manager', { outcome: 'revise', form: { comments: '投资额偏高，请重新测算' } });
    expect(r.task.outcome).toBe('revise');
    expect(r.document).toBeUndefined();
    expect(r.next).toHaveLength(1);
    expect(r.next[0]).toMatchObject({ step: 'proposal_draft', assigneeId: salesId, status: 'open' });
    let view = await deal(d.id);
    expect(view.state).toBe('proposal_draft');
    expect(view.history.find((h: { action: string; after?: { outcome?: string } }) => h.action === 'task.complete' && h.after?.outcome === 'revise').after.form)
      .toEqual({ comments: '投资额偏高，请重新测算' });

    // another salesperson may not take it over
    const admin = await t.login('sysadmin');
    const other = `sales_${unique()}`;
    expect((await t.call('POST', '/users', { token: admin, body: { username: other, password: 'other-pass-1234', displayName: '另一位业务员', roles: ['sales'] } })).status).toBe(201);
    const otherToken = await t.login(other, 'other-pass-1234');
    const task = await openTaskOf(t, d.id, await t.login('gm'));
    const refused = await t.call('POST', `/tasks/${task.id}/complete`, { token: otherToken, body: { form: PROPOSAL } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');

    // the same salesperson revises; the manager reviews again and approves
    const p2 = await complete(t, d.id, 'sales', { form: { ...PROPOSAL, investmentFen: 500_000 } });
    expect(p2.next[0].step).toBe('manager_review');
    await complete(t, d.id, 'sales_manager', { outcome: 'approve', form: { feasibility: { ...FEASIBILITY, equipmentInvestmentFen: 500_000 } } });
    view = await deal(d.id);
    expect(view.state).toBe('gm_approval');
    const proposals = view.documents.filter((x: { form: string }) => x.form === 'proposal');
    expect(proposals).toHaveLength(2);
    expect(proposals[0].number).not.toBe(proposals[1].number);
    // the first draft is marked as superseded by the second; the second and the single forms are not (issue 15 §2)
    const [older, newer] = [...proposals].sort((a: { number: string }, b: { number: string }) => a.number.localeCompare(b.number));
    expect(older.supersededBy).toBe(newer.number);
    expect(newer.supersededBy).toBeUndefined();
    expect(view.documents.filter((x: { supersededBy?: string }) => x.supersededBy)).toHaveLength(1);
    expect(view.tasks.map((x: { step: string }) => x.step)).toEqual([
      'qualify', 'tech_assessment', 'proposal_draft', 'manager_review', 'proposal_draft', 'manager_review', 'gm_approval',
    ]);
    expect(docOf(view, 'feasibility').fields.paybackMonths).toBeCloseTo(3.33, 2);
  });

  it('GM return reopens manager_review; the second approval goes on', async () => {
    const { deal: d } = await dealAt(t, 'gm_approval');
    const r = await complete(t, d.id, 'gm', { outcome: 'return', form: { comments: '回收期请再核实' } });
    expect(r.next).toHaveLength(1);
    expect(r.next[0]).toMatchObject({ step: 'manager_review', assigneeRole: 'sales_manager', assigneeId: null });
    expect((await deal(d.id)).state).toBe('manager_review');
    await complete(t, d.id, 'sales_manager', { outcome: 'approve', form: { feasibility: { ...FEASIBILITY, maxFluctuationPct: 10 } } });
    await complete(t, d.id, 'gm', { outcome: 'approve' });
    const view = await deal(d.id);
    expect(view.state).toBe('proposal_delivery');
    expect(view.documents.filter((x: { form: string }) => x.form === 'feasibility')).toHaveLength(2);
    expect(view.tasks.filter((x: { step: string }) => x.step === 'gm_approval').map((x: { outcome: string }) => x.outcome)).toEqual(['return', 'approve']);
  });
});

describe('ends', () => {
  it('drop at qualify closes the deal with the reason recorded', async () => {
    const { deal: d } = await createDeal(t);
    const r = await complete(t, d.id, 'sales', { outcome: 'drop', form: { reason: '客户无长途业务' } });
    expect(r.next).toEqual([]);
    const view = await deal(d.id);
    expect(view).toMatchObject({ state: 'dropped', endReason: '客户无长途业务' });
    expect(openTasks(view)).toEqual([]);
    // drop needs a reason
    const { deal: d2 } = await createDeal(t);
    const task = await openTaskOf(t, d2.id, await t.login('gm'));
    const bad = await t.call('POST', `/tasks/${task.id}/complete`, { token: await t.login('sales'), body: { outcome: 'drop', form: {} } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((x: { path: string }) => x.path)).toContain('form.reason');
  });

  it('lost in negotiation records the reason and the competitor', async () => {
    const { deal: d } = await dealAt(t, 'negotiation');
    const r = await complete(t, d.id, 'sales', { outcome: 'lost', form: { reason: '对方报价更低', competitor: '电信IP长途' } });
    expect(r.document).toBeUndefined();
    const view = await deal(d.id);
    expect(view).toMatchObject({ state: 'lost', endReason: '对方报价更低', competitor: '电信IP长途' });
    expect(openTasks(view)).toEqual([]);
    expect(view.documents.some((x: { form: string }) => x.form === 'contract')).toBe(false);
  });

  it('manager reject ends the deal lost with the reason', async () => {
    const { deal: d } = await dealAt(t, 'manager_review');
    await complete(t, d.id, 'sales_manager', { outcome: 'reject', form: { reason: '投资回收期过长' } });
    const view = await deal(d.id);
    expect(view).toMatchObject({ state: 'lost', endReason: '投资回收期过长', competitor: null });
    expect(openTasks(view)).toEqual([]);
  });

  it('GM reject ends the deal lost with the comments as the reason', async () => {
    const { deal: d } = await dealAt(t, 'gm_approval');
    await complete(t, d.id, 'gm', { outcome: 'reject', form: { comments: '风险过大' } });
    expect(await deal(d.id)).toMatchObject({ state: 'lost', endReason: '风险过大' });
  });

  it('an ended deal has no task left to complete', async () => {
    const { deal: d } = await createDeal(t);
    const task = await openTaskOf(t, d.id, await t.login('gm'));
    await complete(t, d.id, 'sales', { outcome: 'drop', form: { reason: '重复录入' } });
    const again = await t.call('POST', `/tasks/${task.id}/complete`, { token: await t.login('sales'), body: { outcome: 'develop', form: { customerType: 'x' } } });
    expect(again.status).toBe(409);
  });
});

describe('the deal list', () => {
  it('filters by state and by my deals, with customer names, paged', async () => {
    const { deal: d, customer } = await createDeal(t);
    const sales = await t.login('sales');
    const r = await t.call('GET', `/deals?state=qualify&mine=true&q=${encodeURIComponent(customer.name)}`, { token: sales });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(1);
    expect(r.body.items[0]).toMatchObject({ id: d.id, state: 'qualify', customerName: customer.name, longNegotiation: false });
    const page = await t.call('GET', '/deals?pageSize=2&page=1', { token: sales });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    // a typed % or _ is text, not a wildcard
    expect((await t.call('GET', '/deals?q=%25', { token: sales })).body.total).toBe(0);
    expect((await t.call('GET', '/deals?q=_', { token: sales })).body.total).toBe(0);
    const other = await t.call('GET', '/deals?mine=true', { token: await t.login('sales_manager') });
    expect(other.body.total).toBe(0);
  });
});
