// Issue 10 item 3: service tiers are in the definition. A third tier — 金牌 5×12, given by lease
// contracts, revisited every 21 days — is published with no code: its customers' deadlines run on
// 12-hour working days, their revisits come at its interval. The default tiers keep their behaviour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { completeAs, customerInService, openTicket, RESOLVE } from '../tickets/testing.js';

const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const DAY = 86_400_000;

let t: TestApp;
let admin: string;
beforeAll(async () => {
  // Monday 23 November 2026: no holiday in the weeks the test runs through
  t = await testApp({ clockStart: '2026-11-23T09:00:00+08:00' });
  admin = await t.login('sysadmin');
});
afterAll(async () => { await t?.close(); });

const GOLD = {
  label: { zh: '金牌 5×12', en: 'Gold 12×5' }, clock: { periods: [{ start: '08:00', end: '20:00' }] },
  paymentModels: ['lease'], revisitIntervalDays: 21,
};

async function current() {
  return (await t.call('GET', '/process', { token: admin })).body;
}

/** The current definition with the gold tier: lease contracts move from standard to it. */
async function withGold() {
  const def = await current();
  def.tiers.standard.paymentModels = def.tiers.standard.paymentModels.filter((m: string) => m !== 'lease');
  def.tiers.gold = structuredClone(GOLD);
  for (const form of Object.values(def.forms) as { fields: { key: string; options?: unknown[] }[] }[]) {
    for (const f of form.fields) if (f.key === 'serviceTier') f.options = [...(f.options ?? []), { value: 'gold', label: GOLD.label }];
  }
  return def;
}

async function draft(definition: unknown) {
  return t.call('POST', '/process/versions', { token: admin, body: { definition } });
}

describe('service tiers in the definition', () => {
  it('ships standard (business hours, instalments and lease, 30 days) and VIP (7×24, one-time purchase, 14 days)', async () => {
    const def = await current();
    expect(def.tiers.standard).toMatchObject({ clock: 'business', paymentModels: ['installment', 'lease'], revisitIntervalDays: 30 });
    expect(def.tiers.vip).toMatchObject({ clock: '24x7', paymentModels: ['one_time'], revisitIntervalDays: 14 });
  });

  it('refuses a draft without the standard tier, a payment model giving two tiers, or hours that end before they start', async () => {
    const noStandard = await current();
    delete noStandard.tiers.standard;
    let r = await draft(noStandard);
    expect(r.status, r.text).toBe(400);
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain('definition.tiers');

    const twice = await current();
    twice.tiers.gold = structuredClone(GOLD); // lease still gives standard too
    r = await draft(twice);
    expect(r.status, r.text).toBe(400);
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain('definition.tiers.gold.paymentModels.0');

    const backwards = await withGold();
    backwards.tiers.gold.clock = { periods: [{ start: '20:00', end: '08:00' }] };
    r = await draft(backwards);
    expect(r.status, r.text).toBe(400);
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain('definition.tiers.gold.clock.periods.0');
  });

  it('publishes a 金牌 5×12 tier with no code; the diff says so in a sentence', async () => {
    const r = await draft(await withGold());
    expect(r.status, r.text).toBe(201);
    const diff = await t.call('GET', `/process/versions/${r.body.version}/diff`, { token: admin });
    expect(diff.status, diff.text).toBe(200);
    const texts = diff.body.changes.map((c: { text: string }) => c.text);
    expect(texts).toContain('新增服务等级 金牌 5×12（工作日 08:00–20:00）');
    expect(texts).toContain('服务等级 普通 5×8: 付款方式 分期付款、租赁 → 分期付款');
    const p = await t.call('POST', `/process/versions/${r.body.version}/publish`, { token: admin });
    expect(p.status, p.text).toBe(200);
    expect((await current()).tiers.gold).toMatchObject(GOLD);
  });

  let gold: Awaited<ReturnType<typeof customerInService>>;
  it('a lease contract puts the customer on 金牌; the first revisit is 21 days after installation', async () => {
    gold = await customerInService(t, 'lease');
    const c = await t.call('GET', `/customers/${gold.customer.id}`, { token: admin });
    expect(c.body.serviceTier).toBe('gold');
    expect(new Date(c.body.nextRevisitAt).getTime() - new Date(c.body.inServiceSince).getTime()).toBe(21 * DAY);
    // an instalment customer stays standard, on 30 days
    const std = await customerInService(t, 'installment');
    const s = await t.call('GET', `/customers/${std.customer.id}`, { token: admin });
    expect(s.body.serviceTier).toBe('standard');
    expect(new Date(s.body.nextRevisitAt).getTime() - new Date(s.body.inServiceSince).getTime()).toBe(30 * DAY);
    // the customer list filters by the new tier
    const list = await t.call('GET', '/customers?tier=gold', { token: admin });
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([gold.customer.id]);
  });

  it('counts a 金牌 ticket on 12-hour working days: 19:00 Friday + 1 day is 19:00 Monday', async () => {
    await t.setClock(at('2026-11-27T19:00:00')); // Friday, after business hours, inside 金牌 hours
    const ticket = await openTicket(t, gold.customer.id, 'complaint', '金牌客户外线中断');
    expect(ticket.tier).toBe('gold');
    // the repair step, 1 working day: 1 h on Friday, 11 h on Monday
    expect(ticket.task.dueAt).toBe(at('2026-11-30T19:00:00'));
    // the close, 2 working days: 1 h Friday, 12 h Monday, 11 h Tuesday
    expect(ticket.dueAt).toBe(at('2026-12-01T19:00:00'));
    // the task shows its remaining time in the tier's hours
    const tasks = await t.call('GET', `/tasks?status=open&caseId=${ticket.id}&mine=false`, { token: await t.login('gm') });
    expect(tasks.body.items[0]).toMatchObject({ id: ticket.task.id, tier: 'gold', remainingWorkingHours: 12 });
    // the calendar endpoint agrees, and names an unknown tier
    const due = await t.call('GET', `/calendar/due?from=${encodeURIComponent(at('2026-11-27T19:00:00'))}&days=2&tier=gold`, { token: admin });
    expect(due.body.dueAt).toBe(ticket.dueAt);
    const bad = await t.call('GET', `/calendar/due?from=${encodeURIComponent(at('2026-11-27T19:00:00'))}&days=2&tier=platinum`, { token: admin });
    expect(bad.status, bad.text).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ path: 'tier', reason: 'field.unknown_tier' });
  });

  it('refuses to remove 金牌 while customers and open work are on it', async () => {
    const def = await current();
    delete def.tiers.gold;
    def.tiers.standard.paymentModels.push('lease');
    const r = await draft(def);
    expect(r.status, r.text).toBe(400);
    expect(r.body.error.details).toContainEqual(expect.objectContaining({ path: 'definition.tiers.gold', reason: 'process.tier_in_use' }));
  });

  it('revisits the 金牌 customer every 21 days', async () => {
    await t.setClock(new Date(new Date(at('2026-11-23T09:00:00')).getTime() + 21 * DAY + 3_600_000).toISOString());
    const tasks = await t.call('GET', `/tasks?status=open&caseId=${gold.customer.id}&mine=false`, { token: await t.login('gm') });
    expect(tasks.body.items.map((x: { step: string }) => x.step)).toEqual(['revisit']);
    const c = await t.call('GET', `/customers/${gold.customer.id}`, { token: admin });
    expect(new Date(c.body.nextRevisitAt).getTime() - new Date(c.body.inServiceSince).getTime()).toBe(42 * DAY);
  });

  it("changing 金牌's hours leaves a running ticket on its own version's clock; new tickets take the new hours", async () => {
    await t.setClock(at('2026-12-18T10:00:00')); // Friday
    const running = await openTicket(t, gold.customer.id, 'complaint', '金牌客户话机无声');
    const def = await current();
    def.tiers.gold.clock = { periods: [{ start: '09:00', end: '18:00' }] };
    const r = await draft(def);
    expect(r.status, r.text).toBe(201);
    expect((await t.call('POST', `/process/versions/${r.body.version}/publish`, { token: admin })).status).toBe(200);

    await t.setClock(at('2026-12-21T19:00:00')); // Monday, inside the old 08–20 hours, after the new 09–18
    const done = await completeAs(t, running.task.id, await t.login('engineer'), { form: RESOLVE });
    expect(done.status, done.text).toBe(200);
    // the follow-up (1 working day on the customer's clock) counts the old hours: 1 h Monday + 11 h Tuesday
    expect(done.body.next[0]).toMatchObject({ step: 'follow_up', dueAt: at('2026-12-22T19:00:00') });
    // a ticket opened now runs on the new hours: Tuesday 09:00 + 9 h
    const fresh = await openTicket(t, gold.customer.id, 'complaint', '金牌客户外线杂音');
    expect(fresh.task.dueAt).toBe(at('2026-12-22T18:00:00'));
  });
});
