// Seed chapter 2 (steps I–J) through the HTTP API: archive → procurement → dispatch → installation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { ASSESSMENT, FEASIBILITY, SURVEY, complete, createDeal, dealAt, receiveAllPurchases, unique } from '../../../test/support/factories.js';
import { REMARKS, devices, newEngineer, openTask, tryComplete } from './test-helpers.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const SCHEDULED = '2026-03-10T09:00:00+08:00'; // a Tuesday

async function dispatched(paymentModel = 'one_time', engineerIds?: string[]) {
  const r = await dealAt(t, 'installation_dispatch', paymentModel);
  await complete(t, r.deal.id, 'tech_manager', { form: { engineerIds: engineerIds ?? [r.engineerId], scheduledAt: SCHEDULED } });
  return r;
}

describe('signed → installed (happy path)', () => {
  it('runs contract_archive, procurement, dispatch and installation with the right owners, deadlines and results', async () => {
    const { deal, customer } = await dealAt(t, 'contract_archive', 'one_time');
    const admin = await t.login('admin_clerk');

    // contract_archive: the admin clerk, 1 working day after the signature (Mon 09:00 → Mon 18:00)
    const archiveTask = (await openTask(t, deal.id))!;
    expect(archiveTask).toMatchObject({ step: 'contract_archive', assigneeRole: 'admin_clerk', assigneeId: null });
    expect(archiveTask.dueAt).toBe(new Date('2026-03-02T18:00:00+08:00').toISOString());
    expect((await t.call('GET', `/deals/${deal.id}`, { token: admin })).body.state).toBe('contract_archive');
    const waiting = await t.call('GET', `/documents?archived=false&customer=${encodeURIComponent(customer.name)}`, { token: admin });
    expect(waiting.body.items.map((d: { form: string }) => d.form).sort()).toEqual(['contract', 'feasibility', 'proposal', 'survey', 'tech_assessment']);

    const archived = await tryComplete(t, deal.id, 'admin_clerk', { form: { note: '纸质合同已入柜 A-03' } });
    expect(archived.status).toBe(200);
    expect(archived.body.next.map((n: { step: string }) => n.step)).toEqual(['procurement']);
    // every document of the deal is archived
    expect((await t.call('GET', `/documents?archived=false&customer=${encodeURIComponent(customer.name)}`, { token: admin })).body.items).toEqual([]);
    const filed = (await t.call('GET', `/documents?archived=true&customer=${encodeURIComponent(customer.name)}`, { token: admin })).body.items;
    expect(filed).toHaveLength(5);
    for (const d of filed) expect(d.archivedAt).toBe(new Date('2026-03-02T09:00:00+08:00').toISOString());

    // procurement: the assessment's equipment is bought and received
    await receiveAllPurchases(t, deal.id);
    const bought = await tryComplete(t, deal.id, 'admin_clerk', { form: {} });
    expect(bought.status).toBe(200);
    expect(bought.body.next[0]).toMatchObject({ step: 'installation_dispatch', assigneeRole: 'tech_manager' });
    expect(bought.body.next[0].dueAt).toBe(new Date('2026-03-02T18:00:00+08:00').toISOString());

    // dispatch: one or more engineers and a date
    const a = await newEngineer(t, '甲');
    const b = await newEngineer(t, '乙');
    const d = await tryComplete(t, deal.id, 'tech_manager', { form: { engineerIds: [a.id, b.id], scheduledAt: SCHEDULED } });
    expect(d.status).toBe(200);
    const install = d.body.next[0];
    expect(install).toMatchObject({ step: 'installation', assigneeRole: 'engineer', assigneeId: a.id, assigneeIds: [a.id, b.id] });
    // due at the close of the scheduled working day
    expect(install.dueAt).toBe(new Date('2026-03-10T18:00:00+08:00').toISOString());

    // installation: form 4 with every device and the remarks
    const list = devices(3);
    const done = await tryComplete(t, deal.id, b, { form: { devices: list, remarks: REMARKS } });
    expect(done.status).toBe(200);
    expect(done.body.next).toEqual([]);
    expect(done.body.document).toMatchObject({ form: 'installation_order', copies: ['technical', 'admin'] });
    expect(done.body.document.number).toMatch(/^ZJ-2026-\d{6}$/);
    expect(done.body.document.fields).toMatchObject({ devices: list, remarks: REMARKS, serviceTier: 'vip' });

    const page = (await t.call('GET', `/deals/${deal.id}`, { token: admin })).body;
    expect(page.state).toBe('installed');
    const c = (await t.call('GET', `/customers/${customer.id}`, { token: await t.login('cs_agent') })).body;
    expect(c.serviceTier).toBe('vip');
    expect(c.inServiceSince).toBe(new Date('2026-03-02T09:00:00+08:00').toISOString());
    expect(c.assets).toHaveLength(3);
    for (const dev of list) {
      const asset = c.assets.find((x: { serialNumber: string }) => x.serialNumber === dev.serialNumber);
      expect(asset).toMatchObject({ brandModel: dev.brandModel, configDocNumber: dev.configDocNumber, installedAt: new Date('2026-03-02T09:00:00+08:00').toISOString() });
      expect(asset.replacedAt).toBeUndefined();
    }
    // the registry finds each device by serial number, at this customer
    const found = await t.call('GET', `/assets?serial=${encodeURIComponent(list[1].serialNumber)}`, { token: await t.login('engineer') });
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ customerId: customer.id, customerName: customer.name, inService: true, replacedBy: null, replaces: null });
  });

  it('gives standard 5×8 service to an installment or lease contract', async () => {
    for (const model of ['installment', 'lease']) {
      const { deal, customer } = await dispatched(model);
      const r = await tryComplete(t, deal.id, 'engineer', { form: { devices: devices(1), remarks: REMARKS } });
      expect(r.status).toBe(200);
      const c = (await t.call('GET', `/customers/${customer.id}`, { token: await t.login('sales') })).body;
      expect(c.serviceTier).toBe('standard');
      expect(c.assets).toHaveLength(1);
    }
  });

  it('keeps a VIP customer on VIP when a later installment contract is installed', async () => {
    const first = await dispatched('one_time');
    expect((await tryComplete(t, first.deal.id, 'engineer', { form: { devices: devices(1), remarks: REMARKS } })).status).toBe(200);
    // a second deal for the same customer
    const sales = await t.login('sales');
    const second = await t.call('POST', '/deals', { token: sales, body: { customerId: first.customer.id, survey: SURVEY } });
    expect(second.status).toBe(201);
    const order: [string, Record<string, unknown>][] = [
      ['sales', { outcome: 'develop', form: { customerType: '老客户扩容' } }],
      ['engineer', { form: ASSESSMENT }],
      ['sales', { form: { content: '扩容', investmentFen: 100_000, monthlyGrossProfitFen: 50_000 } }],
      ['sales_manager', { outcome: 'approve', form: { feasibility: FEASIBILITY } }],
      ['gm', { outcome: 'approve', form: {} }],
      ['sales', { form: {} }],
      ['sales', { outcome: 'signed', form: { paymentModel: 'installment', amountFen: 100_000 } }],
      ['admin_clerk', { form: {} }],
      ['admin_clerk', { form: { exception: '客户自备设备' } }],
      ['tech_manager', { form: { engineerIds: [first.engineerId], scheduledAt: SCHEDULED } }],
      ['engineer', { form: { devices: devices(1), remarks: REMARKS } }],
    ];
    for (const [user, body] of order) await complete(t, second.body.id, user, body);
    const c = (await t.call('GET', `/customers/${first.customer.id}`, { token: sales })).body;
    expect(c.serviceTier).toBe('vip');
    expect(c.assets).toHaveLength(2);
  });
});

describe('who may complete', () => {
  it('refuses a salesperson or an engineer completing contract_archive with 403', async () => {
    const { deal } = await dealAt(t, 'contract_archive');
    for (const who of ['sales', 'engineer', 'tech_manager']) {
      const r = await tryComplete(t, deal.id, who, { form: {} });
      expect(r.status, who).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    // a partner engineer does not even learn the task exists
    expect((await tryComplete(t, deal.id, 'partner_engineer', { form: {} })).status).toBe(404);
    expect((await openTask(t, deal.id))!.step).toBe('contract_archive');
  });

  it('refuses procurement and dispatch to the wrong roles', async () => {
    const { deal } = await dealAt(t, 'procurement');
    await receiveAllPurchases(t, deal.id);
    expect((await tryComplete(t, deal.id, 'tech_manager', { form: {} })).status).toBe(403);
    await complete(t, deal.id, 'admin_clerk', { form: {} });
    const { id } = await newEngineer(t);
    expect((await tryComplete(t, deal.id, 'admin_clerk', { form: { engineerIds: [id], scheduledAt: SCHEDULED } })).status).toBe(403);
    expect((await tryComplete(t, deal.id, 'engineer', { form: { engineerIds: [id], scheduledAt: SCHEDULED } })).status).toBe(403);
  });

  it('multi-engineer dispatch: both see the task as theirs, either may complete, a third engineer gets 403', async () => {
    const a = await newEngineer(t);
    const b = await newEngineer(t);
    const c = await newEngineer(t);
    const { deal } = await dispatched('one_time', [a.id, b.id]);
    const task = (await openTask(t, deal.id))!;
    expect(task.assigneeIds).toEqual([a.id, b.id]);
    const mine = async (token: string) => (await t.call('GET', '/tasks?mine=true&status=open', { token })).body.items.map((x: { id: string }) => x.id);
    expect(await mine(a.token)).toContain(task.id);
    expect(await mine(b.token)).toContain(task.id);
    expect(await mine(c.token)).not.toContain(task.id);
    // the demo engineer and the technical manager were not dispatched either
    expect(await mine(await t.login('engineer'))).not.toContain(task.id);

    const form = { devices: devices(2), remarks: REMARKS };
    for (const who of [c, { token: await t.login('engineer') }, { token: await t.login('tech_manager') }]) {
      const r = await tryComplete(t, deal.id, who, { form });
      expect(r.status).toBe(403);
      expect(r.body.error.message).toContain('not assigned to you');
    }
    const r = await tryComplete(t, deal.id, a, { form });
    expect(r.status).toBe(200);
    // the other dispatched engineer now finds it done
    const again = await t.call('POST', `/tasks/${task.id}/complete`, { token: b.token, body: { form } });
    expect(again.status).toBe(409);
  });
});

describe('dispatch input', () => {
  it('names the bad engineer or date with 400', async () => {
    const { deal } = await dealAt(t, 'installation_dispatch');
    const sales = (await t.call('GET', '/users?role=sales', { token: await t.login('tech_manager') })).body.items[0].id;
    const eng = await newEngineer(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ engineerIds: ['no-such-user'], scheduledAt: SCHEDULED }, 'form.engineerIds.0'],
      [{ engineerIds: [eng.id, sales], scheduledAt: SCHEDULED }, 'form.engineerIds.1'],
      [{ engineerIds: [eng.id, eng.id], scheduledAt: SCHEDULED }, 'form.engineerIds.1'],
      [{ engineerIds: [], scheduledAt: SCHEDULED }, 'form.engineerIds'],
      [{ engineerIds: [eng.id], scheduledAt: '下周二' }, 'form.scheduledAt'],
      // a Sunday four weeks back: the installation would be overdue from birth
      [{ engineerIds: [eng.id], scheduledAt: '2026-02-01T09:00:00+08:00' }, 'form.scheduledAt'],
      [{ engineerIds: [eng.id] }, 'form.scheduledAt'],
      [{ engineerIds: 'x', scheduledAt: SCHEDULED }, 'form.engineerIds'],
    ];
    for (const [form, path] of cases) {
      const r = await tryComplete(t, deal.id, 'tech_manager', { form });
      expect(r.status, JSON.stringify(form)).toBe(400);
      expect(r.body.error.details.map((x: { path: string }) => x.path)).toContain(path);
    }
    expect((await openTask(t, deal.id))!.step).toBe('installation_dispatch');
  });
});

describe('installation form 4', () => {
  it('requires the remarks: 400 naming form.remarks', async () => {
    const { deal } = await dispatched();
    for (const form of [{ devices: devices(1) }, { devices: devices(1), remarks: '   ' }]) {
      const r = await tryComplete(t, deal.id, 'engineer', { form });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
      expect(r.body.error.details.map((x: { path: string }) => x.path)).toEqual(['form.remarks']);
    }
    expect((await openTask(t, deal.id))!.step).toBe('installation');
  });

  it('refuses bad device lines with 400 naming the field, never 500', async () => {
    const { deal } = await dispatched();
    const good = devices(1)[0];
    const cases: [unknown, string][] = [
      [{ devices: [], remarks: REMARKS }, 'form.devices'],
      [{ devices: 'SN1', remarks: REMARKS }, 'form.devices'],
      [{ devices: [{ ...good, serialNumber: '' }], remarks: REMARKS }, 'form.devices.0.serialNumber'],
      [{ devices: [good, { brandModel: 'X' }], remarks: REMARKS }, 'form.devices.1.serialNumber'],
      [{ devices: [{ ...good, serialNumber: 'x'.repeat(101) }], remarks: REMARKS }, 'form.devices.0.serialNumber'],
      [{ devices: [{ ...good, extra: 1 }], remarks: REMARKS }, 'form.devices.0'],
      [{ devices: [good], remarks: REMARKS, customerSignature: 'javascript:alert(1)' }, 'form.customerSignature'],
    ];
    for (const [form, path] of cases) {
      const r = await tryComplete(t, deal.id, 'engineer', { form });
      expect(r.status, JSON.stringify(form).slice(0, 80)).toBe(400);
      expect(r.body.error.details.map((x: { path: string }) => x.path).join(' ')).toContain(path);
    }
  });

  it('stores the customer signature drawn on screen with form 4', async () => {
    const { deal } = await dispatched();
    const customerSignature = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const r = await tryComplete(t, deal.id, 'engineer', { form: { devices: devices(1), remarks: REMARKS, customerSignature } });
    expect(r.status).toBe(200);
    const doc = await t.call('GET', `/documents/${r.body.document.id}`, { token: await t.login('admin_clerk') });
    expect(doc.body.fields.customerSignature).toBe(customerSignature);
  });
});

describe('one serial number in service at one customer', () => {
  it('a serial number listed twice in one form → 400 naming the line; nothing is registered', async () => {
    const { deal, customer } = await dispatched();
    const [d1, d2] = devices(2);
    const r = await tryComplete(t, deal.id, 'engineer', { form: { devices: [d1, d2, { ...d2, brandModel: 'Cisco SPA112' }], remarks: REMARKS } });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual([expect.objectContaining({ path: 'form.devices.2.serialNumber', reason: 'serial.twice_in_list', params: expect.objectContaining({ line: 2 }) })]);
    expect((await openTask(t, deal.id))!.step).toBe('installation');
    expect((await t.call('GET', `/customers/${customer.id}`, { token: await t.login('sales') })).body.assets).toEqual([]);
  });

  it('a serial number in service at another customer → 409 with a clear message; the task stays open', async () => {
    const first = await dispatched();
    const [taken] = devices(1);
    expect((await tryComplete(t, first.deal.id, 'engineer', { form: { devices: [taken], remarks: REMARKS } })).status).toBe(200);

    const second = await dispatched();
    const r = await tryComplete(t, second.deal.id, 'engineer', { form: { devices: [...devices(1), { ...taken, configDocNumber: 'CFG-X' }], remarks: REMARKS } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('conflict');
    expect(r.body.error.message).toContain(taken.serialNumber);
    expect(r.body.error.message).toContain(first.customer.name);
    expect(r.body).not.toHaveProperty('stack');
    expect((await openTask(t, second.deal.id))!.step).toBe('installation');
    // the first device of the refused form was rolled back with it
    expect((await t.call('GET', `/customers/${second.customer.id}`, { token: await t.login('sales') })).body.assets).toEqual([]);
    expect((await t.call('GET', `/customers/${second.customer.id}`, { token: await t.login('sales') })).body.serviceTier).toBeNull();
  });

  it('two installations of one serial number at the same moment: one wins, the other gets 409', async () => {
    const a = await dispatched();
    const b = await dispatched();
    const [shared] = devices(1);
    const [ra, rb] = await Promise.all([
      tryComplete(t, a.deal.id, 'engineer', { form: { devices: [shared], remarks: REMARKS } }),
      tryComplete(t, b.deal.id, 'engineer', { form: { devices: [shared], remarks: REMARKS } }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    expect((ra.status === 409 ? ra : rb).body.error.message).toContain(shared.serialNumber);
    const history = (await t.call('GET', `/assets?serial=${encodeURIComponent(shared.serialNumber)}`, { token: await t.login('engineer') })).body.items;
    expect(history).toHaveLength(1);
    expect(history[0].inService).toBe(true);
  });

  it('keeps a replaced device, marked and linked to its successor: the full history per serial number', async () => {
    const { deal, customer } = await dispatched('installment');
    const [gw, phone] = devices(2);
    expect((await tryComplete(t, deal.id, 'engineer', { form: { devices: [gw, phone], remarks: REMARKS } })).status).toBe(200);
    // an after-sales repair swaps the gateway (form 6)
    const ticket = await t.call('POST', '/tickets', { token: await t.login('cs_agent'), body: { customerId: customer.id, kind: 'complaint', problem: '外线打不出去' } });
    expect(ticket.status).toBe(201);
    const successor = unique('SN-NEW-');
    const resolved = await tryComplete(t, ticket.body.id, 'engineer', {
      form: { cause: '网关损坏', resolution: '更换网关', qualityComplaint: true, replacements: [{ oldSerialNumber: gw.serialNumber, newBrandModel: 'Cisco SPA8000', newSerialNumber: successor }] },
    });
    expect(resolved.status).toBe(200);

    const c = (await t.call('GET', `/customers/${customer.id}`, { token: await t.login('sales') })).body;
    expect(c.assets).toHaveLength(3);
    const old = c.assets.find((a: { serialNumber: string }) => a.serialNumber === gw.serialNumber);
    const now = c.assets.find((a: { serialNumber: string }) => a.serialNumber === successor);
    expect(old.replacedAt).toBeTypeOf('string');
    expect(old.replacedById).toBe(now.id);
    expect(now.replacedAt).toBeUndefined();

    const eng = await t.login('engineer');
    const oldHistory = (await t.call('GET', `/assets?serial=${encodeURIComponent(gw.serialNumber)}`, { token: eng })).body.items;
    expect(oldHistory).toHaveLength(1);
    expect(oldHistory[0]).toMatchObject({ inService: false, replacedBy: { id: now.id, serialNumber: successor, brandModel: 'Cisco SPA8000' }, replaces: null });
    const newHistory = (await t.call('GET', `/assets?serial=${encodeURIComponent(successor)}`, { token: eng })).body.items;
    expect(newHistory[0]).toMatchObject({ inService: true, replacedBy: null, replaces: { id: old.id, serialNumber: gw.serialNumber } });

    // the replaced serial number is free again: it may go into service elsewhere, and both stays show
    const other = await dispatched();
    expect((await tryComplete(t, other.deal.id, 'engineer', { form: { devices: [{ ...gw, configDocNumber: 'CFG-REUSE' }], remarks: REMARKS } })).status).toBe(200);
    const both = (await t.call('GET', `/assets?serial=${encodeURIComponent(gw.serialNumber)}`, { token: eng })).body.items;
    expect(both.map((a: { customerId: string; inService: boolean }) => [a.customerId, a.inService])).toEqual([[customer.id, false], [other.customer.id, true]]);
  });

  it('searches serial numbers literally and refuses bad queries with 400', async () => {
    const eng = await t.login('engineer');
    expect((await t.call('GET', '/assets?serial=%25%25', { token: eng })).body.items).toEqual([]);
    expect((await t.call('GET', '/assets?serial=__', { token: eng })).body.items).toEqual([]);
    expect((await t.call('GET', '/assets', { token: eng })).status).toBe(400);
    expect((await t.call('GET', `/assets?serial=${'x'.repeat(101)}`, { token: eng })).status).toBe(400);
    expect((await t.call('GET', '/assets?serial=SN', { token: await t.login('partner_engineer') })).status).toBe(404);
  });
});

describe('printing the installation order', () => {
  it('prints ZJ with two labelled copies (technical, admin) and the device table', async () => {
    const { deal, customer } = await dispatched();
    const list = devices(2);
    const r = await tryComplete(t, deal.id, 'engineer', { form: { devices: list, remarks: REMARKS } });
    const id = r.body.document.id;
    const res = await t.call('GET', `/documents/${id}/print`, { token: await t.login('tech_manager') });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/html');
    const html = res.text;
    const pages = html.match(/<section class="page">/g) ?? [];
    expect(pages).toHaveLength(2);
    expect(html).toMatch(/第一联[^<]*技术部/);
    expect(html).toMatch(/第二联[^<]*行政部/);
    expect(html).not.toContain('第三联');
    expect(html).toContain('装机单');
    expect(html).toContain(r.body.document.number);
    expect(html).toContain(customer.name);
    for (const head of ['品牌型号', '序列号', '配置文档编号']) expect(html).toContain(head);
    for (const d of list) {
      expect(html.split(d.serialNumber).length - 1).toBe(2); // once per copy
      expect(html).toContain(d.configDocNumber);
    }
    expect(html).toContain(REMARKS);
    // admin may print it too; business and customer service are not on its copy list
    expect((await t.call('GET', `/documents/${id}/print`, { token: await t.login('admin_clerk') })).status).toBe(200);
    expect((await t.call('GET', `/documents/${id}/print`, { token: await t.login('sales') })).status).toBe(404);
    expect((await t.call('GET', `/documents/${id}/print`, { token: await t.login('cs_agent') })).status).toBe(404);
  });
});

describe('a deal that is not signed', () => {
  it('has no purchase list and no asset before the contract', async () => {
    const { deal, customer } = await createDeal(t);
    const r = await t.call('GET', `/deals/${deal.id}/purchases`, { token: await t.login('admin_clerk') });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ planned: false, lines: [] });
    expect((await t.call('GET', `/customers/${customer.id}`, { token: await t.login('sales') })).body).toMatchObject({ serviceTier: null, assets: [] });
  });
});
