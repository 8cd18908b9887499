// Issue 16 on tickets: SLA pause/resume over HTTP, and the customer's rating link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createCustomer } from '../../../test/support/factories.js';
import { completeAs, customerInService, openTask, openTicket, RESOLVE } from './testing.js';

let t: TestApp;
beforeAll(async () => { t = await testApp({ clockStart: '2026-03-02T09:00:00+08:00', config: { publicRateLimit: 30 } }); });
afterAll(async () => { await t?.close(); });

const iso = (s: string) => new Date(s).toISOString();

describe('SLA pause', () => {
  it('stops the open deadlines while paused and moves them by the working time paused', async () => {
    await t.setClock('2026-03-02T09:00:00+08:00'); // Monday
    const customer = await createCustomer(t, await t.login('cs_agent'));
    const ticket = await openTicket(t, customer.id);
    expect(iso(ticket.task.dueAt)).toBe(iso('2026-03-02T18:00:00+08:00'));
    expect(iso(ticket.dueAt)).toBe(iso('2026-03-03T18:00:00+08:00'));
    await t.setClock('2026-03-02T10:00:00+08:00');
    const eng = await t.login('engineer');
    // who and why are settings: sales may not, an unknown reason is refused naming the field
    expect((await t.call('POST', `/tickets/${ticket.id}/pause`, { token: await t.login('sales'), body: { reason: 'waiting_parts' } })).status).toBe(403);
    const bad = await t.call('POST', `/tickets/${ticket.id}/pause`, { token: eng, body: { reason: 'lunch' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('reason');
    const paused = await t.call('POST', `/tickets/${ticket.id}/pause`, { token: eng, body: { reason: 'waiting_parts', note: '等网关备件' } });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ pausedAt: iso('2026-03-02T10:00:00+08:00'), pauseReason: 'waiting_parts' });
    expect((await t.call('POST', `/tickets/${ticket.id}/pause`, { token: eng, body: { reason: 'waiting_parts' } })).status).toBe(409);

    // two days later nothing has been escalated: the clock stood still
    await t.setClock('2026-03-04T10:00:00+08:00');
    const notes = (await t.call('GET', '/notifications', { token: await t.login('tech_manager') })).body.items;
    expect(notes.filter((n: { caseId?: string }) => n.caseId === ticket.id)).toHaveLength(0);
    const csm = (await t.call('GET', '/notifications', { token: await t.login('cs_manager') })).body.items;
    expect(csm.filter((n: { caseId?: string }) => n.caseId === ticket.id)).toHaveLength(0);
    const page = await t.call('GET', `/tickets/${ticket.id}`, { token: eng });
    expect(page.body.overdue).toBe(false);

    const resumed = await t.call('POST', `/tickets/${ticket.id}/resume`, { token: await t.login('cs_agent') });
    expect(resumed.status).toBe(200);
    expect(resumed.body.pausedAt).toBeNull();
    // 16 working hours paused (Mon 10:00 → Wed 10:00); at the pause the repair had 7 h left
    // (10–12, 13–18), the ticket 15 h: counted again from Wednesday 10:00
    expect(iso(resumed.body.dueAt)).toBe(iso('2026-03-05T18:00:00+08:00'));
    expect(iso((await openTask(t, ticket.id))!.dueAt)).toBe(iso('2026-03-04T18:00:00+08:00'));
    expect((await t.call('POST', `/tickets/${ticket.id}/resume`, { token: eng })).status).toBe(409);

    const after = await t.call('GET', `/tickets/${ticket.id}`, { token: eng });
    expect(after.body.pauses).toEqual([expect.objectContaining({ reason: 'waiting_parts', note: '等网关备件', workingDays: 2 })]);
    const actions = after.body.history.map((h: { action: string }) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['ticket.pause', 'ticket.resume']));
    // the weekly summary lists the pause
    const weekly = (await t.call('GET', '/reports/weekly?week=2026-W10', { token: await t.login('gm') })).body;
    expect(weekly.pauses.items).toEqual(expect.arrayContaining([expect.objectContaining({ number: ticket.number, reason: 'waiting_parts', workingDays: 2 })]));
  });

  it('resumes by itself when a step is completed while paused, and breaches exclude the paused time', async () => {
    await t.setClock('2026-03-09T09:00:00+08:00');
    const customer = await createCustomer(t, await t.login('cs_agent'));
    const ticket = await openTicket(t, customer.id);
    const eng = await t.login('engineer');
    await t.setClock('2026-03-09T17:00:00+08:00');
    expect((await t.call('POST', `/tickets/${ticket.id}/pause`, { token: eng, body: { reason: 'waiting_customer' } })).status).toBe(200);
    // Tuesday 17:30: without the pause the repair (due Mon 18:00) would be late
    await t.setClock('2026-03-10T17:30:00+08:00');
    const task = (await openTask(t, ticket.id))!;
    const done = await completeAs(t, task.id, eng, { form: RESOLVE });
    expect(done.status).toBe(200);
    expect(done.body.task.overdue).toBe(false);
    const page = await t.call('GET', `/tickets/${ticket.id}`, { token: eng });
    expect(page.body.pausedAt).toBeNull();
    expect(page.body.pauses[0].resumedAt).toBe(iso('2026-03-10T17:30:00+08:00'));
  });
});

describe('the customer rating link', () => {
  async function repaired(tier: 'standard' | 'vip' = 'standard') {
    const customer = tier === 'vip' ? (await customerInService(t, 'one_time')).customer : await createCustomer(t, await t.login('cs_agent'));
    const ticket = await openTicket(t, customer.id);
    const task = (await openTask(t, ticket.id))!;
    const r = await completeAs(t, task.id, await t.login('engineer'), { form: RESOLVE });
    expect(r.status).toBe(200);
    const page = await t.call('GET', `/tickets/${ticket.id}`, { token: await t.login('cs_agent') });
    return { ticket, customer, page: page.body };
  }
  const tokenOf = (url: string) => url.replace('/r/', '');

  it('gives the ticket a single-use link: the public page, one rating, 410 afterwards; the follow-up shows it', async () => {
    await t.setClock('2026-03-16T09:00:00+08:00');
    const before = await openTicket(t, (await createCustomer(t, await t.login('cs_agent'))).id);
    expect((await t.call('GET', `/tickets/${before.id}`, { token: await t.login('cs_agent') })).body.ratingUrl).toBeNull();
    const { ticket, customer, page } = await repaired();
    expect(page.ratingUrl).toMatch(/^\/r\/[A-Za-z0-9_-]{24}$/); // 144 random bits
    expect(page.rating).toMatchObject({ status: 'waiting' });
    const token = tokenOf(page.ratingUrl);

    // no sign-in; the repair in plain words, nothing else
    const view = await t.call('GET', `/ratings/${token}`);
    expect(view.status).toBe(200);
    expect(Object.keys(view.body).sort()).toEqual(['customerName', 'expiresAt', 'number', 'problem', 'resolution', 'resolvedAt']);
    expect(view.body).toMatchObject({ number: ticket.number, customerName: customer.name, resolution: RESOLVE.resolution });
    // it takes nothing but the rating
    const extra = await t.call('POST', `/ratings/${token}`, { body: { satisfied: true, ticketId: ticket.id } });
    expect(extra.status).toBe(400);
    expect((await t.call('POST', `/ratings/${token}`, { body: { satisfied: 'yes' } })).status).toBe(400);
    const rated = await t.call('POST', `/ratings/${token}`, { body: { satisfied: true, comment: '师傅很专业' } });
    expect(rated.status).toBe(200);
    expect((await t.call('POST', `/ratings/${token}`, { body: { satisfied: false } })).status).toBe(410);
    expect((await t.call('GET', `/ratings/${token}`)).status).toBe(410);
    expect((await t.call('GET', '/ratings/AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);

    // the CS agent sees the customer's own rating on the follow-up, and still confirms it by phone
    const cs = await t.call('GET', `/tickets/${ticket.id}`, { token: await t.login('cs_agent') });
    expect(cs.body.rating).toMatchObject({ status: 'rated', satisfied: true, comment: '师傅很专业' });
    expect(cs.body.state).toBe('follow_up');
    expect(cs.body.history.some((h: { action: string }) => h.action === 'ticket.rating')).toBe(true);
  });

  it('an unsatisfied rating sends the ticket back to repair, as an unsatisfied call does', async () => {
    const { ticket, page } = await repaired();
    const r = await t.call('POST', `/ratings/${tokenOf(page.ratingUrl)}`, { body: { satisfied: false, comment: '还是打不出去' } });
    expect(r.status).toBe(200);
    const after = await t.call('GET', `/tickets/${ticket.id}`, { token: await t.login('cs_agent') });
    expect(after.body.state).toBe('resolve');
    const followUp = after.body.tasks.find((x: { step: string }) => x.step === 'follow_up');
    expect(followUp).toMatchObject({ status: 'done', outcome: 'unsatisfied' });
    expect(after.body.rating).toMatchObject({ status: 'rated', satisfied: false });
  });

  it('expires after 7 days (410)', async () => {
    const { page } = await repaired();
    const now = (await t.call('GET', '/health')).body.now as string;
    await t.setClock(new Date(new Date(now).getTime() + 7 * 86400_000 + 60_000).toISOString());
    expect((await t.call('GET', `/ratings/${tokenOf(page.ratingUrl)}`)).status).toBe(410);
    expect((await t.call('POST', `/ratings/${tokenOf(page.ratingUrl)}`, { body: { satisfied: true } })).status).toBe(410);
  });

  it('prints the link as a QR code on the repair\'s feedback form (FK)', async () => {
    const { customer, devices } = await customerInService(t, 'installment');
    const ticket = await openTicket(t, customer.id);
    const task = (await openTask(t, ticket.id))!;
    const r = await completeAs(t, task.id, await t.login('engineer'), {
      form: { ...RESOLVE, replacements: [{ oldSerialNumber: devices[0].serialNumber, newBrandModel: 'Cisco SPA8000', newSerialNumber: `SN-NEW-${Date.now()}` }] },
    });
    expect(r.status).toBe(200);
    const page = await t.call('GET', `/tickets/${ticket.id}`, { token: await t.login('tech_manager') });
    const fk = page.body.documents.find((d: { number: string }) => d.number.startsWith('FK-'));
    const print = await t.call('GET', `/documents/${fk.id}/print`, { token: await t.login('tech_manager') });
    expect(print.status).toBe(200);
    expect(print.text).toContain('<svg');
    expect(print.text).toContain(page.body.ratingUrl);
    expect(print.text).toContain('扫码评价本次维修');
  });

  it('rate-limits the public endpoints per client address', async () => {
    let last = 0;
    for (let i = 0; i < 40 && last !== 429; i++) last = (await t.call('GET', '/ratings/BBBBBBBBBBBBBBBBBBBBBBBB')).status;
    expect(last).toBe(429);
  });
});
