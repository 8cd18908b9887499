// Issue 9, the proof: a company changes its process by editing the definition alone. An app
// started with a definition that differs from the default in four ways (a renamed step, an extra
// required survey field, a changed copy list, a changed deadline) runs a deal end to end through
// the API with no code change, and prints the extra field and the new copies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_START, testApp, type TestApp } from '../support/app.js';
import { SURVEY, complete, createCustomer, dealAt } from '../support/factories.js';
import { CUSTOM, customProcess } from '../support/custom-process.js';
import { validateDefinition } from '../../src/modules/process/service.js';

let t: TestApp;
beforeAll(async () => { t = await testApp({ process: customProcess() }); });
afterAll(async () => { await t?.close(); });

const survey = { ...SURVEY, [CUSTOM.extraField]: '中国电信' };
const count = (html: string, s: string) => html.split(s).length - 1;

describe('a custom process definition, with no code change', () => {
  it('is served at GET /process to anyone signed in, and round-trips', async () => {
    const r = await t.call('GET', '/process', { token: await t.login('partner_engineer') });
    expect(r.status, r.text).toBe(200);
    const def = r.body;
    expect(def.version).toBeGreaterThan(1);
    expect(def.steps[CUSTOM.renamedTo]).toMatchObject({ kind: 'assessment', role: 'engineer', label: { zh: '现场勘查', en: 'Site assessment' } });
    expect(def.steps[CUSTOM.renamedFrom]).toBeUndefined();
    expect(def.forms.survey.fields.at(-1)).toEqual({ key: CUSTOM.extraField, type: 'text', label: CUSTOM.extraLabel, required: true, max: 100 });
    expect(def.forms.feasibility.copies).toEqual(['business', 'admin', 'technical']);
    expect(def.steps.qualify.due).toMatchObject({ days: CUSTOM.qualifyDays });
    expect(def.roles.sales).toEqual({ label: { zh: '业务员', en: 'Salesperson' }, department: 'business' });
    expect(def.departments.technical).toEqual({ label: { zh: '技术部', en: 'Technical' }, manager: 'tech_manager' });
    expect(Object.keys(def.tiers)).toEqual(['standard', 'vip']);
    // what is served is accepted back unchanged
    expect(validateDefinition(def)).toEqual(def);
    expect((await t.call('GET', '/process')).status).toBe(401);
  });

  it('serves published versions to everyone signed in (running cases render from them), drafts to the editors only', async () => {
    const current = (await t.call('GET', '/process', { token: await t.login('gm') })).body.version;
    const r = await t.call('GET', `/process/versions/${current}`, { token: await t.login('sysadmin') });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ version: current, status: 'published', definition: { version: current } });
    const v1 = await t.call('GET', '/process/versions/1', { token: await t.login('gm') });
    expect(v1.body.definition.steps[CUSTOM.renamedFrom]).toBeDefined();
    expect((await t.call('GET', `/process/versions/${current}`, { token: await t.login('sales') })).status).toBe(200);
    expect((await t.call('GET', '/process/versions/9999', { token: await t.login('gm') })).status).toBe(404);
    expect((await t.call('GET', '/process/versions/abc', { token: await t.login('gm') })).status).toBe(400);
  });

  it('requires the extra survey field, stores it, and runs the renamed step with the new deadline', async () => {
    const sales = await t.login('sales');
    const customer = await createCustomer(t, sales);
    const missing = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey: SURVEY } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).toEqual([`survey.${CUSTOM.extraField}`]);

    const r = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey } });
    expect(r.status, r.text).toBe(201);
    expect(r.body.documents[0].fields[CUSTOM.extraField]).toBe('中国电信');
    // qualify is due 1 working day later (the default: half a day)
    const due = await t.call('GET', `/calendar/due?from=${encodeURIComponent(DEFAULT_START)}&days=${CUSTOM.qualifyDays}&tier=standard`, { token: sales });
    expect(r.body.tasks[0]).toMatchObject({ step: 'qualify' });
    expect(Date.parse(r.body.tasks[0].dueAt)).toBe(Date.parse(due.body.dueAt));

    const done = await complete(t, r.body.id, 'sales', { outcome: 'develop', form: { customerType: '中型企业' } });
    expect(done.next.map((x: { step: string }) => x.step)).toEqual([CUSTOM.renamedTo]);
    const page = await t.call('GET', `/deals/${r.body.id}`, { token: sales });
    expect(page.body.state).toBe(CUSTOM.renamedTo);
    expect(page.body.tasks.at(-1)).toMatchObject({ step: CUSTOM.renamedTo, status: 'open', label: '现场勘查' });
    const inbox = await t.call('GET', '/tasks?mine=true&status=open', { token: await t.login('engineer') });
    expect(inbox.body.items.some((x: { caseId: string; step: string }) => x.caseId === r.body.id && x.step === CUSTOM.renamedTo)).toBe(true);
  });

  it('runs a deal to installed, enforces the new copy list, and prints the extra field and the new copies', async () => {
    const { deal } = await dealAt(t, 'installation', 'one_time', survey);
    await complete(t, deal.id, 'engineer', {
      form: { devices: [{ brandModel: 'Cisco SPA8000', serialNumber: `SN-${deal.id.slice(0, 8)}`, configDocNumber: 'CFG-1' }], remarks: '客户机房在三楼' },
    });
    const gm = await t.login('gm');
    const page = await t.call('GET', `/deals/${deal.id}`, { token: gm });
    expect(page.body.state).toBe('installed');
    const docs = Object.fromEntries(page.body.documents.map((d: { form: string; id: string }) => [d.form, d.id]));

    // KX: the technical department is on the copy list now; customer service still is not
    const engineer = await t.login('engineer');
    const kx = await t.call('GET', `/documents/${docs.feasibility}`, { token: engineer });
    expect(kx.status).toBe(200);
    expect(kx.body.copies).toEqual(['business', 'admin', 'technical']);
    expect((await t.call('GET', `/documents/${docs.feasibility}`, { token: await t.login('cs_agent') })).status).toBe(404);
    const kxPrint = await t.call('GET', `/documents/${docs.feasibility}/print`, { token: engineer });
    expect(kxPrint.status).toBe(200);
    expect(count(kxPrint.text, 'class="page"')).toBe(3);
    expect(kxPrint.text).toContain('第三联 · 技术部');
    expect(kxPrint.text).toContain('一式3联');

    // DC: the extra field prints with its label
    const dc = await t.call('GET', `/documents/${docs.survey}/print`, { token: gm });
    expect(dc.text).toMatch(new RegExp(`${CUSTOM.extraLabel.zh}</th><td colspan="3">中国电信</td>`));

    // the renamed step's document (JD) was written as before
    expect(docs.tech_assessment).toBeDefined();
    const history = page.body.tasks.map((x: { step: string }) => x.step);
    expect(history).toContain(CUSTOM.renamedTo);
    expect(history).not.toContain(CUSTOM.renamedFrom);
  });
});
