// The archive (seed chapter 2): every document searchable by number, customer, form, dates and
// department, the copy list enforced; the admin view of what awaits archiving; Excel export.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { dealAt } from '../../../test/support/factories.js';
import { REMARKS, devices, tryComplete } from './test-helpers.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

type Doc = { id: string; form: string; number: string; archivedAt: string | null; customerName: string; copies: string[] };

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
async function search(username: string, params: Record<string, string>) {
  const r = await t.call('GET', `/documents?${q({ pageSize: '200', ...params })}`, { token: await t.login(username) });
  expect(r.status, r.text).toBe(200);
  return r.body as { items: Doc[]; total: number };
}
const forms = (items: Doc[]) => items.map((d) => d.form).sort();

/** A deal signed, archived, bought and installed: six documents (DC JD FA KX HT ZJ). */
async function installedDeal() {
  const { deal, customer } = await dealAt(t, 'installation');
  const r = await tryComplete(t, deal.id, 'engineer', { form: { devices: devices(2), remarks: REMARKS } });
  expect(r.status).toBe(200);
  return { deal, customer, zj: r.body.document as Doc };
}

let fixture: Awaited<ReturnType<typeof installedDeal>>;
beforeAll(async () => { fixture = await installedDeal(); });

describe('archive search', () => {
  it('finds every document of a deal by customer, and by number, form, date range and department', async () => {
    const { customer, zj } = fixture;
    const all = await search('gm', { customer: customer.name });
    expect(forms(all.items)).toEqual(['contract', 'feasibility', 'installation_order', 'proposal', 'survey', 'tech_assessment']);
    expect(all.total).toBe(6);
    expect(all.items.every((d) => d.customerName === customer.name)).toBe(true);

    const byNumber = await search('admin_clerk', { number: zj.number });
    expect(byNumber.items.map((d) => d.id)).toEqual([zj.id]);
    expect((await search('admin_clerk', { number: zj.number.toLowerCase() })).items.map((d) => d.id)).toEqual([zj.id]);

    const contracts = await search('admin_clerk', { customer: customer.name, form: 'contract' });
    expect(contracts.items.map((d) => d.number)).toEqual([expect.stringMatching(/^HT-2026-\d{6}$/)]);

    expect((await search('gm', { customer: customer.name, from: '2026-03-02', to: '2026-03-02' })).total).toBe(6);
    expect((await search('gm', { customer: customer.name, from: '2026-03-03' })).total).toBe(0);
    expect((await search('gm', { customer: customer.name, to: '2026-03-01' })).total).toBe(0);

    expect(forms((await search('gm', { customer: customer.name, department: 'technical' })).items)).toEqual(['installation_order', 'tech_assessment']);
    expect((await search('gm', { customer: customer.name, department: 'customer_service' })).total).toBe(0);
  });

  it('enforces the copy list: each department finds only the forms it receives', async () => {
    const { customer, zj } = fixture;
    expect(forms((await search('sales', { customer: customer.name })).items)).toEqual(['contract', 'feasibility', 'proposal', 'survey', 'tech_assessment']);
    expect(forms((await search('engineer', { customer: customer.name })).items)).toEqual(['installation_order', 'tech_assessment']);
    expect(forms((await search('admin_clerk', { customer: customer.name })).items)).toHaveLength(6);
    expect((await search('cs_agent', { customer: customer.name })).total).toBe(0);
    // a department filter cannot widen what one may read
    expect((await search('engineer', { customer: customer.name, department: 'business' })).items.map((d) => d.form)).toEqual(['tech_assessment']);
    // reading one document follows the same list; outsiders learn nothing
    const contract = (await search('gm', { customer: customer.name, form: 'contract' })).items[0];
    expect((await t.call('GET', `/documents/${contract.id}`, { token: await t.login('engineer') })).status).toBe(404);
    expect((await t.call('GET', `/documents/${zj.id}`, { token: await t.login('sales') })).status).toBe(404);
    expect((await t.call('GET', `/documents/${zj.id}`, { token: await t.login('engineer') })).status).toBe(200);
    expect((await t.call('GET', `/documents?${q({ customer: customer.name })}`, { token: await t.login('partner_engineer') })).status).toBe(404);
  });

  it('refuses bad filters with 400, never 500', async () => {
    const token = await t.login('admin_clerk');
    for (const query of ['from=2026-02-30', 'to=2026-13-01', 'from=yesterday', 'archived=yes', 'pageSize=1000', 'page=0', `number=${'x'.repeat(51)}`]) {
      const r = await t.call('GET', `/documents?${query}`, { token });
      expect(r.status, query).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
    }
    // wildcards and quotes are only text
    expect((await t.call('GET', `/documents?${q({ customer: "%' or 1=1 --" })}`, { token })).body.total).toBe(0);
  });
});

describe('admin view: awaiting archiving and archived', () => {
  it('lists what awaits archiving; the admin clerk archives it', async () => {
    const { customer, zj } = fixture;
    // contract_archive filed the five pre-sales forms; the installation order came later
    expect(forms((await search('admin_clerk', { customer: customer.name, archived: 'true' })).items)).toEqual(['contract', 'feasibility', 'proposal', 'survey', 'tech_assessment']);
    const waiting = await search('admin_clerk', { archived: 'false', customer: customer.name });
    expect(waiting.items.map((d) => d.id)).toEqual([zj.id]);

    expect((await t.call('POST', `/documents/${zj.id}/archive`, { token: await t.login('engineer') })).status).toBe(403);
    expect((await t.call('POST', `/documents/${zj.id}/archive`, { token: await t.login('partner_engineer') })).status).toBe(404);
    expect((await t.call('POST', '/documents/no-such-doc/archive', { token: await t.login('admin_clerk') })).status).toBe(404);
    const r = await t.call('POST', `/documents/${zj.id}/archive`, { token: await t.login('admin_clerk') });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: zj.id, archivedAt: new Date('2026-03-02T09:00:00+08:00').toISOString() });
    // archiving twice changes nothing
    const again = await t.call('POST', `/documents/${zj.id}/archive`, { token: await t.login('admin_clerk') });
    expect(again.body.archivedAt).toBe(r.body.archivedAt);
    expect((await search('admin_clerk', { archived: 'false', customer: customer.name })).total).toBe(0);
    const audit = (await t.call('GET', `/audit?caseId=${fixture.deal.id}`, { token: await t.login('gm') })).body.items;
    expect(audit.filter((a: { action: string }) => a.action === 'document.archive')).toHaveLength(1);
  });
});

describe('Excel export', () => {
  async function exportAs(username: string, params: Record<string, string>) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/documents/export.xlsx?${q(params)}`, headers: { authorization: `Bearer ${await t.login(username)}` } });
    return res;
  }
  async function readBack(raw: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { ws, rows };
  }

  it('exports a search result with Chinese headers, one row per document', async () => {
    const { customer, zj } = fixture;
    const res = await exportAs('admin_clerk', { customer: customer.name });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="archive-20260302\.xlsx"; filename\*=UTF-8''/);
    const { ws, rows } = await readBack(res.rawPayload);
    expect(ws.name).toBe('档案');
    expect(rows[0]).toEqual(['编号', '表单', '客户名称', '案件类型', '分发部门', '填写日期', '经办人', '归档状态', '归档日期']);
    expect(rows).toHaveLength(7);
    const zjRow = rows.find((r) => r[0] === zj.number)!;
    expect(zjRow.slice(0, 5)).toEqual([zj.number, '装机单', customer.name, '商机', '技术部、行政部']);
    // times are Asia/Shanghai wall-clock times
    expect((zjRow[5] as Date).toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(zjRow[7]).toMatch(/^(已归档|待归档)$/);
    const survey = rows.find((r) => r[1] === '客户通讯状况调查表')!;
    expect(survey[7]).toBe('已归档');
    expect((survey[8] as Date).toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('applies the same filters and copy list as the search', async () => {
    const { customer } = fixture;
    const eng = await readBack((await exportAs('engineer', { customer: customer.name })).rawPayload);
    expect(eng.rows.slice(1).map((r) => r[1]).sort()).toEqual(['技术鉴定回执单', '装机单'].sort());
    const contracts = await readBack((await exportAs('gm', { customer: customer.name, form: 'contract' })).rawPayload);
    expect(contracts.rows).toHaveLength(2);
    expect(contracts.rows[1][1]).toBe('合同');
    const none = await readBack((await exportAs('cs_agent', { customer: customer.name })).rawPayload);
    expect(none.rows).toHaveLength(1);
    expect((await exportAs('admin_clerk', { from: '2026-02-31' })).statusCode).toBe(400);
    expect((await exportAs('partner_engineer', {})).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/documents/export.xlsx' })).statusCode).toBe(401);
  });
});
