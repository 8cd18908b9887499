// Customers as pre-sales uses them (issue 4 item 1): create, edit, search by name, contact or
// phone (2-character Chinese queries included), paging, and the customer page with its deals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { SURVEY, complete, unique } from '../../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

async function create(body: { name: string; contactPerson?: string; phone?: string; address?: string }) {
  const r = await t.call('POST', '/customers', {
    token: await t.login('sales'),
    body: { address: '上海市徐汇区漕溪北路88号', contactPerson: '陈经理', phone: '021-55550000', ...body },
  });
  expect(r.status, r.text).toBe(201);
  return r.body;
}
const names = (r: { body: { items: { name: string }[] } }) => r.body.items.map((c) => c.name).sort();

describe('customer search', () => {
  it('finds by a 2-character Chinese part of the name, the contact person or the phone', async () => {
    const tag = unique();
    const huatong = await create({ name: `上海华通电子有限公司${tag}`, contactPerson: '王建华', phone: '021-6888 1234' });
    await create({ name: `北京华通物流${tag}`, contactPerson: '刘洋', phone: '010-87654321' });
    await create({ name: `深圳通达科技${tag}`, contactPerson: '张华', phone: '0755-2222 9999' });
    const token = await t.login('sales');
    const q = async (s: string) => t.call('GET', `/customers?q=${encodeURIComponent(s)}&pageSize=50`, { token });

    let r = await q('华通');
    expect(r.status).toBe(200);
    expect(names(r).filter((n) => n.endsWith(tag))).toEqual([`北京华通物流${tag}`, `上海华通电子有限公司${tag}`].sort());
    // the contact person
    r = await q('建华');
    expect(r.body.items.map((c: { id: string }) => c.id)).toContain(huatong.id);
    expect(names(await q('张华')).filter((n) => n.endsWith(tag))).toEqual([`深圳通达科技${tag}`]);
    // a single character still works
    expect(names(await q('通')).filter((n) => n.endsWith(tag))).toHaveLength(3);
    // phone, however it is written
    r = await q('68881234');
    expect(r.body.items[0].id).toBe(huatong.id);
    r = await q('6888-1234');
    expect(r.body.items.map((c: { id: string }) => c.id)).toContain(huatong.id);
    // the exact phone ranks first
    r = await q('021-68881234');
    expect(r.body.items[0].id).toBe(huatong.id);
    // no match, and queries that look like SQL or patterns do no harm
    expect((await q(`不存在的客户${tag}`)).body).toEqual({ items: [], total: 0 });
    for (const junk of ["' or 1=1 --", '%', '_', '\\', '华通%']) expect((await q(junk)).status).toBe(200);
  });

  it('pages through the list with a total', async () => {
    const tag = `分页${unique()}`;
    for (let i = 0; i < 5; i++) await create({ name: `${tag}客户${i}` });
    const token = await t.login('sales');
    const page1 = await t.call('GET', `/customers?q=${encodeURIComponent(tag)}&pageSize=2&page=1`, { token });
    const page3 = await t.call('GET', `/customers?q=${encodeURIComponent(tag)}&pageSize=2&page=3`, { token });
    expect(page1.body.total).toBe(5);
    expect(page1.body.items).toHaveLength(2);
    expect(page3.body.items).toHaveLength(1);
    const all = await t.call('GET', `/customers?q=${encodeURIComponent(tag)}&pageSize=5`, { token });
    expect(all.body.items.map((c: { name: string }) => c.name)).toEqual([0, 1, 2, 3, 4].map((i) => `${tag}客户${i}`));
    expect((await t.call('GET', '/customers?pageSize=1000', { token })).status).toBe(400);
    expect((await t.call('GET', '/customers?page=0', { token })).status).toBe(400);
  });

  it('is for staff only', async () => {
    expect((await t.call('GET', '/customers?q=华通', { token: await t.login('partner_engineer') })).status).toBe(404);
    expect((await t.call('GET', '/customers?q=华通')).status).toBe(401);
  });
});

describe('customer create and edit', () => {
  it('validates, edits with the version, and refuses a stale edit', async () => {
    const sales = await t.login('sales');
    const bad = await t.call('POST', '/customers', { token: sales, body: { name: '', address: 'x', contactPerson: 'y', phone: 'abc' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['name', 'phone']);
    const c = await create({ name: `编辑测试${unique()}` });
    const edited = await t.call('PATCH', `/customers/${c.id}`, { token: sales, body: { contactPerson: '赵总', version: c.version } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ contactPerson: '赵总', version: c.version + 1 });
    const stale = await t.call('PATCH', `/customers/${c.id}`, { token: sales, body: { contactPerson: '钱总', version: c.version } });
    expect(stale.status).toBe(409);
  });

  it('warns of a customer with the same name and phone and names it; creates a second one only when asked', async () => {
    const sales = await t.login('sales');
    const name = `重复客户${unique()}`;
    const body = { name, address: '杭州市西湖区文三路 1 号', contactPerson: '孙经理', phone: '0571-8765 4321' };
    const first = await t.call('POST', '/customers', { token: sales, body });
    expect(first.status).toBe(201);
    // the same customer typed again: other case, spaces and dashes
    const again = await t.call('POST', '/customers', { token: sales, body: { ...body, name: ` ${name.toLowerCase()} `, phone: '057187654321' } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ reason: 'customer.duplicate', params: { existingId: first.body.id, name, phone: body.phone } });
    expect(again.body.error.details[0].path).toBe('name');
    // the same name with another phone is another customer
    expect((await t.call('POST', '/customers', { token: sales, body: { ...body, phone: '0571-11112222' } })).status).toBe(201);
    const anyway = await t.call('POST', '/customers', { token: sales, body: { ...body, allowDuplicate: true } });
    expect(anyway.status).toBe(201);
    expect(anyway.body.id).not.toBe(first.body.id);
  });
});

describe('the customer page', () => {
  it('shows its deals and the documents the reader may read', async () => {
    const c = await create({ name: `客户页${unique()}` });
    const sales = await t.login('sales');
    const deal = await t.call('POST', '/deals', { token: sales, body: { customerId: c.id, survey: SURVEY } });
    expect(deal.status).toBe(201);
    await complete(t, deal.body.id, 'sales', { outcome: 'develop', form: { customerType: '小型企业' } });

    const page = await t.call('GET', `/customers/${c.id}`, { token: sales });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ id: c.id, name: c.name, serviceTier: null, assets: [], tickets: [] });
    expect(page.body.deals).toEqual([expect.objectContaining({ id: deal.body.id, number: deal.body.number, state: 'tech_assessment' })]);
    expect(page.body.documents).toEqual([expect.objectContaining({ form: 'survey', number: deal.body.documents[0].number, caseId: deal.body.id })]);
    // the survey is not on customer service's copy list
    const cs = await t.call('GET', `/customers/${c.id}`, { token: await t.login('cs_agent') });
    expect(cs.body.deals).toHaveLength(1);
    expect(cs.body.documents).toEqual([]);
    expect((await t.call('GET', `/customers/${c.id}`, { token: await t.login('partner_engineer') })).status).toBe(404);
    expect((await t.call('GET', '/customers/no-such-id', { token: sales })).status).toBe(404);
  });
});
