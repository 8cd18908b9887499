// Rewards and penalties (奖惩考核): who may record them for whom, who reads them, and the audit.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createDeal } from '../../../test/support/factories.js';
import { audit, reviews } from '../../db/schema.js';

let t: TestApp;
const me = async (u: string) => (await t.call('GET', '/auth/me', { token: await t.login(u) })).body.user as { id: string; partnerId: string | null };
beforeAll(async () => { t = await testApp(); });
afterAll(async () => t?.close());

describe('rewards and penalties', () => {
  it('the subject\'s department manager (or the GM) records them; partners by the tech manager; every one audited', async () => {
    const [engineer, sales, partner] = [await me('engineer'), await me('sales'), (await me('partner_engineer')).partnerId!];
    const tech = await t.login('tech_manager');
    // a case that does not exist is refused by name, and nothing is recorded
    const before = (await t.ctx.db.select().from(reviews)).length;
    const unknown = await t.call('POST', '/reviews', { token: tech, body: { userId: engineer.id, kind: 'penalty', points: -2, reason: '维修超时', caseId: 'no-such-case' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: 'caseId', reason: 'field.unknown_case' })]);
    expect((await t.ctx.db.select().from(reviews)).length).toBe(before);
    const { deal } = await createDeal(t);
    const caseId = (deal as { id: string }).id;
    const penalty = await t.call('POST', '/reviews', { token: tech, body: { userId: engineer.id, kind: 'penalty', points: -2, amountFen: 5000, reason: '维修超时且无特殊原因', caseId } });
    expect(penalty.status, penalty.text).toBe(201);
    expect(penalty.body).toMatchObject({ userId: engineer.id, partnerId: null, kind: 'penalty', points: -2, amountFen: 5000, caseNumber: (deal as { number: string }).number, authorName: expect.any(String) });
    const trail = await t.ctx.db.select().from(audit).where(eq(audit.entityId, penalty.body.id));
    expect(trail.map((a) => [a.action, a.caseId])).toEqual([['review.penalty', caseId]]);
    expect((await t.call('POST', '/reviews', { token: tech, body: { userId: sales.id, kind: 'reward', reason: 'x' } })).status).toBe(403);
    expect((await t.call('POST', '/reviews', { token: await t.login('sales_manager'), body: { userId: sales.id, kind: 'reward', points: 3, reason: '本月签约第一' } })).status).toBe(201);
    expect((await t.call('POST', '/reviews', { token: tech, body: { partnerId: partner, kind: 'reward', amountFen: 20000, reason: '满意率 100%' } })).status).toBe(201);
    expect((await t.call('POST', '/reviews', { token: await t.login('cs_manager'), body: { partnerId: partner, kind: 'penalty', reason: 'x' } })).status).toBe(403);
    expect((await t.call('POST', '/reviews', { token: await t.login('gm'), body: { userId: engineer.id, partnerId: partner, kind: 'reward', reason: 'x' } })).status).toBe(400);
    expect((await t.call('POST', '/reviews', { token: await t.login('engineer'), body: { userId: engineer.id, kind: 'reward', reason: 'x' } })).status).toBe(403);
    expect((await t.call('POST', '/reviews', { token: await t.login('gm'), body: { userId: 'nobody', kind: 'reward', reason: 'x' } })).status).toBe(400);
  });

  it('each person reads their own record; managers their department\'s; the GM all', async () => {
    const engineer = await me('engineer');
    const own = await t.call('GET', `/reviews?userId=${engineer.id}`, { token: await t.login('engineer') });
    expect(own.status).toBe(200);
    expect(own.body.items.map((r: { reason: string }) => r.reason)).toEqual(['维修超时且无特殊原因']);
    expect(own.body.subject).toEqual({ userId: engineer.id, partnerId: null, name: expect.any(String) });
    const partner = (await me('partner_engineer')).partnerId!;
    const partnerPage = await t.call('GET', `/reviews?partnerId=${partner}`, { token: await t.login('tech_manager') });
    expect(partnerPage.body.subject).toMatchObject({ userId: null, partnerId: partner });
    expect(partnerPage.body.items.map((r: { amountFen: number }) => r.amountFen)).toEqual([20000]);
    expect((await t.call('GET', `/reviews?partnerId=${partner}`, { token: await t.login('engineer') })).status).toBe(403);
    expect((await t.call('GET', '/reviews', { token: await t.login('tech_manager') })).body.subject).toBeNull();
    expect((await t.call('GET', `/reviews?userId=${engineer.id}`, { token: await t.login('sales') })).status).toBe(403);
    expect((await t.call('GET', `/reviews?userId=${engineer.id}&month=2026-03`, { token: await t.login('tech_manager') })).body.items).toHaveLength(1);
    expect((await t.call('GET', `/reviews?userId=${engineer.id}&month=2026-04`, { token: await t.login('tech_manager') })).body.items).toHaveLength(0);
    const techAll = await t.call('GET', '/reviews', { token: await t.login('tech_manager') });
    expect(techAll.body.items.map((r: { subjectName: string; kind: string }) => r.kind).sort()).toEqual(['penalty', 'reward']);
    expect((await t.call('GET', '/reviews', { token: await t.login('gm') })).body.items).toHaveLength(3);
    expect((await t.call('GET', '/reviews', { token: await t.login('engineer') })).body.items).toHaveLength(1);
  });

  it('searches, filters and pages, with the count and sums of every match', async () => {
    const gm = await t.login('gm');
    const all = await t.call('GET', '/reviews', { token: gm });
    expect(all.body).toMatchObject({ total: 3, totals: { points: 1, rewardsFen: 20000, penaltiesFen: 5000 } });
    const first = await t.call('GET', '/reviews?pageSize=2', { token: gm });
    const second = await t.call('GET', '/reviews?pageSize=2&page=2', { token: gm });
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.total).toBe(3);
    expect([...first.body.items, ...second.body.items].map((r: { id: string }) => r.id)).toEqual(all.body.items.map((r: { id: string }) => r.id));
    const rewards = await t.call('GET', '/reviews?kind=reward', { token: gm });
    expect(rewards.body.items.map((r: { kind: string }) => r.kind)).toEqual(['reward', 'reward']);
    expect(rewards.body.totals).toEqual({ points: 3, rewardsFen: 20000, penaltiesFen: 0 });
    // the reason, the subject's name and the case number are searched; % and _ are taken literally
    expect((await t.call('GET', `/reviews?q=${encodeURIComponent('超时')}`, { token: gm })).body.items.map((r: { reason: string }) => r.reason)).toEqual(['维修超时且无特殊原因']);
    const caseNumber = all.body.items.find((r: { caseNumber: string | null }) => r.caseNumber).caseNumber as string;
    expect((await t.call('GET', `/reviews?q=${encodeURIComponent(caseNumber.slice(-4))}`, { token: gm })).body.total).toBe(1);
    expect((await t.call('GET', '/reviews?q=%25', { token: gm })).body.items.map((r: { reason: string }) => r.reason)).toEqual(['满意率 100%']);
    expect((await t.call('GET', '/reviews?q=_', { token: gm })).body.total).toBe(0);
    // a search never reaches past the policy: the engineer finds only their own
    expect((await t.call('GET', `/reviews?q=${encodeURIComponent('满意率')}`, { token: await t.login('engineer') })).body.total).toBe(0);
    expect((await t.call('GET', '/reviews?kind=bonus', { token: gm })).status).toBe(400);
  });

  it('offers a manager only the people and partner companies they may record for', async () => {
    const names = async (u: string) => {
      const r = await t.call('GET', '/reviews/subjects', { token: await t.login(u) });
      expect(r.status).toBe(200);
      return r.body as { users: { id: string; name: string }[]; partners: { id: string }[] };
    };
    const engineer = await me('engineer');
    const sales = await me('sales');
    const tech = await names('tech_manager');
    expect(tech.users.map((u) => u.id)).toContain(engineer.id);
    expect(tech.users.map((u) => u.id)).not.toContain(sales.id);
    expect(tech.partners.length).toBeGreaterThan(0);
    const salesManager = await names('sales_manager');
    expect(salesManager.users.map((u) => u.id)).toContain(sales.id);
    expect(salesManager.users.map((u) => u.id)).not.toContain(engineer.id);
    expect(salesManager.partners).toEqual([]);
    const gm = await names('gm');
    expect(gm.users.map((u) => u.id)).toEqual(expect.arrayContaining([engineer.id, sales.id]));
    // partner engineers are recorded through their company
    expect(gm.users.map((u) => u.id)).not.toContain((await me('partner_engineer')).id);
    expect((await t.call('GET', '/reviews/subjects', { token: await t.login('engineer') })).status).toBe(403);
  });
});
