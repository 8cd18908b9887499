// Department results printed on A4 and exported to Excel (issue 13): the same numbers as
// GET /reports/departments, each against the GM's target with the share achieved; a manager sees
// their own department on paper too. Period: February 2026 (Asia/Shanghai) with one deal signed,
// ¥5,000 on 02-25; targets: 2 deals, ¥10,000 signed, repairs on time 80%.
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { cases, customers, deals, tasks } from '../../db/schema.js';

const at = (local: string) => new Date(`2026-${local}:00+08:00`);
let t: TestApp;
let gm: string;

beforeAll(async () => {
  t = await testApp();
  gm = await t.login('gm');
  const db = t.ctx.db;
  const sales = (await t.call('GET', '/auth/me', { token: await t.login('sales') })).body.user.id;
  const customer = crypto.randomUUID();
  await db.insert(customers).values({ id: customer, name: '客户', address: '上海', contactPerson: '李', phone: '021-1', phoneDigits: '0211', createdAt: at('01-01T09:00'), updatedAt: at('01-01T09:00') });
  const deal = crypto.randomUUID();
  await db.insert(cases).values({ id: deal, type: 'deal', number: 'SJ-TEST-1', customerId: customer, ownerId: sales, state: 'contract_archive', definitionVersion: 1, createdAt: at('02-12T09:00'), updatedAt: at('02-25T09:00'), closedAt: null });
  await db.insert(deals).values({ id: deal, amountFen: 500_000 });
  await db.insert(tasks).values({
    id: crypto.randomUUID(), step: 'negotiation', caseType: 'deal', caseId: deal, assigneeRole: 'sales', assigneeId: sales, department: 'business',
    createdAt: at('02-24T09:00'), status: 'done', outcome: 'signed', completedAt: at('02-25T09:00'), completedBy: sales,
  });
  const put = await t.call('PUT', '/targets/2026-02', { token: gm, body: { dealsWon: 2, signedAmountFen: 1_000_000, repairsOnTimeRate: 0.8 } });
  expect(put.status, put.text).toBe(200);
});
afterAll(async () => t?.close());

describe('department results on A4', () => {
  it('prints each department\'s measures against the targets with the share achieved', async () => {
    const json = await t.call('GET', '/reports/departments?month=2026-02', { token: gm });
    const business = json.body.departments.find((d: { department: string }) => d.department === 'business');
    expect(business.measures.map((m: { key: string; value: number; target: number; achievedPct: number }) => [m.key, m.value, m.target, m.achievedPct]))
      .toEqual([['signedAmountFen', 500_000, 1_000_000, 50], ['dealsWon', 1, 2, 50]]);
    const r = await t.call('GET', '/reports/departments/print?month=2026-02', { token: gm });
    expect(r.status, r.text).toBe(200);
    expect(String(r.headers['content-type'])).toContain('text/html');
    expect(r.text).toContain('size: A4');
    expect(r.text).toContain('部门业绩 2026-02');
    for (const head of ['指标', '实际', '目标', '完成率']) expect(r.text).toContain(`<th>${head}</th>`);
    for (const d of ['业务部', '技术部', '客服部', '行政部']) expect(r.text).toContain(`<h2>${d}</h2>`);
    const row = (label: string) => new RegExp(`<tr><td>${label}</td>(.*?)</tr>`).exec(r.text)?.[1].replace(/<[^>]+>/g, '|');
    // money as ¥ with thousands separators, the share achieved as %, a target without a value: —
    expect(row('签约金额')).toBe('|¥5,000.00||¥10,000.00||50.0%|');
    expect(row('签约商机数')).toBe('|1||2||50.0%|');
    expect(row('维修按时率')).toBe('|—||80.0%||—|');
    expect(row('装机按时率')).toBe('|—||—||—|');
    // printed at the clock's time in Shanghai
    expect(r.text).toContain('打印于 2026-03-02 09:00');
  });

  it('shows a manager only their own department on paper too', async () => {
    const r = await t.call('GET', '/reports/departments/print?month=2026-02', { token: await t.login('tech_manager') });
    expect(r.status, r.text).toBe(200);
    expect(r.text).toContain('<h2>技术部</h2>');
    expect(r.text).toContain('维修按时率');
    for (const other of ['业务部', '客服部', '签约金额', '回访确认按时率']) expect(r.text).not.toContain(other);
    const x = await t.app.inject({ method: 'GET', url: '/api/v1/reports/departments.xlsx?month=2026-02', headers: { authorization: `Bearer ${await t.login('tech_manager')}` } });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getColumn(1).values.slice(2)).toEqual(['技术部', '技术部', '技术部']);
    for (const who of ['engineer', 'sales', 'cs_agent']) {
      expect((await t.call('GET', '/reports/departments/print?month=2026-02', { token: await t.login(who) })).status, who).toBe(403);
      expect((await t.call('GET', '/reports/departments.xlsx?month=2026-02', { token: await t.login(who) })).status, who).toBe(403);
    }
  });

  it('refuses a month that is not one, naming `month`', async () => {
    for (const url of ['/reports/departments/print?month=2026-13', '/reports/departments.xlsx?month=26-02', '/reports/departments?month=x']) {
      const r = await t.call('GET', url, { token: gm });
      expect(r.status, url).toBe(400);
      expect(JSON.stringify(r.body.error.details), url).toContain('month');
    }
  });
});

describe('department results in Excel', () => {
  it('has typed cells: amounts in yuan as ¥ numbers, counts as numbers, rates as 0.0%', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reports/departments.xlsx?month=2026-02', headers: { authorization: `Bearer ${gm}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('departments-2026-02.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('部门业绩 2026-02');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['部门', '指标', '实际', '目标', '完成率']);
    const rowOf = (label: string) => ws.getRow(ws.getColumn(2).values.indexOf(label));
    const amount = rowOf('签约金额');
    expect([amount.getCell(3).value, amount.getCell(4).value, amount.getCell(5).value]).toEqual([5000, 10000, 0.5]);
    expect(amount.getCell(3).numFmt).toBe('"¥"#,##0.00');
    expect(amount.getCell(5).numFmt).toBe('0.0%');
    const won = rowOf('签约商机数');
    expect([won.getCell(3).value, won.getCell(4).value]).toEqual([1, 2]);
    const repairs = rowOf('维修按时率');
    expect([repairs.getCell(3).value, repairs.getCell(4).value, repairs.getCell(5).value]).toEqual([null, 0.8, null]);
    expect(repairs.getCell(4).numFmt).toBe('0.0%');
  });
});

describe('engineer scores and the sales review on A4', () => {
  it('prints the same tables as their Excel, landscape, the sales review with its lost reasons', async () => {
    const e = await t.call('GET', '/reports/engineers/print?from=2026-02-01&to=2026-03-01', { token: await t.login('tech_manager') });
    expect(e.status, e.text).toBe(200);
    expect(e.text).toContain('size: A4 landscape');
    for (const h of ['工程师考评', '姓名 / 外包服务商', '按时率', '一次修复率', '综合得分', '2026-02-01 至 2026-02-28']) expect(e.text).toContain(h);
    const s = await t.call('GET', '/reports/sales/print?from=2026-02-01&to=2026-03-01', { token: await t.login('sales_manager') });
    expect(s.status, s.text).toBe(200);
    expect(s.text).toContain('size: A4 landscape');
    for (const h of ['业务考评', '成交率', '签约金额', '丢失原因与竞争对手', '¥5,000.00']) expect(s.text).toContain(h);
    expect((await t.call('GET', '/reports/sales/print', { token: await t.login('engineer') })).status).toBe(403);
    expect((await t.call('GET', '/reports/engineers/print?from=2026-03-01&to=2026-02-01', { token: gm })).status).toBe(400);
  });

  it('exports typed cells to Excel', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reports/sales.xlsx?from=2026-02-01&to=2026-03-01', headers: { authorization: `Bearer ${gm}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const row = ws.getRow(ws.getColumn(7).values.indexOf(5000));
    expect(row.getCell(7).numFmt).toBe('"¥"#,##0.00');
    expect(row.getCell(3).value).toBe(1);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['业务考评 2026-02-01 至 2026-02-28', '丢失原因']);
  });
});
