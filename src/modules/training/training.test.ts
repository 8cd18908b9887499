// The training rotation through the HTTP API (issue 14, PROCESS §6.1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { newStaff } from '../../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

describe('training rotation', () => {
  it('from 2026-09-21 for 3 weeks: 24 Sep, 30 Sep, 9 Oct; directions alternate from business → technical; lecturers rotate; prepare 2 working days before', async () => {
    const sales2 = await newStaff(t, 'sales');
    const r = await t.call('POST', '/training/plan', { token: await t.login('sales_manager'), body: { from: '2026-09-21', weeks: 3 } });
    expect(r.status, r.text).toBe(201);
    const items = r.body.items as { id: string; date: string; direction: string; lecturerId: string; startsAt: string; endsAt: string; prepareDueAt: string }[];
    expect(items.map((s) => [s.date, s.direction])).toEqual([
      ['2026-09-24', 'business_to_technical'], ['2026-09-30', 'technical_to_business'], ['2026-10-09', 'business_to_technical'],
    ]);
    expect(items[0]).toMatchObject({ startsAt: new Date('2026-09-24T09:00:00+08:00').toISOString(), endsAt: new Date('2026-09-24T12:00:00+08:00').toISOString() });
    expect(items[2]!.prepareDueAt).toBe(new Date('2026-09-30T18:00:00+08:00').toISOString());
    const users = (await t.call('GET', '/users?limit=200', { token: await t.login('sysadmin') })).body.items as { id: string; roles: string[] }[];
    const roleOf = (id: string) => users.find((u) => u.id === id)!.roles[0];
    expect(items.map((s) => roleOf(s.lecturerId))).toEqual(['sales', 'engineer', 'sales']);
    expect(items[0]!.lecturerId).not.toBe(items[2]!.lecturerId);
    expect([items[0]!.lecturerId, items[2]!.lecturerId]).toContain(sales2.id);

    // planning again keeps the sessions; the calendar view lists them
    expect((await t.call('POST', '/training/plan', { token: await t.login('gm'), body: { from: '2026-09-21', weeks: 3 } })).body.items).toEqual([]);
    expect((await t.call('GET', '/training?from=2026-09-01&to=2026-11-01', { token: await t.login('cs_agent') })).body.items).toHaveLength(3);
    expect((await t.call('POST', '/training/plan', { token: await t.login('engineer'), body: { from: '2026-09-21', weeks: 1 } })).status).toBe(403);

    // the responsible manager sets the topic; the other may not
    const tech = items[1]!;
    expect((await t.call('PATCH', `/training/${tech.id}`, { token: await t.login('sales_manager'), body: { topic: 'x' } })).status).toBe(403);
    const topic = await t.call('PATCH', `/training/${tech.id}`, { token: await t.login('tech_manager'), body: { topic: 'VoIP 网关配置' } });
    expect(topic.status, topic.text).toBe(200);
    expect(topic.body.topic).toBe('VoIP 网关配置');

    // attendance and each person's history
    const salesId = users.find((u) => u.roles.includes('sales') && u.id !== sales2.id)!.id;
    expect((await t.call('PUT', `/training/${tech.id}/attendance`, { token: await t.login('tech_manager'), body: { userIds: [salesId, sales2.id] } })).status).toBe(200);
    const history = (await t.call('GET', `/training/history?userId=${sales2.id}`, { token: await t.login('gm') })).body;
    expect(history.attended.map((s: { date: string }) => s.date)).toEqual(['2026-09-30']);
    expect(history.taught.map((s: { date: string }) => s.date)).toHaveLength(1);
  });
});
