// Issue 15 §3–4: comments with @mentions and attachments on every deal, ticket and customer, for
// whoever may see the case; files are checked by their bytes (415) and size (413).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createCustomer, createDeal } from '../../../test/support/factories.js';
import { customerInService, openTicket } from '../tickets/testing.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A multipart body with one file field. */
function multipart(name: string, data: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----fy${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  return { payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(caseId: string, token: string, name: string, data: Buffer) {
  const body = multipart(name, data);
  const r = await t.app.inject({
    method: 'POST', url: `/api/v1/cases/${caseId}/attachments`, payload: body.payload,
    headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType },
  });
  return { status: r.statusCode, body: r.json() };
}

describe('comments', () => {
  it('threads comments on a deal; a mention notifies the user', async () => {
    const { deal } = await createDeal(t);
    const sales = await t.login('sales');
    const managerId = (await t.call('GET', '/auth/me', { token: await t.login('sales_manager') })).body.user.id;
    const r = await t.call('POST', `/cases/${deal.id}/comments`, { token: sales, body: { body: '@业务经理 客户要求本周内报价', mentions: [managerId] } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ caseId: deal.id, body: '@业务经理 客户要求本周内报价', mentions: [managerId] });
    const list = await t.call('GET', `/cases/${deal.id}/comments`, { token: await t.login('engineer') });
    expect(list.body.items.map((c: { body: string }) => c.body)).toEqual(['@业务经理 客户要求本周内报价']);
    const bell = await t.call('GET', '/notifications', { token: await t.login('sales_manager') });
    expect(bell.body.items.find((n: { kind: string }) => n.kind === 'mentioned')).toMatchObject({ caseId: deal.id, message: expect.stringContaining('客户要求本周内报价') });
  });

  it('threads comments on a customer, refuses a bad mention by field, and keeps outsiders out', async () => {
    const customer = await createCustomer(t);
    const cs = await t.login('cs_agent');
    expect((await t.call('POST', `/cases/${customer.id}/comments`, { token: cs, body: { body: '客户前台电话已换' } })).status).toBe(201);
    const bad = await t.call('POST', `/cases/${customer.id}/comments`, { token: cs, body: { body: 'x', mentions: ['nobody'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('mentions.0');
    expect((await t.call('POST', `/cases/${customer.id}/comments`, { token: cs, body: { body: '   ' } })).status).toBe(400);
    const partner = await t.login('partner_engineer');
    expect((await t.call('GET', `/cases/${customer.id}/comments`, { token: partner })).status).toBe(404);
    expect((await t.call('POST', `/cases/${customer.id}/comments`, { token: partner, body: { body: 'hi' } })).status).toBe(404);
    expect((await t.call('GET', `/cases/no-such-case/comments`, { token: cs })).status).toBe(404);
  });
});

describe('attachments', () => {
  it('stores images and PDFs on a ticket and serves them to whoever sees it', async () => {
    const { customer } = await customerInService(t);
    const ticket = await openTicket(t, customer.id);
    const engineer = await t.login('engineer');
    const photo = await upload(ticket.id, engineer, '现场照片.png', PNG);
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({ name: '现场照片.png', contentType: 'image/png', size: PNG.length });
    expect((await upload(ticket.id, engineer, 'scan.pdf', PDF)).body.contentType).toBe('application/pdf');
    const list = await t.call('GET', `/cases/${ticket.id}/attachments`, { token: await t.login('cs_agent') });
    expect(list.body.items.map((a: { name: string }) => a.name)).toEqual(['现场照片.png', 'scan.pdf']);
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${photo.body.id}`, headers: { authorization: `Bearer ${engineer}` } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    // a partner engineer whose company does not have the ticket does not learn it exists
    const partner = await t.login('partner_engineer');
    const hidden = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${photo.body.id}`, headers: { authorization: `Bearer ${partner}` } });
    expect(hidden.statusCode).toBe(404);
  });

  it('refuses other types with 415 and files over 20 MB with 413; nothing is stored', async () => {
    const { deal } = await createDeal(t);
    const sales = await t.login('sales');
    const exe = await upload(deal.id, sales, 'setup.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'));
    expect(exe.status).toBe(415);
    expect(exe.body.error.reason).toBe('attachment.type_not_allowed');
    const big = await upload(deal.id, sales, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect((await t.call('GET', `/cases/${deal.id}/attachments`, { token: sales })).body.items).toEqual([]);
  });
});
