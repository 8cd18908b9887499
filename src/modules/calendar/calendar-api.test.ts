// Issue 3 through the API: day kinds and deadlines as the official notices say,
// calendar administration, and the overdue sweep with escalation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createDeal, openTaskOf } from '../../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const due = async (from: string, days: number, tier = 'standard') => {
  const r = await t.call('GET', `/calendar/due?from=${encodeURIComponent(from)}&days=${days}&tier=${tier}`, { token: await t.login('sales') });
  expect(r.status).toBe(200);
  return new Date(r.body.dueAt).toISOString();
};
const iso = (s: string) => new Date(s).toISOString();

describe('GET /calendar/days', () => {
  it.each([
    ['2024-02-04', 'makeup_workday', true], ['2024-02-10', 'holiday', false], ['2024-10-12', 'makeup_workday', true],
    ['2025-01-26', 'makeup_workday', true], ['2025-10-08', 'holiday', false], ['2025-10-11', 'makeup_workday', true],
    ['2026-02-14', 'makeup_workday', true], ['2026-02-17', 'holiday', false], ['2026-10-10', 'makeup_workday', true],
    ['2026-03-07', 'weekend', false], ['2026-03-09', 'workday', true],
  ])('%s is %s', async (date, kind, workday) => {
    const r = await t.call('GET', `/calendar/days/${date}`, { token: await t.login('engineer') });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ date, kind, workday });
  });

  it('refuses nonsense with 400 naming the field', async () => {
    const token = await t.login('sales');
    for (const bad of ['2026-02-30', '2026-13-01', 'tomorrow']) {
      const r = await t.call('GET', `/calendar/days/${bad}`, { token });
      expect(r.status).toBe(400);
      expect(r.body.error.details[0].path).toMatch(/date/);
    }
    const r = await t.call('GET', '/calendar/due?from=yesterday&days=-1&tier=gold', { token });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['querystring.from']));
  });
});

describe('GET /calendar/due', () => {
  it('counts ½ working day from a lunch-time start from 13:00', async () => {
    expect(await due('2026-03-02T12:30:00+08:00', 0.5)).toBe(iso('2026-03-02T17:00:00+08:00'));
  });
  it('ends exactly at 12:00 and at 18:00, not at the next opening', async () => {
    expect(await due('2026-03-02T09:00:00+08:00', 3 / 8)).toBe(iso('2026-03-02T12:00:00+08:00'));
    expect(await due('2026-03-02T09:00:00+08:00', 1)).toBe(iso('2026-03-02T18:00:00+08:00'));
  });
  it('crosses Spring Festival 2026 and counts the make-up Saturday', async () => {
    // Friday 2026-02-13 17:00 + 1 wd: Sat 02-14 is a make-up working day
    expect(await due('2026-02-13T17:00:00+08:00', 1)).toBe(iso('2026-02-14T17:00:00+08:00'));
    // Sat 02-14 17:00 + 1 wd: the holiday runs 02-15 to 02-23, so it ends on Tue 02-24 at 17:00
    expect(await due('2026-02-14T17:00:00+08:00', 1)).toBe(iso('2026-02-24T17:00:00+08:00'));
  });
  it('runs VIP around the clock across a holiday', async () => {
    expect(await due('2026-09-30T16:00:00+08:00', 2, 'vip')).toBe(iso('2026-10-02T16:00:00+08:00'));
    expect(await due('2026-09-30T16:00:00+08:00', 2)).toBe(iso('2026-10-09T16:00:00+08:00'));
  });
});

describe('calendar administration', () => {
  it('warns about a year without official data and lets the sysadmin enter it', async () => {
    const admin = await t.login('sysadmin');
    await t.setClock('2026-11-30T09:00:00+08:00');
    const status = await t.call('GET', '/calendar/status', { token: await t.login('sales') });
    expect(status.body.missingYears).toContain(2027);
    expect(status.body.warning).toMatch(/2027/);
    // 2027-01-01 (Fri) without data is a plain working day
    expect((await t.call('GET', '/calendar/days/2027-01-01', { token: admin })).body.kind).toBe('workday');
    expect((await t.call('PUT', '/calendar/days/2027-01-01', { token: await t.login('sales'), body: { kind: 'holiday', name: '元旦' } })).status).toBe(403);
    const put = await t.call('PUT', '/calendar/days/2027-01-01', { token: admin, body: { kind: 'holiday', name: '元旦' } });
    expect(put.status).toBe(200);
    expect((await t.call('GET', '/calendar/days/2027-01-01', { token: admin })).body).toMatchObject({ kind: 'holiday', workday: false, name: '元旦' });
    expect(await due('2026-12-31T17:00:00+08:00', 1)).toBe(iso('2027-01-04T17:00:00+08:00'));
    expect((await t.call('GET', '/calendar/status', { token: admin })).body.missingYears).not.toContain(2027);
  });

  it('changes business hours and validates them', async () => {
    const admin = await t.login('sysadmin');
    expect((await t.call('PUT', '/calendar/hours', { token: admin, body: { periods: [{ start: '12:00', end: '09:00' }] } })).status).toBe(400);
    const ok = await t.call('PUT', '/calendar/hours', { token: admin, body: { periods: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }] } });
    expect(ok.status).toBe(200);
    expect(await due('2026-12-01T08:30:00+08:00', 1)).toBe(iso('2026-12-01T17:30:00+08:00'));
    await t.call('PUT', '/calendar/hours', { token: admin, body: { periods: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }] } });
  });
});

describe('overdue sweep', () => {
  it('marks overdue tasks and notifies the owning department manager once, at once after POST /clock', async () => {
    const app2 = await testApp({ clockStart: '2026-03-02T09:00:00+08:00' });
    try {
      const sales = await app2.login('sales');
      const { deal } = await createDeal(app2);
      const task = await openTaskOf(app2, deal.id, await app2.login('gm'));
      expect(task.dueAt).toBe(iso('2026-03-02T14:00:00+08:00'));
      const admin = await app2.login('sysadmin');
      expect((await app2.call('POST', '/clock', { token: sales, body: { now: '2026-03-02T15:00:00+08:00' } })).status).toBe(403);
      const moved = await app2.call('POST', '/clock', { token: admin, body: { now: '2026-03-02T15:00:00+08:00' } });
      expect(moved.status).toBe(200);
      expect(moved.body.escalated).toBeGreaterThanOrEqual(1);
      const inbox = await app2.call('GET', '/tasks?mine=true&status=open', { token: sales });
      expect(inbox.body.items.find((x: { id: string }) => x.id === task.id).overdue).toBe(true);
      const n = await app2.call('GET', '/notifications', { token: await app2.login('sales_manager') });
      expect(n.body.items.filter((x: { kind: string; taskId?: string }) => x.kind === 'overdue' && x.taskId === task.id)).toHaveLength(1);
      // moving again does not escalate the same task twice; the clock never goes back
      await app2.call('POST', '/clock', { token: admin, body: { now: '2026-03-02T16:00:00+08:00' } });
      const n2 = await app2.call('GET', '/notifications', { token: await app2.login('sales_manager') });
      expect(n2.body.items.filter((x: { kind: string; taskId?: string }) => x.kind === 'overdue' && x.taskId === task.id)).toHaveLength(1);
      expect((await app2.call('POST', '/clock', { token: admin, body: { now: '2026-03-01T16:00:00+08:00' } })).status).toBe(409);
      // the salesperson is not told; the manager marks it read
      const id = n2.body.items[0].id;
      expect((await app2.call('POST', `/notifications/${id}/read`, { token: sales })).status).toBe(404);
      expect((await app2.call('POST', `/notifications/${id}/read`, { token: await app2.login('sales_manager') })).status).toBe(200);
    } finally {
      await app2.close();
    }
  });

  it('has no POST /clock on the system clock', async () => {
    const app3 = await testApp({ config: { clockMode: 'system' } });
    try {
      const r = await app3.call('POST', '/clock', { token: await app3.login('sysadmin'), body: { now: '2030-01-01T00:00:00+08:00' } });
      expect(r.status).toBe(404);
    } finally {
      await app3.close();
    }
  });
});
