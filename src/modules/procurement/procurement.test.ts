// Procurement (seed chapter 2, step I): the purchase list from the approved assessment,
// line updates by the admin clerk, and closing the step when all is received or by exception.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { ASSESSMENT, complete, dealAt, receiveAllPurchases } from '../../../test/support/factories.js';
import { openTask, tryComplete } from '../installation/test-helpers.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const AT = '2026-03-02T09:00:00+08:00';

async function atProcurement() {
  const r = await dealAt(t, 'procurement');
  const admin = await t.login('admin_clerk');
  const list = await t.call('GET', `/deals/${r.deal.id}/purchases`, { token: admin });
  return { ...r, admin, list: list.body };
}

describe('the purchase list', () => {
  it('is made from the equipment lines of the approved technical assessment when the contract is archived', async () => {
    const { deal, list } = await atProcurement();
    expect(list).toMatchObject({ dealId: deal.id, planned: true, closedAt: null, exception: null, allReceived: false });
    expect(list.sourceDocumentNumber).toMatch(/^JD-2026-\d{6}$/);
    expect(list.lines).toHaveLength(ASSESSMENT.equipment.length);
    ASSESSMENT.equipment.forEach((e, i) => {
      expect(list.lines[i]).toMatchObject({
        lineNo: i + 1, brand: e.brand, model: e.model, quantity: e.quantity, unitPriceFen: e.unitPriceFen,
        lineTotalFen: e.quantity * e.unitPriceFen, supplier: null, orderedAt: null, receivedAt: null, status: 'pending', version: 1,
      });
    });
    expect(list.totalFen).toBe(2 * 180_000 + 10 * 25_000);
    // anyone of the staff may read it; an outsider learns nothing
    expect((await t.call('GET', `/deals/${deal.id}/purchases`, { token: await t.login('tech_manager') })).status).toBe(200);
    expect((await t.call('GET', `/deals/${deal.id}/purchases`, { token: await t.login('partner_engineer') })).status).toBe(404);
    expect((await t.call('GET', '/deals/no-such-deal/purchases', { token: await t.login('admin_clerk') })).status).toBe(404);
    expect((await t.call('GET', `/deals/${deal.id}/purchases`)).status).toBe(401);
  });

  it('lets the admin clerk record supplier, ordered and received dates, with the audit trail', async () => {
    const { deal, admin, list } = await atProcurement();
    const line = list.lines[0];
    const ordered = await t.call('PATCH', `/purchases/${line.id}`, { token: admin, body: { supplier: '深圳某通信设备有限公司', orderedAt: AT, version: 1 } });
    expect(ordered.status).toBe(200);
    expect(ordered.body).toMatchObject({ supplier: '深圳某通信设备有限公司', orderedAt: new Date(AT).toISOString(), receivedAt: null, status: 'ordered', version: 2 });
    const received = await t.call('PATCH', `/purchases/${line.id}`, { token: admin, body: { receivedAt: '2026-03-02T10:00:00+08:00' } });
    expect(received.body).toMatchObject({ status: 'received', supplier: '深圳某通信设备有限公司', version: 3 });
    // a stale write is refused
    const stale = await t.call('PATCH', `/purchases/${line.id}`, { token: admin, body: { supplier: '别家', version: 1 } });
    expect(stale.status).toBe(409);
    // clearing a date
    const cleared = await t.call('PATCH', `/purchases/${line.id}`, { token: admin, body: { receivedAt: null } });
    expect(cleared.body).toMatchObject({ receivedAt: null, status: 'ordered' });

    const audit = await t.call('GET', `/audit?caseId=${deal.id}`, { token: await t.login('gm') });
    const updates = audit.body.items.filter((a: { action: string }) => a.action === 'purchase_line.update');
    expect(updates).toHaveLength(3);
    expect(updates[0].before).toMatchObject({ supplier: null });
    expect(updates[0].after).toMatchObject({ supplier: '深圳某通信设备有限公司' });
  });

  it('refuses other roles (403), outsiders and unknown lines (404), and bad input (400, never 500)', async () => {
    const { admin, list } = await atProcurement();
    const id = list.lines[0].id;
    for (const who of ['sales', 'engineer', 'tech_manager', 'gm']) {
      expect((await t.call('PATCH', `/purchases/${id}`, { token: await t.login(who), body: { supplier: 'X' } })).status, who).toBe(403);
    }
    expect((await t.call('PATCH', `/purchases/${id}`, { token: await t.login('partner_engineer'), body: { supplier: 'X' } })).status).toBe(404);
    expect((await t.call('PATCH', '/purchases/no-such-line', { token: admin, body: { supplier: 'X' } })).status).toBe(404);
    const bad: [unknown, string][] = [
      [{}, 'body'],
      [{ orderedAt: '2026-03-02' }, 'orderedAt'],
      [{ receivedAt: 'yesterday' }, 'receivedAt'],
      [{ supplier: '' }, 'supplier'],
      [{ supplier: 'x'.repeat(201) }, 'supplier'],
      [{ quantity: 3 }, ''],
      [{ version: 'one', supplier: 'X' }, 'version'],
      [{ orderedAt: '2026-03-05T09:00:00+08:00', receivedAt: '2026-03-04T09:00:00+08:00' }, 'receivedAt'],
    ];
    for (const [body, path] of bad) {
      const r = await t.call('PATCH', `/purchases/${id}`, { token: admin, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
      if (path) expect(r.body.error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toContain(path);
    }
    const raw = await t.app.inject({ method: 'PATCH', url: `/api/v1/purchases/${id}`, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, payload: '{"supplier":' });
    expect(raw.statusCode).toBe(400);
  });
});

describe('closing the procurement step', () => {
  it('refuses with 409 naming every line not yet received', async () => {
    const { deal, admin, list } = await atProcurement();
    await t.call('PATCH', `/purchases/${list.lines[0].id}`, { token: admin, body: { orderedAt: AT, receivedAt: AT } });
    const r = await tryComplete(t, deal.id, 'admin_clerk', { form: {} });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('conflict');
    expect(r.body.error.message).toContain('Yealink T31P ×10');
    expect(r.body.error.message).not.toContain('Cisco SPA8000');
    expect(r.body.error.message).toContain('form.exception');
    expect(r.body.error.details).toEqual([expect.objectContaining({ path: 'lines.2', reason: 'field.not_received', message: expect.stringContaining('Yealink T31P') })]);
    expect(r.body.error.reason).toBe('purchase.not_received');
    expect((await openTask(t, deal.id))!.step).toBe('procurement');

    await receiveAllPurchases(t, deal.id);
    const ok = await tryComplete(t, deal.id, 'admin_clerk', { form: { note: '设备全部到货，已入库' } });
    expect(ok.status).toBe(200);
    expect(ok.body.next[0].step).toBe('installation_dispatch');
    const after = (await t.call('GET', `/deals/${deal.id}/purchases`, { token: admin })).body;
    expect(after).toMatchObject({ allReceived: true, exception: null, closedAt: new Date(AT).toISOString() });
  });

  it('closes with a recorded exception when lines are missing', async () => {
    const { deal, admin } = await atProcurement();
    const empty = await tryComplete(t, deal.id, 'admin_clerk', { form: { exception: '  ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.map((d: { path: string }) => d.path)).toEqual(['form.exception']);
    const unknown = await tryComplete(t, deal.id, 'admin_clerk', { form: { reason: '缺货' } });
    expect(unknown.status).toBe(400);

    const exception = '话机缺货，客户同意先装网关，话机到货后补装';
    const r = await tryComplete(t, deal.id, 'admin_clerk', { form: { exception } });
    expect(r.status).toBe(200);
    expect(r.body.next[0].step).toBe('installation_dispatch');
    const list = (await t.call('GET', `/deals/${deal.id}/purchases`, { token: admin })).body;
    expect(list).toMatchObject({ exception, allReceived: false, closedAt: new Date(AT).toISOString() });
    expect(list.closedBy).toBe((await t.call('GET', '/auth/me', { token: admin })).body.user.id);
    const audit = (await t.call('GET', `/audit?caseId=${deal.id}`, { token: await t.login('gm') })).body.items;
    const close = audit.find((a: { action: string }) => a.action === 'purchase_list.close');
    expect(close.after).toMatchObject({ exception, missing: ['#1 Cisco SPA8000 ×2', '#2 Yealink T31P ×10'] });

    // goods that arrive after the exception can still be recorded
    const late = await t.call('PATCH', `/purchases/${list.lines[1].id}`, { token: admin, body: { receivedAt: '2026-03-02T09:00:00+08:00' } });
    expect(late.status).toBe(200);
    // the deal goes on to installation
    await complete(t, deal.id, 'tech_manager', { form: { engineerIds: [(await t.call('GET', '/users?role=engineer', { token: admin })).body.items[0].id], scheduledAt: '2026-03-10T09:00:00+08:00' } });
    expect((await openTask(t, deal.id))!.step).toBe('installation');
  });
});
