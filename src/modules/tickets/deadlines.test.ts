// After-sales deadlines run on the customer's service clock: business hours for standard
// customers, around the clock for VIP — here across the 2026 National Day holiday (10-01 … 10-07).
// And a ticket closed late counts as a breach against the owner of the late step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { completeAs, customerInService, openTask, openTicket, RESOLVE } from './testing.js';

const at = (local: string) => new Date(`${local}+08:00`).toISOString();

let t: TestApp;
let vip: Awaited<ReturnType<typeof customerInService>>;
let standard: Awaited<ReturnType<typeof customerInService>>;
let cs: string;
let engineer: string;
beforeAll(async () => {
  t = await testApp({ clockStart: '2026-09-28T09:00:00+08:00' });
  vip = await customerInService(t, 'one_time');
  standard = await customerInService(t, 'installment');
  [cs, engineer] = [await t.login('cs_agent'), await t.login('engineer')];
});
afterAll(async () => { await t?.close(); });

describe('VIP vs standard across National Day', () => {
  let vipTicket: Awaited<ReturnType<typeof openTicket>>;
  let stdTicket: Awaited<ReturnType<typeof openTicket>>;

  it('gives the customers their tiers from the contract', async () => {
    const [v, s] = [await t.call('GET', `/customers/${vip.customer.id}`, { token: cs }), await t.call('GET', `/customers/${standard.customer.id}`, { token: cs })];
    expect(v.body.serviceTier).toBe('vip');
    expect(s.body.serviceTier).toBe('standard');
  });

  it('sets the close deadline: standard after the holiday in working time, VIP exactly two days later', async () => {
    await t.setClock(at('2026-09-30T16:00:00'));
    vipTicket = await openTicket(t, vip.customer.id, 'complaint', 'VIP 外线中断');
    stdTicket = await openTicket(t, standard.customer.id, 'complaint', '普通客户外线中断');
    expect(vipTicket.tier).toBe('vip');
    expect(stdTicket.tier).toBe('standard');
    // VIP: 48 hours on the clock
    expect(vipTicket.dueAt).toBe(at('2026-10-02T16:00:00'));
    // standard: 2 h on 09-30, 8 h on 10-08 (first working day after the holiday), 6 h on 10-09
    expect(stdTicket.dueAt).toBe(at('2026-10-09T16:00:00'));
    // the repair step: one day on the same clocks
    expect(vipTicket.task.dueAt).toBe(at('2026-10-01T16:00:00'));
    expect(stdTicket.task.dueAt).toBe(at('2026-10-08T16:00:00'));
    // the calendar endpoint agrees
    const due = await t.call('GET', `/calendar/due?from=${encodeURIComponent(at('2026-09-30T16:00:00'))}&days=2&tier=standard`, { token: cs });
    expect(due.body.dueAt).toBe(stdTicket.dueAt);
  });

  it('counts the follow-up call from the repair on the customer clock', async () => {
    // engineers repair both on the holiday morning
    await t.setClock(at('2026-10-01T10:00:00'));
    const v = await completeAs(t, vipTicket.task.id, engineer, { form: RESOLVE });
    const s = await completeAs(t, stdTicket.task.id, engineer, { form: RESOLVE });
    expect(v.body.next[0]).toMatchObject({ step: 'follow_up', dueAt: at('2026-10-02T10:00:00'), tier: 'vip' });
    // standard: counting starts at the next opening (10-08 09:00) and ends at its closing
    expect(s.body.next[0]).toMatchObject({ step: 'follow_up', dueAt: at('2026-10-08T18:00:00'), tier: 'standard' });
  });

  it('makes the VIP ticket overdue during the holiday while the standard one is not', async () => {
    await t.setClock(at('2026-10-02T17:00:00'));
    const csManager = await t.login('cs_manager');
    const overdue = await t.call('GET', '/tickets?state=open&overdue=true&kind=complaint', { token: csManager });
    const ids = overdue.body.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(vipTicket.id);
    expect(ids).not.toContain(stdTicket.id);
    // the late follow-up was escalated to the CS manager
    const notes = await t.call('GET', '/notifications', { token: csManager });
    expect(notes.body.items.some((n: { kind: string; caseId?: string }) => n.kind === 'overdue' && n.caseId === vipTicket.id)).toBe(true);
  });

  it('counts the late close as a breach against the owner of the late step; the on-time one is not', async () => {
    const vipFollowUp = (await openTask(t, vipTicket.id))!;
    const stdFollowUp = (await openTask(t, stdTicket.id))!;
    expect((await completeAs(t, vipFollowUp.id, cs, { outcome: 'satisfied', form: { customerOpinion: '修好了' } })).status).toBe(200);
    expect((await completeAs(t, stdFollowUp.id, cs, { outcome: 'satisfied', form: {} })).status).toBe(200);
    const [v, s] = [await t.call('GET', `/tickets/${vipTicket.id}`, { token: cs }), await t.call('GET', `/tickets/${stdTicket.id}`, { token: cs })];
    const csUser = (await t.call('GET', '/auth/me', { token: cs })).body.user;
    expect(v.body).toMatchObject({ state: 'closed', overdue: true, breach: { status: 'breach', owner: { kind: 'user', id: csUser.id, step: 'follow_up' } } });
    expect(s.body).toMatchObject({ state: 'closed', overdue: false, breach: { status: 'on_time' } });
  });
});

describe('breaches and special reasons', () => {
  it('excuses a late step completed with a special reason', async () => {
    const ticket = await openTicket(t, vip.customer.id, 'complaint', '话机无声');
    const now = new Date((await t.call('GET', '/health')).body.now);
    await t.setClock(new Date(now.getTime() + 50 * 3600_000).toISOString());
    const r = await completeAs(t, ticket.task.id, engineer, { form: RESOLVE, specialReason: '台风停电，无法上门' });
    expect(r.status).toBe(200);
    expect(r.body.task).toMatchObject({ overdue: true });
    await completeAs(t, r.body.next[0].id, cs, { outcome: 'satisfied', form: {} });
    const page = await t.call('GET', `/tickets/${ticket.id}`, { token: cs });
    expect(page.body.breach).toEqual({ status: 'excused', reason: '台风停电，无法上门' });
  });

  it('excuses a ticket once the CS manager records a special reason', async () => {
    const ticket = await openTicket(t, vip.customer.id, 'complaint', '通话断续');
    const now = new Date((await t.call('GET', '/health')).body.now);
    await t.setClock(new Date(now.getTime() + 50 * 3600_000).toISOString());
    const r = await completeAs(t, ticket.task.id, engineer, { form: RESOLVE });
    await completeAs(t, r.body.next[0].id, cs, { outcome: 'satisfied', form: {} });
    const before = await t.call('GET', `/tickets/${ticket.id}`, { token: cs });
    const engineerUser = (await t.call('GET', '/auth/me', { token: engineer })).body.user;
    expect(before.body.breach).toMatchObject({ status: 'breach', owner: { id: engineerUser.id, step: 'resolve' } });
    const sr = await t.call('PUT', `/tickets/${ticket.id}/special-reason`, { token: await t.login('cs_manager'), body: { reason: '客户要求延期上门' } });
    expect(sr.body.breach).toEqual({ status: 'excused', reason: '客户要求延期上门' });
  });

  it('blames the step that held the ticket when no single step was late', async () => {
    const ticket = await openTicket(t, vip.customer.id, 'complaint', '反复掉线');
    const start = new Date((await t.call('GET', '/health')).body.now).getTime();
    const step = async (hours: number) => t.setClock(new Date(start + hours * 3600_000).toISOString());
    // each step within its 24 h, but three rounds take longer than the ticket's 48 h
    await step(20);
    let r = await completeAs(t, ticket.task.id, engineer, { form: RESOLVE });
    await step(30);
    r = await completeAs(t, r.body.next[0].id, cs, { outcome: 'unsatisfied', form: { customerOpinion: '还是掉线' } });
    await step(45);
    r = await completeAs(t, r.body.next[0].id, engineer, { form: RESOLVE });
    await step(60);
    r = await completeAs(t, r.body.next[0].id, cs, { outcome: 'satisfied', form: {} });
    const page = await t.call('GET', `/tickets/${ticket.id}`, { token: cs });
    const csUser = (await t.call('GET', '/auth/me', { token: cs })).body.user;
    expect(page.body.tasks.every((x: { overdue: boolean }) => !x.overdue)).toBe(true);
    expect(page.body.breach).toMatchObject({ status: 'breach', owner: { id: csUser.id, step: 'follow_up' } });
  });
});
