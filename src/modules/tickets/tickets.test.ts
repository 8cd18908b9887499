// Tickets through the HTTP API: finding the caller, inquiry and complaint flows, form 5 field
// ownership, form 6 device swaps, the CS manager's view and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createCustomer, unique } from '../../../test/support/factories.js';
import { completeAs, customerInService, openTask, openTicket, RESOLVE, tick } from './testing.js';

let t: TestApp;
let cs: string;
let engineer: string;
let csManager: string;
let inService: Awaited<ReturnType<typeof customerInService>>;
beforeAll(async () => {
  t = await testApp();
  [cs, engineer, csManager] = [await t.login('cs_agent'), await t.login('engineer'), await t.login('cs_manager')];
  inService = await customerInService(t, 'installment');
});
afterAll(async () => { await t?.close(); });

describe('finding the caller', () => {
  it('finds a customer by the caller number with or without dashes, exact match first', async () => {
    const mobile = `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const exact = await createCustomer(t, cs, { name: unique('来电客户'), phone: `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}` });
    // a longer number that contains the caller's: found, but after the exact one
    const longer = await createCustomer(t, cs, { name: unique('分机客户'), phone: `${mobile}转8001` });
    for (const q of [mobile, `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`, `+86 ${mobile}`, `${mobile.slice(0, 3)}-${mobile.slice(3)}`]) {
      const r = await t.call('GET', `/customers?q=${encodeURIComponent(q)}`, { token: cs });
      expect(r.status, q).toBe(200);
      expect(r.body.items.map((c: { id: string }) => c.id).slice(0, 2), q).toEqual([exact.id, longer.id]);
    }
  });

  it('finds a landline with or without the area code and dashes', async () => {
    const local = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
    const withArea = await createCustomer(t, cs, { name: unique('座机客户'), phone: `021-${local}` });
    for (const q of [`021-${local}`, `021${local}`, local]) {
      const r = await t.call('GET', `/customers?q=${encodeURIComponent(q)}`, { token: cs });
      expect(r.body.items[0]?.id, q).toBe(withArea.id);
    }
    // kept without the area code, called from caller ID with it
    const local2 = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
    const bare = await createCustomer(t, cs, { name: unique('本地客户'), phone: local2 });
    const r = await t.call('GET', `/customers?q=021-${local2}`, { token: cs });
    expect(r.body.items[0]?.id).toBe(bare.id);
  });
});

describe('opening tickets', () => {
  it('opens an inquiry with its close deadline and first task; an engineer answers and it closes', async () => {
    const r = await t.call('POST', '/tickets', { token: cs, body: { customerId: inService.customer.id, kind: 'inquiry', problem: '如何设置呼叫转移？', contact: '王经理 13900000000' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'inquiry', state: 'answer', tier: 'standard', contact: '王经理 13900000000' });
    expect(r.body.number).toMatch(/^GD-2026-\d{6}$/);
    expect(r.body.dueAt).toBeTypeOf('string');
    expect(r.body.task).toMatchObject({ step: 'answer', assigneeRole: 'engineer', status: 'open' });
    // CS may not answer; the engineer does
    expect((await completeAs(t, r.body.task.id, cs, { form: { answer: '按 *72 加号码' } })).status).toBe(403);
    const done = await completeAs(t, r.body.task.id, engineer, { form: { answer: '按 *72 加号码' } });
    expect(done.status).toBe(200);
    expect(done.body.next).toEqual([]);
    const page = await t.call('GET', `/tickets/${r.body.id}`, { token: cs });
    expect(page.body).toMatchObject({ state: 'closed', overdue: false, breach: { status: 'on_time' } });
    expect(page.body.closedAt).toBeTypeOf('string');
  });

  it('refuses other roles and bad input without a 500', async () => {
    const body = { customerId: inService.customer.id, kind: 'complaint', problem: '断线' };
    expect((await t.call('POST', '/tickets', { token: engineer, body })).status).toBe(403);
    expect((await t.call('POST', '/tickets', { token: await t.login('partner_engineer'), body })).status).toBe(403);
    for (const bad of [
      { ...body, kind: 'praise' }, { ...body, problem: '' }, { ...body, customerId: 'nope' }, { kind: 'complaint' },
      { ...body, problem: 'x'.repeat(6000) }, [],
    ]) {
      const r = await t.call('POST', '/tickets', { token: cs, body: bad });
      expect(r.status, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
    }
    // a body without a content type is refused in the one error format
    const text = await t.call('POST', '/tickets', { token: cs, body: 'text' });
    expect([text.status, text.body.error.code]).toEqual([415, 'unsupported_media_type']);
    expect((await t.call('GET', '/tickets/does-not-exist', { token: cs })).status).toBe(404);
    expect((await t.call('GET', '/tickets?overdue=maybe', { token: cs })).status).toBe(400);
    expect((await t.call('GET', '/tickets?sort=x', { token: cs })).status).toBe(400);
  });
});

describe('complaints: form 5 round by round', () => {
  it('runs resolve → follow_up, back to resolve when unsatisfied, and records one entry per round', async () => {
    const ticket = await openTicket(t, inService.customer.id, 'complaint', '外线打不出去');
    expect(ticket.state).toBe('resolve');
    await tick(t);
    const round1 = await completeAs(t, ticket.task.id, engineer, { form: { ...RESOLVE, techRemarks: '已远程处理' } });
    expect(round1.status).toBe(200);
    expect(round1.body.next).toMatchObject([{ step: 'follow_up', assigneeRole: 'cs_agent' }]);
    await tick(t);
    const unsatisfied = await completeAs(t, round1.body.next[0].id, cs, { outcome: 'unsatisfied', form: { customerOpinion: '下午又断了' } });
    expect(unsatisfied.status).toBe(200);
    expect(unsatisfied.body.next).toMatchObject([{ step: 'resolve' }]);
    await tick(t);
    const round2 = await completeAs(t, unsatisfied.body.next[0].id, engineer, { form: { cause: '中继线松动', resolution: '上门重新压接', qualityComplaint: true } });
    expect(round2.status).toBe(200);
    await tick(t);
    const satisfied = await completeAs(t, round2.body.next[0].id, cs, { outcome: 'satisfied', form: { customerOpinion: '好了，谢谢', csRemarks: '客户认可' } });
    expect(satisfied.status).toBe(200);

    const page = await t.call('GET', `/tickets/${ticket.id}`, { token: cs });
    expect(page.body.state).toBe('closed');
    expect(page.body.tasks.map((x: { step: string; outcome: string }) => `${x.step}:${x.outcome}`)).toEqual([
      'resolve:done', 'follow_up:unsatisfied', 'resolve:done', 'follow_up:satisfied',
    ]);
    const ts = page.body.documents.find((d: { form: string }) => d.form === 'complaint_record');
    expect(ts.number).toMatch(/^TS-2026-\d{6}$/);
    expect(ts.fields.entries).toMatchObject([
      { round: 1, problem: '外线打不出去', cause: RESOLVE.cause, resolution: RESOLVE.resolution, qualityComplaint: false, satisfied: false, customerOpinion: '下午又断了' },
      { round: 2, cause: '中继线松动', resolution: '上门重新压接', qualityComplaint: true, satisfied: true, customerOpinion: '好了，谢谢' },
    ]);
    expect(ts.fields.entries[1].problem).toContain('下午又断了');
    expect(ts.fields).toMatchObject({ techRemarks: '已远程处理', csRemarks: '客户认可' });
    // both departments signed
    expect(new Set(ts.signedBy.map((s: { role: string }) => s.role))).toEqual(new Set(['cs_agent', 'engineer']));

    // issue 15 §6: the paper shows people's words in Shanghai time, never a key or a task id
    const printed = (await t.call('GET', `/documents/${ts.id}/print`, { token: cs })).text;
    for (const label of ['处理人', '处理时间', '回访人', '回访时间']) expect(printed).toContain(label);
    for (const key of ['resolvedAt', 'resolvedBy', 'followedUpAt', 'followedUpBy', 'followUpTaskId', round1.body.next[0].id]) expect(printed).not.toContain(key);
    const shanghai = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(printed).toContain(shanghai(ts.fields.entries[0].resolvedAt));
    expect(printed).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('lets engineers write only technical fields and CS only its own', async () => {
    const ticket = await openTicket(t, inService.customer.id);
    // an engineer cannot write the customer's satisfaction or opinion
    for (const extra of [{ satisfied: true }, { customerOpinion: '很满意' }]) {
      const r = await completeAs(t, ticket.task.id, engineer, { form: { ...RESOLVE, ...extra } });
      expect(r.status, JSON.stringify(extra)).toBe(400);
      expect(r.body.error.details[0].path).toMatch(/^form/);
    }
    // the CS part the repair form shows read-only (filledBy) is refused as another role's field
    const problem = await completeAs(t, ticket.task.id, engineer, { form: { ...RESOLVE, problem: '改写问题' } });
    expect(problem.status).toBe(403);
    expect(problem.body.error.details[0].path).toBe('form.problem');
    // CS cannot complete the repair step at all
    expect((await completeAs(t, ticket.task.id, cs, { form: RESOLVE })).status).toBe(403);
    expect((await completeAs(t, ticket.task.id, engineer, { form: { cause: '只填了原因' } })).status).toBe(400);
    const r = await completeAs(t, ticket.task.id, engineer, { form: RESOLVE });
    expect(r.status).toBe(200);
    const followUp = r.body.next[0].id;
    // CS cannot write the technical fields, the engineer cannot make the call
    for (const extra of [{ cause: 'x' }, { resolution: 'x' }, { qualityComplaint: true }]) {
      const refused = await completeAs(t, followUp, cs, { outcome: 'satisfied', form: { customerOpinion: '好', ...extra } });
      expect(refused.status).toBe(403);
      expect(refused.body.error.details[0].path).toBe(`form.${Object.keys(extra)[0]}`);
    }
    expect((await completeAs(t, followUp, engineer, { outcome: 'satisfied', form: {} })).status).toBe(403);
    expect((await completeAs(t, followUp, cs, { outcome: 'happy', form: {} })).status).toBe(400);
    expect((await completeAs(t, followUp, cs, { outcome: 'satisfied', form: {} })).status).toBe(200);
    expect((await completeAs(t, followUp, cs, { outcome: 'satisfied', form: {} })).status).toBe(409);
  });
});

describe('form 6: device swap', () => {
  it('replaces a device: old marked replaced and linked to the new, form 6 with the customer signature', async () => {
    const ticket = await openTicket(t, inService.customer.id, 'complaint', '网关不开机');
    const old = inService.devices[0];
    const newSerial = unique('SN-NEW-');
    const signature = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const r = await completeAs(t, ticket.task.id, engineer, {
      form: { ...RESOLVE, cause: '电源模块损坏', resolution: '上门更换网关', replacements: [{ oldSerialNumber: old.serialNumber, newBrandModel: 'Cisco SPA8800', newSerialNumber: newSerial }], customerSignature: signature },
    });
    expect(r.status).toBe(200);
    await completeAs(t, r.body.next[0].id, cs, { outcome: 'satisfied', form: { customerOpinion: '换新后正常' } });

    const customer = await t.call('GET', `/customers/${inService.customer.id}`, { token: cs });
    const oldAsset = customer.body.assets.find((a: { serialNumber: string }) => a.serialNumber === old.serialNumber);
    const newAsset = customer.body.assets.find((a: { serialNumber: string }) => a.serialNumber === newSerial);
    expect(oldAsset.replacedAt).toBeTypeOf('string');
    expect(newAsset).toMatchObject({ brandModel: 'Cisco SPA8800', configDocNumber: old.configDocNumber });
    expect(newAsset.replacedAt).toBeUndefined();
    expect(oldAsset.replacedById).toBe(newAsset.id);
    // the untouched device stays in service
    expect(customer.body.assets.find((a: { serialNumber: string }) => a.serialNumber === inService.devices[1].serialNumber).replacedAt).toBeUndefined();

    const page = await t.call('GET', `/tickets/${ticket.id}`, { token: cs });
    const fk = page.body.documents.find((d: { form: string }) => d.form === 'problem_feedback');
    expect(fk.number).toMatch(/^FK-2026-\d{6}$/);
    expect(fk.fields).toMatchObject({
      faultDescription: '网关不开机', handling: '上门更换网关', customerSignature: signature, customerOpinion: '换新后正常', satisfied: true,
      replacements: [{ oldBrandModel: old.brandModel, oldSerialNumber: old.serialNumber, newBrandModel: 'Cisco SPA8800', newSerialNumber: newSerial }],
    });
    // the serial history shows both
    const history = await t.call('GET', `/assets?serial=${encodeURIComponent(old.serialNumber)}`, { token: cs });
    expect(history.body.items[0].replacedAt).toBeTypeOf('string');
  });

  it('refuses a swap of a device the customer does not have, a serial already in service, or a bad signature', async () => {
    const ticket = await openTicket(t, inService.customer.id, 'complaint', '话机无声');
    const other = await customerInService(t, 'installment');
    const cases: [unknown[], unknown, number][] = [
      [[{ oldSerialNumber: 'NO-SUCH', newBrandModel: 'X', newSerialNumber: unique('N') }], undefined, 400],
      [[{ oldSerialNumber: other.devices[0].serialNumber, newBrandModel: 'X', newSerialNumber: unique('N') }], undefined, 400],
      [[{ oldSerialNumber: inService.devices[1].serialNumber, newBrandModel: 'X', newSerialNumber: other.devices[1].serialNumber }], undefined, 409],
      [[{ oldSerialNumber: inService.devices[1].serialNumber, newBrandModel: 'X', newSerialNumber: unique('N') }], 'javascript:alert(1)', 400],
    ];
    for (const [replacements, customerSignature, status] of cases) {
      const r = await completeAs(t, ticket.task.id, engineer, { form: { ...RESOLVE, replacements, ...(customerSignature ? { customerSignature } : {}) } });
      expect(r.status, JSON.stringify(replacements)).toBe(status);
    }
    // nothing changed: the task is still open and the device still in service
    expect((await openTask(t, ticket.id))?.step).toBe('resolve');
    const customer = await t.call('GET', `/customers/${inService.customer.id}`, { token: cs });
    expect(customer.body.assets.find((a: { serialNumber: string }) => a.serialNumber === inService.devices[1].serialNumber).replacedAt).toBeUndefined();
  });
});

describe('the CS manager view', () => {
  it('lists open and overdue complaints, and records a special reason', async () => {
    const c = await customerInService(t, 'installment');
    const late = await openTicket(t, c.customer.id, 'complaint', '逾期的投诉');
    const inquiry = await openTicket(t, c.customer.id, 'inquiry', '逾期的咨询');
    const now = (await t.call('GET', '/health')).body.now as string;
    // three working days later both are past their two-day close deadline
    await t.setClock(new Date(new Date(now).getTime() + 5 * 86_400_000).toISOString());
    const fresh = await openTicket(t, c.customer.id, 'complaint', '新的投诉');

    const r = await t.call('GET', `/tickets?state=open&overdue=true&kind=complaint&customerId=${c.customer.id}`, { token: csManager });
    expect(r.status).toBe(200);
    expect(r.body.items.map((x: { id: string }) => x.id)).toEqual([late.id]);
    expect(r.body.items[0]).toMatchObject({ overdue: true, customerName: c.customer.name, openTasks: [{ step: 'resolve', overdue: true }] });
    const open = await t.call('GET', `/tickets?state=open&customerId=${c.customer.id}&sort=due_asc`, { token: csManager });
    expect(open.body.items.map((x: { id: string }) => x.id)).toEqual([late.id, inquiry.id, fresh.id]);
    expect(open.body.total).toBe(3);

    // only the CS manager (or GM) records special reasons
    expect((await t.call('PUT', `/tickets/${late.id}/special-reason`, { token: cs, body: { reason: 'x' } })).status).toBe(403);
    expect((await t.call('PUT', `/tickets/${late.id}/special-reason`, { token: csManager, body: { reason: '' } })).status).toBe(400);
    expect((await t.call('PUT', '/tickets/nope/special-reason', { token: csManager, body: { reason: '客户出差' } })).status).toBe(404);
    const sr = await t.call('PUT', `/tickets/${late.id}/special-reason`, { token: csManager, body: { reason: '客户出差，无法上门' } });
    expect(sr.status).toBe(200);
    expect(sr.body.specialReason).toBe('客户出差，无法上门');
    const history = await t.call('GET', `/tickets/${late.id}`, { token: csManager });
    expect(history.body.history.some((h: { action: string }) => h.action === 'ticket.special_reason')).toBe(true);
  });
});
