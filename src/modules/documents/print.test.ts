// Printing (issue 4 item 7): every pre-sales form on A4 pages like the paper form, one labelled
// copy (第一联/第二联/第三联) per department on its copy list; money as ¥ with two decimals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { complete, createCustomer, dealAt } from '../../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const count = (html: string, s: string) => html.split(s).length - 1;

interface Doc { id: string; form: string; number: string; copies: string[]; caseId: string; fields: Record<string, unknown>; signedBy: unknown[]; createdAt: string }

async function documentsOf(dealId: string): Promise<Record<string, Doc>> {
  const r = await t.call('GET', `/deals/${dealId}`, { token: await t.login('gm') });
  return Object.fromEntries(r.body.documents.map((d: Doc) => [d.form, d]));
}

async function print(id: string, username = 'gm') {
  const r = await t.call('GET', `/documents/${id}/print`, { token: await t.login(username) });
  expect(r.status, r.text).toBe(200);
  expect(String(r.headers['content-type'])).toMatch(/^text\/html; charset=utf-8/);
  return r.text;
}

const EXPECTED: Record<string, { title: string; copies: [string, string][]; labels: string[]; money: string[] }> = {
  survey: {
    title: '客户通讯状况调查表', copies: [['第一联', '业务部'], ['第二联', '行政部']],
    labels: ['宽带情况', '是否开通宽带', '宽带类型', '带宽 (Mbps)', '网络设备品牌型号', '集团电话', '集团电话品牌型号', '直线数', '中继线数', '分机数', '长途话费', '长途节费方式', '实际月长途话费', '是否接受分流模式', '备注'],
    money: ['¥12,500.00'],
  },
  tech_assessment: {
    title: '技术鉴定回执单', copies: [['第一联', '技术部'], ['第二联', '业务部'], ['第三联', '行政部']],
    labels: ['实施细节', '设备清单', '品牌', '型号', '数量', '单价', '小计', '合计', '预计工期（天）', '鉴定人签字'],
    money: ['¥1,800.00', '¥3,600.00', '¥250.00', '¥2,500.00', '¥6,100.00'],
  },
  proposal: {
    title: '客户业务详细解决方案', copies: [['第一联', '业务部'], ['第二联', '行政部']],
    labels: ['方案内容', '投资额', '月毛利', '客户现月长途话费'],
    money: ['¥6,000.00', '¥1,500.00', '¥12,500.00'],
  },
  feasibility: {
    title: '实施可行性鉴定表', copies: [['第一联', '业务部'], ['第二联', '行政部']],
    labels: ['运营模式', '设备投资', '平均月毛利', '毛利最大波动 (%)', '投资回收期（月）', '最好情况（月）', '最差情况（月）', '鉴定人签字'],
    money: ['¥6,000.00', '¥1,500.00'],
  },
  contract: {
    title: '合同', copies: [['第一联', '业务部'], ['第二联', '行政部']],
    labels: ['付款方式', '合同金额', '服务等级', '优惠条件', '一次性买断', 'VIP 7×24'],
    money: ['¥8,000.00'],
  },
};

describe('printing the pre-sales forms', () => {
  it('prints each form with title, 日期, 编号, the header, its rows and one labelled page per copy', async () => {
    const { deal, customer } = await dealAt(t, 'contract_archive');
    const docs = await documentsOf(deal.id);
    expect(Object.keys(docs).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [form, want] of Object.entries(EXPECTED)) {
      const doc = docs[form];
      expect(doc.number).toMatch(/^[A-Z]{2}-2026-\d{6}$/);
      const html = await print(doc.id);
      expect(html.startsWith('<!doctype html>')).toBe(true);
      // one A4 page per department on the copy list
      expect(count(html, 'class="page"'), form).toBe(doc.copies.length);
      expect(count(html, 'class="page"'), form).toBe(want.copies.length);
      expect(html).toContain('size: A4');
      for (const [copy, dept] of want.copies) expect(html, `${form} ${copy}`).toContain(`${copy} · ${dept}`);
      // title, date and number on every copy
      expect(count(html, `<h1>${want.title}</h1>`), form).toBe(want.copies.length);
      expect(count(html, '日期：2026-03-02'), form).toBe(want.copies.length);
      expect(count(html, `编号：${doc.number}`), form).toBe(want.copies.length);
      // the header of every form
      for (const l of ['客户名称', '地址', '联系人', '电话']) expect(html).toContain(l);
      expect(html).toContain(customer.name);
      expect(html).toContain(customer.phone);
      // the form's own rows, with Chinese labels, and money as ¥ with two decimals
      for (const l of want.labels) expect(html, `${form}: ${l}`).toContain(l);
      for (const m of want.money) expect(html, `${form}: ${m}`).toContain(m);
      expect(html, form).not.toMatch(/Fen</);
      // every amount of money prints as ¥ with exactly two decimals
      for (const m of html.match(/¥[\d,]+(\.\d+)?/g) ?? []) expect(m).toMatch(/^¥\d{1,3}(,\d{3})*\.\d{2}$/);
    }
  });

  it('shows computed figures: line totals, the total, the payback period, the current bill', async () => {
    const { deal } = await dealAt(t, 'gm_approval');
    const docs = await documentsOf(deal.id);
    const jd = await print(docs.tech_assessment.id);
    // Cisco SPA8000 ×2 at ¥1,800.00 = ¥3,600.00; Yealink T31P ×10 at ¥250.00 = ¥2,500.00
    expect(jd).toMatch(/Cisco<\/td><td>SPA8000<\/td><td>2<\/td><td>¥1,800\.00<\/td><td>¥3,600\.00<\/td>/);
    expect(jd).toMatch(/Yealink<\/td><td>T31P<\/td><td>10<\/td><td>¥250\.00<\/td><td>¥2,500\.00<\/td>/);
    expect(jd).toMatch(/合计<\/td><td>¥6,100\.00<\/td>/);
    const kx = await print(docs.feasibility.id);
    expect(kx).toMatch(/投资回收期（月）<\/th><td>4<\/td>/);
    expect(kx).toMatch(/最好情况（月）<\/th><td>3\.33<\/td>/);
    expect(kx).toMatch(/最差情况（月）<\/th><td>5<\/td>/);
    const fa = await print(docs.proposal.id);
    expect(fa).toMatch(/客户现月长途话费<\/th><td>¥12,500\.00<\/td>/);
    // the survey keeps the paper order: broadband, then PBX, then long distance
    const dc = await print(docs.survey.id);
    expect(dc.indexOf('宽带情况')).toBeLessThan(dc.indexOf('集团电话'));
    expect(dc.indexOf('集团电话')).toBeLessThan(dc.indexOf('长途话费'));
    expect(dc).toContain('是 ☑');
  });

  it('follows the copy list: the engineer prints the assessment (3 copies), customer service not the feasibility form', async () => {
    const { deal } = await dealAt(t, 'gm_approval');
    const docs = await documentsOf(deal.id);
    const jd = await print(docs.tech_assessment.id, 'engineer');
    expect(count(jd, 'class="page"')).toBe(3);
    expect(jd).toContain('第三联 · 行政部');
    for (const [u, form] of [['cs_agent', 'feasibility'], ['engineer', 'feasibility'], ['cs_agent', 'survey'], ['partner_engineer', 'tech_assessment']]) {
      const r = await t.call('GET', `/documents/${docs[form].id}/print`, { token: await t.login(u) });
      expect(r.status, `${u} ${form}`).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
    expect((await t.call('GET', `/documents/${docs.survey.id}/print`)).status).toBe(401);
  });

  it('escapes what users typed', async () => {
    const sales = await t.login('sales');
    const customer = await createCustomer(t, sales, { name: '<script>alert(1)</script>公司' });
    const r = await t.call('POST', '/deals', {
      token: sales,
      body: { customerId: customer.id, survey: { broadbandAvailable: false, hasPbx: false, monthlyLdBillFen: 5, acceptsSplitMode: false, remarks: '<img src=x onerror=alert(1)>' } },
    });
    expect(r.status).toBe(201);
    const html = await print(r.body.documents[0].id, 'sales');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;script&#62;');
    // a sparse survey still prints every row of the paper form, and ¥0.05
    expect(html).toContain('¥0.05');
    expect(html).toContain('否 ☐');
    expect(html).toContain('集团电话品牌型号');
  });

  it('reads a document through GET /documents/{id} in the API.md shape', async () => {
    const { deal } = await dealAt(t, 'proposal_draft');
    const docs = await documentsOf(deal.id);
    const r = await t.call('GET', `/documents/${docs.tech_assessment.id}`, { token: await t.login('engineer') });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: docs.tech_assessment.id, form: 'tech_assessment', number: docs.tech_assessment.number, caseId: deal.id });
    expect(r.body.fields.totalFen).toBe(610_000);
    expect(r.body.signedBy[0]).toMatchObject({ role: 'engineer' });
    expect(Date.parse(r.body.createdAt)).not.toBeNaN();
    // and numbers never repeat across deals
    await complete(t, deal.id, 'sales', { form: { content: '方案', investmentFen: 1, monthlyGrossProfitFen: 1 } });
    const { deal: d2 } = await dealAt(t, 'proposal_draft');
    const docs2 = await documentsOf(d2.id);
    expect(docs2.tech_assessment.number).not.toBe(docs.tech_assessment.number);
    expect(Number(docs2.tech_assessment.number.slice(-6))).toBeGreaterThan(Number(docs.tech_assessment.number.slice(-6)));
  });
});
