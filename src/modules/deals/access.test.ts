// Who may do what on a deal, and what bad or stale requests get: 400 naming the field,
// 403 for the wrong role, 404 for outsiders and documents off the copy list, 409 when stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { ASSESSMENT, FEASIBILITY, SURVEY, complete, createCustomer, createDeal, dealAt, openTaskOf } from '../../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

async function openTask(caseId: string) {
  return openTaskOf(t, caseId, await t.login('gm'));
}
async function completeAs(username: string, taskId: string, body: unknown) {
  return t.call('POST', `/tasks/${taskId}/complete`, { token: await t.login(username), body });
}
const paths = (r: { body: { error: { details?: { path: string }[] } } }) => (r.body.error.details ?? []).map((d) => d.path);

function expectError(r: { status: number; body: any; text: string }, status: number, code: string) {
  expect(r.status, r.text).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(r.text).not.toMatch(/at .*\.ts:\d+|stack/i);
}

describe('wrong role → 403', () => {
  it('only a salesperson starts a deal', async () => {
    const customer = await createCustomer(t);
    for (const u of ['cs_agent', 'engineer', 'admin_clerk', 'gm']) {
      expectError(await t.call('POST', '/deals', { token: await t.login(u), body: { customerId: customer.id, survey: SURVEY } }), 403, 'forbidden');
    }
  });

  it('each step only by its owner role (and the case owner where the step is the salesperson\'s)', async () => {
    const { deal } = await createDeal(t);
    let task = await openTask(deal.id);
    expectError(await completeAs('engineer', task.id, { outcome: 'develop', form: { customerType: 'x' } }), 403, 'forbidden');
    expectError(await completeAs('sales_manager', task.id, { outcome: 'develop', form: { customerType: 'x' } }), 403, 'forbidden');
    await complete(t, deal.id, 'sales', { outcome: 'develop', form: { customerType: '中型企业' } });

    task = await openTask(deal.id);
    expect(task.step).toBe('tech_assessment');
    expectError(await completeAs('sales', task.id, { form: ASSESSMENT }), 403, 'forbidden');
    expectError(await completeAs('tech_manager', task.id, { form: ASSESSMENT }), 403, 'forbidden');
    await complete(t, deal.id, 'engineer', { form: ASSESSMENT });
    await complete(t, deal.id, 'sales', { form: { content: '方案', investmentFen: 600_000, monthlyGrossProfitFen: 150_000 } });

    task = await openTask(deal.id);
    expect(task.step).toBe('manager_review');
    expectError(await completeAs('sales', task.id, { outcome: 'approve', form: { feasibility: FEASIBILITY } }), 403, 'forbidden');
    expectError(await completeAs('gm', task.id, { outcome: 'approve', form: { feasibility: FEASIBILITY } }), 403, 'forbidden');
    await complete(t, deal.id, 'sales_manager', { outcome: 'approve', form: { feasibility: FEASIBILITY } });

    task = await openTask(deal.id);
    expect(task.step).toBe('gm_approval');
    expectError(await completeAs('sales_manager', task.id, { outcome: 'approve' }), 403, 'forbidden');
  });
});

describe('stale and double completion → 409', () => {
  it('completing the same task twice', async () => {
    const { deal } = await createDeal(t);
    const task = await openTask(deal.id);
    const body = { outcome: 'develop', form: { customerType: '中型企业' } };
    expect((await completeAs('sales', task.id, body)).status).toBe(200);
    expectError(await completeAs('sales', task.id, body), 409, 'conflict');
    // the second try changed nothing: one tech_assessment task
    const view = await t.call('GET', `/deals/${deal.id}`, { token: await t.login('sales') });
    expect(view.body.tasks.filter((x: { step: string }) => x.step === 'tech_assessment')).toHaveLength(1);
  });

  it('two completions at the same moment: exactly one 200 and one 409', async () => {
    const { deal } = await dealAt(t, 'manager_review');
    const task = await openTask(deal.id);
    const manager = await t.login('sales_manager');
    const [a, b] = await Promise.all([
      t.call('POST', `/tasks/${task.id}/complete`, { token: manager, body: { outcome: 'approve', form: { feasibility: FEASIBILITY } } }),
      t.call('POST', `/tasks/${task.id}/complete`, { token: manager, body: { outcome: 'revise', form: { comments: '再改改' } } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const view = (await t.call('GET', `/deals/${deal.id}`, { token: manager })).body;
    expect(view.tasks.filter((x: { status: string }) => x.status === 'open')).toHaveLength(1);
    expect(view.tasks.filter((x: { step: string }) => x.step === 'manager_review')).toHaveLength(1);
    // numbers stay gap-free: a feasibility form only if approve won
    const winner = a.status === 200 ? a : b;
    expect(view.documents.filter((x: { form: string }) => x.form === 'feasibility')).toHaveLength(winner.body.task.outcome === 'approve' ? 1 : 0);
  });

  it('two concurrent completions of the tech assessment write one JD number', async () => {
    const { deal } = await dealAt(t, 'tech_assessment');
    const task = await openTask(deal.id);
    const engineer = await t.login('engineer');
    const results = await Promise.all([1, 2].map(() => t.call('POST', `/tasks/${task.id}/complete`, { token: engineer, body: { form: ASSESSMENT } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const view = (await t.call('GET', `/deals/${deal.id}`, { token: engineer })).body;
    expect(view.documents.filter((x: { form: string }) => x.form === 'tech_assessment')).toHaveLength(1);
  });

  it('negotiation moves and second meetings on an ended deal', async () => {
    const { deal } = await createDeal(t);
    await complete(t, deal.id, 'sales', { outcome: 'drop', form: { reason: '无需求' } });
    const sales = await t.login('sales');
    expectError(await t.call('POST', `/deals/${deal.id}/negotiation-log`, { token: sales, body: { kind: 'price_cut', note: '要求降价' } }), 409, 'conflict');
    expectError(await t.call('PUT', `/deals/${deal.id}/second-meeting`, { token: sales, body: { secondMeetingAt: '2026-03-20T10:00:00+08:00' } }), 409, 'conflict');
  });

  it('a negotiation move before the proposal is delivered', async () => {
    const { deal } = await createDeal(t);
    expectError(await t.call('POST', `/deals/${deal.id}/negotiation-log`, { token: await t.login('sales'), body: { kind: 'price_cut', note: '要求降价' } }), 409, 'conflict');
  });
});

describe('bad forms → 400 naming the field', () => {
  it('an equipment line with a bad quantity', async () => {
    const { deal } = await dealAt(t, 'tech_assessment');
    const task = await openTask(deal.id);
    const bad = { ...ASSESSMENT, equipment: [ASSESSMENT.equipment[0], { ...ASSESSMENT.equipment[1], quantity: 0 }] };
    let r = await completeAs('engineer', task.id, { form: bad });
    expectError(r, 400, 'validation_failed');
    expect(paths(r)).toEqual(['form.equipment.1.quantity']);
    r = await completeAs('engineer', task.id, { form: { ...ASSESSMENT, equipment: [{ ...ASSESSMENT.equipment[0], quantity: '2' }] } });
    expect(paths(r)).toEqual(['form.equipment.0.quantity']);
    r = await completeAs('engineer', task.id, { form: { ...ASSESSMENT, equipment: [{ ...ASSESSMENT.equipment[0], unitPriceFen: 12.5 }] } });
    expect(paths(r)).toEqual(['form.equipment.0.unitPriceFen']);
    r = await completeAs('engineer', task.id, { form: { ...ASSESSMENT, equipment: [] } });
    expect(paths(r)).toEqual(['form.equipment']);
    r = await completeAs('engineer', task.id, { form: { implementationDetails: '' , equipment: ASSESSMENT.equipment } });
    expect(paths(r).sort()).toEqual(['form.estimatedDurationDays', 'form.implementationDetails']);
    // a total beyond exact integer money is refused, not stored wrong
    r = await completeAs('engineer', task.id, { form: { ...ASSESSMENT, equipment: [{ brand: 'X', model: 'Y', quantity: 100000, unitPriceFen: 1e13 }] } });
    expectError(r, 400, 'validation_failed');
    expect(paths(r)).toEqual(['form.equipment']);
    // unknown fields are refused too
    r = await completeAs('engineer', task.id, { form: { ...ASSESSMENT, costBenefit: 'good' } });
    expectError(r, 400, 'validation_failed');
    // nothing of that changed the task
    expect((await openTask(deal.id)).id).toBe(task.id);
  });

  it('outcomes and their forms', async () => {
    const { deal } = await createDeal(t);
    let task = await openTask(deal.id);
    let r = await completeAs('sales', task.id, { outcome: 'maybe', form: {} });
    expectError(r, 400, 'validation_failed');
    expect(paths(r)).toEqual(['outcome']);
    r = await completeAs('sales', task.id, { form: { customerType: 'x' } });
    expect(paths(r)).toEqual(['outcome']);
    r = await completeAs('sales', task.id, { outcome: 'develop', form: {} });
    expect(paths(r)).toEqual(['form.customerType']);
    r = await completeAs('sales', task.id, { outcome: 'develop', form: { customerType: 'x', secondMeetingAt: 'next Tuesday' } });
    expect(paths(r)).toEqual(['form.secondMeetingAt']);
    r = await completeAs('sales', task.id, { outcome: 'develop', form: { customerType: 'x', secondMeetingAt: '2001-01-01T10:00:00+08:00' } });
    expect(paths(r)).toEqual(['form.secondMeetingAt']);
    r = await completeAs('sales', task.id, { outcome: 'develop', form: 'not an object' });
    expectError(r, 400, 'validation_failed');

    const { deal: d2 } = await dealAt(t, 'manager_review');
    task = await openTask(d2.id);
    r = await completeAs('sales_manager', task.id, { outcome: 'approve', form: {} });
    expect(paths(r)).toEqual(['form.feasibility']);
    r = await completeAs('sales_manager', task.id, { outcome: 'approve', form: { feasibility: { ...FEASIBILITY, avgMonthlyGrossProfitFen: 0 } } });
    expect(paths(r)).toEqual(['form.feasibility.avgMonthlyGrossProfitFen']);
    r = await completeAs('sales_manager', task.id, { outcome: 'approve', form: { feasibility: { ...FEASIBILITY, maxFluctuationPct: 150 } } });
    expect(paths(r)).toEqual(['form.feasibility.maxFluctuationPct']);
    r = await completeAs('sales_manager', task.id, { outcome: 'revise', form: {} });
    expect(paths(r)).toEqual(['form.comments']);
    r = await completeAs('sales_manager', task.id, { outcome: 'reject', form: { reason: '   ' } });
    expect(paths(r)).toEqual(['form.reason']);

    const { deal: d3 } = await dealAt(t, 'negotiation');
    task = await openTask(d3.id);
    r = await completeAs('sales', task.id, { outcome: 'signed', form: { paymentModel: 'barter', amountFen: 1 } });
    expect(paths(r)).toEqual(['form.paymentModel']);
    r = await completeAs('sales', task.id, { outcome: 'signed', form: { paymentModel: 'lease', amountFen: -5 } });
    expect(paths(r)).toEqual(['form.amountFen']);
    r = await completeAs('sales', task.id, { outcome: 'lost', form: { competitor: '某公司' } });
    expect(paths(r)).toEqual(['form.reason']);
  });

  it('the survey that starts a deal', async () => {
    const sales = await t.login('sales');
    const customer = await createCustomer(t, sales);
    let r = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey: { ...SURVEY, monthlyLdBillFen: 12.5 } } });
    expectError(r, 400, 'validation_failed');
    expect(paths(r)).toContain('survey.monthlyLdBillFen');
    r = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey: { ...SURVEY, hasPbx: 'yes' } } });
    expect(paths(r)).toContain('survey.hasPbx');
    r = await t.call('POST', '/deals', { token: sales, body: { customerId: 'no-such-customer', survey: SURVEY } });
    expectError(r, 400, 'validation_failed');
    expect(paths(r)).toEqual(['customerId']);
    r = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id } });
    expect(paths(r)).toContain('survey');
    r = await t.call('POST', '/deals', { token: sales });
    expectError(r, 400, 'validation_failed');
    r = await t.call('POST', '/deals', { token: sales, body: '{not json', headers: { 'content-type': 'application/json' } });
    expectError(r, 400, 'validation_failed');
  });

  it('second meetings, negotiation entries and report periods', async () => {
    const { deal } = await dealAt(t, 'negotiation');
    const sales = await t.login('sales');
    let r = await t.call('PUT', `/deals/${deal.id}/second-meeting`, { token: sales, body: { secondMeetingAt: 'tomorrow' } });
    expectError(r, 400, 'validation_failed');
    expect(paths(r)).toEqual(['secondMeetingAt']);
    r = await t.call('PUT', `/deals/${deal.id}/second-meeting`, { token: sales, body: { secondMeetingAt: '2020-01-01T10:00:00+08:00' } });
    expect(paths(r)).toEqual(['secondMeetingAt']);
    r = await t.call('POST', `/deals/${deal.id}/negotiation-log`, { token: sales, body: { kind: 'bribe', note: 'x' } });
    expect(paths(r)).toEqual(['kind']);
    r = await t.call('POST', `/deals/${deal.id}/negotiation-log`, { token: sales, body: { kind: 'price_cut', note: '   ' } });
    expect(paths(r)).toEqual(['note']);
    r = await t.call('GET', '/reports/pipeline?from=2026-13-45', { token: await t.login('sales_manager') });
    expectError(r, 400, 'validation_failed');
    r = await t.call('GET', '/deals/upcoming-meetings?days=-1', { token: sales });
    expectError(r, 400, 'validation_failed');
  });
});

describe('copy lists and outsiders → 404', () => {
  it('each department reads only the forms on its copy list', async () => {
    const { deal } = await dealAt(t, 'gm_approval');
    const view = (await t.call('GET', `/deals/${deal.id}`, { token: await t.login('gm') })).body;
    const byForm = Object.fromEntries(view.documents.map((d: { form: string; id: string }) => [d.form, d.id]));
    const read = async (u: string, form: string) => (await t.call('GET', `/documents/${byForm[form]}`, { token: await t.login(u) })).status;
    const print = async (u: string, form: string) => (await t.call('GET', `/documents/${byForm[form]}/print`, { token: await t.login(u) })).status;

    // the customer-service department is not on the feasibility form's list
    const cs = await t.call('GET', `/documents/${byForm.feasibility}`, { token: await t.login('cs_agent') });
    expectError(cs, 404, 'not_found');
    expect(await print('cs_agent', 'feasibility')).toBe(404);
    expect(await read('cs_agent', 'survey')).toBe(404);
    // the engineer reads the technical assessment, not the feasibility form or the proposal
    expect(await read('engineer', 'tech_assessment')).toBe(200);
    expect(await print('engineer', 'tech_assessment')).toBe(200);
    expect(await read('engineer', 'feasibility')).toBe(404);
    expect(await read('engineer', 'proposal')).toBe(404);
    // …but the survey it assessed, as the assessment step's input (issue 15 §2)
    expect(await read('engineer', 'survey')).toBe(200);
    // business and admin read all the pre-sales forms; the GM reads everything
    for (const form of ['survey', 'tech_assessment', 'proposal', 'feasibility']) {
      expect(await read('sales', form)).toBe(200);
      expect(await read('sales_manager', form)).toBe(200);
      expect(await read('admin_clerk', form)).toBe(200);
      expect(await read('gm', form)).toBe(200);
    }
    // the deal page lists only what the reader may read
    const engView = (await t.call('GET', `/deals/${deal.id}`, { token: await t.login('engineer') })).body;
    expect(engView.documents.map((d: { form: string }) => d.form)).toEqual(['survey', 'tech_assessment']);
    const csView = (await t.call('GET', `/deals/${deal.id}`, { token: await t.login('cs_agent') })).body;
    expect(csView.documents).toEqual([]);
    // the archive search obeys the same lists
    const archive = await t.call('GET', `/documents?form=feasibility`, { token: await t.login('cs_agent') });
    expect(archive.body.items).toEqual([]);
  });

  it('an outsourced partner engineer does not see deals at all', async () => {
    const { deal } = await dealAt(t, 'proposal_draft');
    const partner = await t.login('partner_engineer');
    expectError(await t.call('GET', `/deals/${deal.id}`, { token: partner }), 404, 'not_found');
    expect((await t.call('GET', '/deals', { token: partner })).status).toBe(404);
    const jd = (await t.call('GET', `/deals/${deal.id}`, { token: await t.login('gm') })).body.documents.find((d: { form: string }) => d.form === 'tech_assessment');
    expect((await t.call('GET', `/documents/${jd.id}`, { token: partner })).status).toBe(404);
    expect((await t.call('GET', `/documents/${jd.id}/print`, { token: partner })).status).toBe(404);
    const task = await openTask(deal.id);
    expectError(await completeAs('partner_engineer', task.id, { form: { content: 'x', investmentFen: 1, monthlyGrossProfitFen: 1 } }), 404, 'not_found');
    expect((await t.call('PUT', `/deals/${deal.id}/second-meeting`, { token: partner, body: { secondMeetingAt: '2026-03-20T10:00:00+08:00' } })).status).toBe(404);
    expect((await t.call('POST', `/deals/${deal.id}/negotiation-log`, { token: partner, body: { kind: 'other', note: 'x' } })).status).toBe(404);
    expect((await t.call('GET', '/reports/pipeline', { token: partner })).status).toBe(404);
  });

  it('unknown ids are 404, junk ids never 500', async () => {
    const gm = await t.login('gm');
    for (const id of ['nope', '00000000-0000-0000-0000-000000000000', "x'; drop table deals; --", '%E4%B8%AD%E6%96%87', 'a'.repeat(100)]) {
      expectError(await t.call('GET', `/deals/${id}`, { token: gm }), 404, 'not_found');
      expectError(await t.call('GET', `/documents/${id}/print`, { token: gm }), 404, 'not_found');
      expect((await t.call('POST', `/tasks/${id}/complete`, { token: gm, body: {} })).status).toBe(404);
    }
    expect((await t.call('GET', `/deals/${'a'.repeat(101)}`, { token: gm })).status).toBe(400);
    expect((await t.call('GET', '/deals/upcoming-meetings', {})).status).toBe(401);
  });
});
