// Engineer scores (PROCESS §6.1) over a hand-built fixture, with the numbers counted by hand.
// Period: March 2026 (2026-03-01 – 2026-04-01, Asia/Shanghai). Times below are Shanghai local.
//
// People: E1 (the demo engineer), E2 (a second engineer), P (the demo partner company; its engineer PE).
// Customers A, B, C.
// | case | customer | what happens                                                                                   |
// | T0   | B | complaint closed 01-15, repaired by E2 (outside the period; 47 days before T2: no repeat fault) |
// | T1   | A | complaint 03-02: E1 repairs on time (11:00, due 03-03 09:00), follow-up satisfied, closed 14:00  |
// | T2   | B | complaint 03-03: E1 repairs late (03-05 10:00, due 03-04 09:00), follow-up UNSATISFIED;          |
// |      |   |   E2 repairs again on time (03-06 10:00, due 15:00), satisfied, closed 03-06 12:00             |
// | T3   | A | complaint 03-20 — 18 days after T1 closed: a repeat fault against E1. P repairs on time, satisfied, closed |
// | T4   | C | complaint 03-10: P repairs late (03-12, due 03-11), satisfied, closed 03-12                      |
// | T5   | C | INQUIRY 03-25 (after T4 closed): not a complaint, so no repeat fault                             |
// | T6   | B | complaint 03-31 23:00 (25 days after T2 closed): a repeat fault against E2, the last resolver of T2; |
// |      |   |   E1's repair of it is done 04-01 00:30, outside the period                                      |
// | D1   | A | installation by E1 and E2, due 03-16 18:00, done 03-16 17:00 (on time for both)                  |
// | D2   | C | installation by E1, due 03-17 18:00, done 03-18 10:00 (late)                                      |
//
// Hand count:
// E1: repairs 2 (T1 on time, T2 late) → 0.5; follow-ups 2 (T1 ✓, T2 ✗) → 0.5; complaints closed whose first
//     repair was E1's: T1 (one round: a first-time fix), T2 (two rounds: not) → 0.5; repeat faults 1 (T3);
//     installations 2, on time 1; score 40×0.5 + 30×0.5 + 30×0.5 = 50.
// E2: repairs 1 on time → 1; follow-ups 1 satisfied → 1; complaints closed first repaired by E2: none → null;
//     repeat faults 1 (T6); installations 1 on time; score (40×1 + 30×1) / 70 × 100 = 100.
// P:  repairs 2 (T3 on time, T4 late) → 0.5; follow-ups 2 satisfied → 1; first-time fixes 2 of 2 → 1;
//     repeat faults 0; score 40 + 30 + 15 = 85.
// PE (the partner's engineer) has no row of their own: the company's work is the company's.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { cases, customers, deals, tasks, tickets, users } from '../../db/schema.js';
import { engineerScore } from './engineers.js';

const at = (local: string) => new Date(`${local.length === 11 ? `2026-${local}` : local}:00+08:00`);
const PERIOD = 'from=2026-03-01&to=2026-04-01';

let t: TestApp;
const id: Record<string, string> = {};

/** Hand-built rows: a case, and its tasks in the order they happened (seq follows insertion). */
async function fixture() {
  const db = t.ctx.db;
  const uid = async (username: string) => (await t.call('GET', '/auth/me', { token: await t.login(username) })).body.user;
  const e1 = await uid('engineer');
  const pe = await uid('partner_engineer');
  id.E1 = e1.id;
  id.PE = pe.id;
  id.P = pe.partnerId;
  id.E2 = crypto.randomUUID();
  await db.insert(users).values({ id: id.E2, username: 'engineer2', passwordHash: 'x', displayName: '王工', roles: ['engineer'], department: 'technical', createdAt: at('01-01T09:00') });
  for (const c of ['A', 'B', 'C']) {
    id[c] = crypto.randomUUID();
    await db.insert(customers).values({ id: id[c], name: `客户${c}`, address: '上海', contactPerson: '李', phone: '021-1', phoneDigits: '0211', serviceTier: 'standard', createdAt: at('01-01T09:00'), updatedAt: at('01-01T09:00') });
  }
  let n = 0;
  type Step = { step: string; by: string; partner?: string; created: string; due?: string; done?: string; outcome?: string; role?: string; assignees?: string[] };
  const caseOf = async (key: string, o: { type: 'ticket' | 'deal'; customer: string; kind?: 'complaint' | 'inquiry'; created: string; closed?: string; state?: string }, steps: Step[]) => {
    id[key] = crypto.randomUUID();
    await db.insert(cases).values({
      id: id[key], type: o.type, number: `${o.type === 'deal' ? 'SJ' : 'GD'}-TEST-${String(++n).padStart(3, '0')}`, customerId: id[o.customer],
      state: o.state ?? (o.closed ? (o.type === 'deal' ? 'installed' : 'closed') : steps.at(-1)!.step),
      createdAt: at(o.created), updatedAt: at(o.created), closedAt: o.closed ? at(o.closed) : null,
    });
    // the two-day close deadline (48 h here: the fixture's tickets are VIP)
    if (o.type === 'ticket') await db.insert(tickets).values({ id: id[key], kind: o.kind!, problem: '故障', dueAt: new Date(at(o.created).getTime() + 48 * 3600_000), openedBy: 'x' });
    else await db.insert(deals).values({ id: id[key] });
    for (const s of steps) {
      await db.insert(tasks).values({
        id: crypto.randomUUID(), step: s.step, caseType: o.type, caseId: id[key], assigneeRole: s.role ?? 'engineer', assigneeIds: s.assignees ?? [],
        partnerId: s.partner ?? null, department: 'technical', createdAt: at(s.created), dueAt: s.due ? at(s.due) : null,
        status: s.done ? 'done' : 'open', outcome: s.outcome ?? (s.done ? 'done' : null), completedAt: s.done ? at(s.done) : null, completedBy: s.done ? s.by : null,
      });
    }
  };
  const fu = (created: string, done: string, outcome: 'satisfied' | 'unsatisfied'): Step => ({ step: 'follow_up', by: 'cs', role: 'cs_agent', created, done, outcome });
  await caseOf('T0', { type: 'ticket', customer: 'B', kind: 'complaint', created: '2026-01-14T09:00', closed: '2026-01-15T10:00' }, [
    { step: 'resolve', by: id.E2, created: '2026-01-14T09:00', due: '2026-01-15T09:00', done: '2026-01-14T15:00' },
    fu('2026-01-14T15:00', '2026-01-15T10:00', 'satisfied'),
  ]);
  await caseOf('T1', { type: 'ticket', customer: 'A', kind: 'complaint', created: '03-02T09:00', closed: '03-02T14:00' }, [
    { step: 'resolve', by: id.E1, created: '03-02T09:00', due: '03-03T09:00', done: '03-02T11:00' },
    fu('03-02T11:00', '03-02T14:00', 'satisfied'),
  ]);
  await caseOf('T2', { type: 'ticket', customer: 'B', kind: 'complaint', created: '03-03T09:00', closed: '03-06T12:00' }, [
    { step: 'resolve', by: id.E1, created: '03-03T09:00', due: '03-04T09:00', done: '03-05T10:00' },
    fu('03-05T10:00', '03-05T15:00', 'unsatisfied'),
    { step: 'resolve', by: id.E2, created: '03-05T15:00', due: '03-06T15:00', done: '03-06T10:00' },
    fu('03-06T10:00', '03-06T12:00', 'satisfied'),
  ]);
  await caseOf('T3', { type: 'ticket', customer: 'A', kind: 'complaint', created: '03-20T09:00', closed: '03-20T15:00' }, [
    { step: 'resolve', by: id.PE, partner: id.P, role: 'engineer', created: '03-20T09:00', due: '03-23T09:00', done: '03-20T12:00' },
    fu('03-20T12:00', '03-20T15:00', 'satisfied'),
  ]);
  await caseOf('T4', { type: 'ticket', customer: 'C', kind: 'complaint', created: '03-10T09:00', closed: '03-12T16:00' }, [
    { step: 'resolve', by: id.PE, partner: id.P, created: '03-10T09:00', due: '03-11T09:00', done: '03-12T10:00' },
    fu('03-12T10:00', '03-12T16:00', 'satisfied'),
  ]);
  await caseOf('T5', { type: 'ticket', customer: 'C', kind: 'inquiry', created: '03-25T09:00', closed: '03-25T10:00' }, [
    { step: 'answer', by: id.E1, created: '03-25T09:00', due: '03-26T09:00', done: '03-25T10:00' },
  ]);
  await caseOf('T6', { type: 'ticket', customer: 'B', kind: 'complaint', created: '03-31T23:00', state: 'follow_up' }, [
    { step: 'resolve', by: id.E1, created: '03-31T23:00', due: '04-01T18:00', done: '2026-04-01T00:30' },
    { step: 'follow_up', by: 'cs', role: 'cs_agent', created: '2026-04-01T00:30' },
  ]);
  await caseOf('D1', { type: 'deal', customer: 'A', created: '03-01T09:00', closed: '03-16T17:00' }, [
    { step: 'installation', by: id.E2, assignees: [id.E1, id.E2], created: '03-13T09:00', due: '03-16T18:00', done: '03-16T17:00' },
  ]);
  await caseOf('D2', { type: 'deal', customer: 'C', created: '03-01T09:00', closed: '03-18T10:00' }, [
    { step: 'installation', by: id.E1, assignees: [id.E1], created: '03-13T09:00', due: '03-17T18:00', done: '03-18T10:00' },
  ]);
}

beforeAll(async () => {
  t = await testApp();
  await fixture();
});
afterAll(async () => t?.close());

const ZERO = { repairs: 0, repairsOnTime: 0, onTimeRate: null, followUps: 0, satisfied: 0, satisfactionRate: null, firstTimeFixes: 0, complaintsClosed: 0, firstTimeFixRate: null, repeatFaults: 0, installations: 0, installationsOnTime: 0, score: null };

describe('engineer scores (PROCESS §6.1) against the hand count', () => {
  it('gives every engineer and partner company its row, every number as counted by hand', async () => {
    const r = await t.call('GET', `/reports/engineers?${PERIOD}`, { token: await t.login('tech_manager') });
    expect(r.status, r.text).toBe(200);
    expect(r.body.weights).toEqual({ satisfaction: 40, firstTimeFix: 30, onTime: 30 });
    const row = (key: 'userId' | 'partnerId', v: string) => r.body.items.find((i: Record<string, string>) => i[key] === v);
    expect(row('userId', id.E1)).toMatchObject({
      partnerId: null, repairs: 2, repairsOnTime: 1, onTimeRate: 0.5, followUps: 2, satisfied: 1, satisfactionRate: 0.5,
      firstTimeFixes: 1, complaintsClosed: 2, firstTimeFixRate: 0.5, repeatFaults: 1, installations: 2, installationsOnTime: 1, score: 50,
    });
    expect(row('userId', id.E2)).toMatchObject({
      name: '王工', repairs: 1, repairsOnTime: 1, onTimeRate: 1, followUps: 1, satisfied: 1, satisfactionRate: 1,
      firstTimeFixes: 0, complaintsClosed: 0, firstTimeFixRate: null, repeatFaults: 1, installations: 1, installationsOnTime: 1, score: 100,
    });
    expect(row('partnerId', id.P)).toMatchObject({
      userId: null, repairs: 2, repairsOnTime: 1, onTimeRate: 0.5, followUps: 2, satisfied: 2, satisfactionRate: 1,
      firstTimeFixes: 2, complaintsClosed: 2, firstTimeFixRate: 1, repeatFaults: 0, installations: 0, score: 85,
    });
    expect(row('userId', id.PE)).toBeUndefined();
    // a period with no work: every row is there, with nothing counted
    const empty = await t.call('GET', '/reports/engineers?from=2026-02-01&to=2026-03-01', { token: await t.login('gm') });
    expect(empty.body.items.find((i: { userId: string }) => i.userId === id.E1)).toMatchObject(ZERO);
  });

  it('opens each number to the tickets behind it', async () => {
    const token = await t.login('tech_manager');
    const numbers = async (subject: string, measure: string) => {
      const r = await t.call('GET', `/reports/engineers/${subject}/tickets?measure=${measure}&${PERIOD}`, { token });
      expect(r.status, r.text).toBe(200);
      return r.body.items.map((i: { caseId: string }) => Object.keys(id).find((k) => id[k] === i.caseId));
    };
    expect(await numbers(id.E1, 'repairs')).toEqual(['T1', 'T2']);
    expect(await numbers(id.E1, 'repairsLate')).toEqual(['T2']);
    expect(await numbers(id.E1, 'unsatisfied')).toEqual(['T2']);
    expect(await numbers(id.E1, 'firstTimeFixes')).toEqual(['T1']);
    expect(await numbers(id.E1, 'complaintsClosed')).toEqual(['T1', 'T2']);
    expect(await numbers(id.E1, 'repeatFaults')).toEqual(['T3']);
    expect(await numbers(id.E1, 'installations')).toEqual(['D1', 'D2']);
    expect(await numbers(id.E2, 'repeatFaults')).toEqual(['T6']);
    expect(await numbers(id.P, 'repairs')).toEqual(['T4', 'T3']);
    expect(await numbers(id.P, 'satisfied')).toEqual(['T4', 'T3']);
    const r = await t.call('GET', `/reports/engineers/${id.E1}/tickets?measure=repairs&${PERIOD}`, { token });
    expect(r.body.items[1]).toMatchObject({ caseType: 'ticket', kind: 'complaint', customerName: '客户B', dueAt: at('03-04T09:00').toISOString(), at: at('03-05T10:00').toISOString() });
  });

  it('shows an engineer only their own row, and refuses others', async () => {
    const engineer = await t.login('engineer');
    const own = await t.call('GET', `/reports/engineers?${PERIOD}`, { token: engineer });
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { userId: string }) => i.userId)).toEqual([id.E1]);
    expect(own.body.items[0].score).toBe(50);
    expect((await t.call('GET', `/reports/engineers/${id.E1}/tickets?measure=repairs&${PERIOD}`, { token: engineer })).status).toBe(200);
    expect((await t.call('GET', `/reports/engineers/${id.E2}/tickets?measure=repairs&${PERIOD}`, { token: engineer })).status).toBe(404);
    expect((await t.call('GET', `/reports/engineers/${id.P}/tickets?measure=repairs&${PERIOD}`, { token: engineer })).status).toBe(404);
    expect((await t.call('GET', `/reports/engineers?${PERIOD}`, { token: await t.login('sales') })).status).toBe(403);
    expect((await t.call('GET', `/reports/engineers?${PERIOD}`, { token: await t.login('partner_engineer') })).status).toBe(404);
    expect((await t.call('GET', '/reports/engineers?from=2026-03-02&to=2026-03-01', { token: engineer })).status).toBe(400);
  });

  it('takes its weights from the settings (GM only), audited', async () => {
    const gm = await t.login('gm');
    expect((await t.call('PUT', '/settings/management', { token: await t.login('tech_manager'), body: { scoreWeights: { satisfaction: 100, firstTimeFix: 0, onTime: 0 } } })).status).toBe(403);
    const put = await t.call('PUT', '/settings/management', { token: gm, body: { scoreWeights: { satisfaction: 100, firstTimeFix: 0, onTime: 0 } } });
    expect(put.status, put.text).toBe(200);
    const r = await t.call('GET', `/reports/engineers?${PERIOD}`, { token: gm });
    expect(r.body.items.find((i: { userId: string }) => i.userId === id.E1).score).toBe(50);
    expect(r.body.items.find((i: { partnerId: string }) => i.partnerId === id.P).score).toBe(100);
    await t.call('PUT', '/settings/management', { token: gm, body: { scoreWeights: { satisfaction: 40, firstTimeFix: 30, onTime: 30 } } });
  });
});

describe('an engineer\'s trend, month by month (issue 13)', () => {
  it('ends with the clock\'s month, whose numbers are that month\'s row', async () => {
    await t.setClock('2026-03-31T12:00:00+08:00');
    const tech = await t.login('tech_manager');
    const row = (await t.call('GET', `/reports/engineers?${PERIOD}`, { token: tech })).body.items.find((i: { userId: string }) => i.userId === id.E1);
    const r = await t.call('GET', `/reports/engineers/trend?subjectId=${id.E1}&months=3`, { token: tech });
    expect(r.status, r.text).toBe(200);
    expect(r.body.subject).toEqual({ userId: id.E1, partnerId: null, name: row.name });
    expect(r.body.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const march = r.body.months[2];
    expect(march).toMatchObject({ from: at('03-01T00:00').toISOString(), to: at('2026-04-01T00:00').toISOString() });
    expect(march).toMatchObject({
      score: row.score, onTimeRate: row.onTimeRate, satisfactionRate: row.satisfactionRate, firstTimeFixRate: row.firstTimeFixRate,
      repairs: row.repairs, followUps: row.followUps, complaintsClosed: row.complaintsClosed,
    });
    expect(march.score).toBe(50);
    expect(r.body.months[0]).toMatchObject({ score: null, repairs: 0, onTimeRate: null });
    // a partner company's trend; the default is six months
    const p = await t.call('GET', `/reports/engineers/trend?subjectId=${id.P}`, { token: await t.login('gm') });
    expect(p.body.months).toHaveLength(6);
    expect(p.body.months.at(-1)).toMatchObject({ month: '2026-03', score: 85 });
    expect((await t.call('GET', '/reports/engineers/trend?subjectId=nobody', { token: tech })).status).toBe(404);
  });

  it('lets an engineer ask for their own trend only (403 otherwise), 1 to 24 months', async () => {
    const engineer = await t.login('engineer');
    const own = await t.call('GET', `/reports/engineers/trend?subjectId=${id.E1}&months=1`, { token: engineer });
    expect(own.status, own.text).toBe(200);
    expect(own.body.months).toEqual([expect.objectContaining({ month: '2026-03', score: 50 })]);
    expect((await t.call('GET', '/reports/engineers/trend?months=2', { token: engineer })).body.subject.userId).toBe(id.E1);
    expect((await t.call('GET', `/reports/engineers/trend?subjectId=${id.E2}`, { token: engineer })).status).toBe(403);
    expect((await t.call('GET', `/reports/engineers/trend?subjectId=${id.P}`, { token: engineer })).status).toBe(403);
    expect((await t.call('GET', `/reports/engineers/trend?subjectId=${id.E1}`, { token: await t.login('sales') })).status).toBe(403);
    for (const months of ['0', '25', 'x', '1.5']) {
      const bad = await t.call('GET', `/reports/engineers/trend?months=${months}`, { token: engineer });
      expect(bad.status, months).toBe(400);
      expect(bad.body.error.details.map((d: { path: string }) => d.path), months).toEqual(['querystring.months']);
    }
  });
});

// Department results of March from the same fixture (PROCESS §6): repairs 5 (T1, T2 twice, T3, T4), on time 3
// → 0.6; follow-ups 5, satisfied 4 → 0.8, all without a deadline → on time 1; installations 2, on time 1 → 0.5;
// complaints closed 4 (T1, T2, T3, T4), within their 48 h deadline T1 and T3 → 0.5; no revisits due → null.
describe('department results against the GM\'s targets', () => {
  it('measures each department of the month and the share of its target achieved', async () => {
    expect((await t.call('PUT', '/targets/2026-03', { token: await t.login('tech_manager'), body: { repairsOnTimeRate: 0.8 } })).status).toBe(403);
    const put = await t.call('PUT', '/targets/2026-03', { token: await t.login('gm'), body: { repairsOnTimeRate: 0.8, satisfactionRate: 0.9, complaintsClosedIn2DaysRate: 1, dealsWon: 2 } });
    expect(put.status, put.text).toBe(200);
    expect((await t.call('PUT', '/targets/2026-03', { token: await t.login('gm'), body: { repairsOnTimeRate: 1.5 } })).status).toBe(400);
    const tech = await t.call('GET', '/reports/departments?month=2026-03', { token: await t.login('tech_manager') });
    expect(tech.status, tech.text).toBe(200);
    expect(tech.body.departments.map((d: { department: string }) => d.department)).toEqual(['technical']);
    const m = Object.fromEntries(tech.body.departments[0].measures.map((x: { key: string; value: number; target: number; achievedPct: number }) => [x.key, [x.value, x.target, x.achievedPct]]));
    expect(m).toEqual({ installationsOnTimeRate: [0.5, null, null], repairsOnTimeRate: [0.6, 0.8, 75], satisfactionRate: [0.8, 0.9, 88.9] });
    const cs = await t.call('GET', '/reports/departments?month=2026-03', { token: await t.login('cs_manager') });
    expect(cs.body.departments[0].measures.map((x: { key: string; value: number; achievedPct: number }) => [x.key, x.value, x.achievedPct])).toEqual([
      ['followUpsOnTimeRate', 1, null], ['revisitsDoneRate', null, null], ['complaintsClosedIn2DaysRate', 0.5, 50],
    ]);
    const gm = await t.call('GET', '/reports/departments?month=2026-03', { token: await t.login('gm') });
    expect(gm.body.departments.map((d: { department: string }) => d.department)).toEqual(['business', 'technical', 'customer_service', 'admin']);
    expect(gm.body.departments[0].measures.map((x: { key: string; value: number; achievedPct: number }) => [x.key, x.value, x.achievedPct])).toEqual([['signedAmountFen', 0, null], ['dealsWon', 0, 0]]);
    expect((await t.call('GET', '/reports/departments', { token: await t.login('engineer') })).status).toBe(403);
  });
});

describe('the weighted score', () => {
  const w = { satisfaction: 40, firstTimeFix: 30, onTime: 30 };
  it('scales the weights of the rates with data to 100, rounds to one decimal, null without data', () => {
    expect(engineerScore(w, { satisfactionRate: 1, firstTimeFixRate: 0.5, onTimeRate: 2 / 3 })).toBe(75);
    expect(engineerScore(w, { satisfactionRate: 2 / 3, firstTimeFixRate: null, onTimeRate: null })).toBe(66.7);
    expect(engineerScore(w, { satisfactionRate: null, firstTimeFixRate: 1, onTimeRate: 0 })).toBe(50);
    expect(engineerScore(w, { satisfactionRate: null, firstTimeFixRate: null, onTimeRate: null })).toBeNull();
  });
});
