// The sales review (PROCESS §6.1) over a hand-built fixture, counted by hand. Period: February 2026
// (2026-02-01 – 2026-03-01, Asia/Shanghai), across the Spring Festival: 02-14 (Sat) is a make-up
// working day, 02-15 – 02-23 are holidays. The clock stands at 2026-03-02 09:00.
//
// | deal | salesperson | created     | ends                                                   |
// | D1   | S1 | 02-12 09:00 | signed 02-25 09:00, ¥5,000: 12, 13, 14 (make-up), 24 → 4 working days |
// | D2   | S1 | 02-02 09:00 | signed 02-05 13:00, ¥3,000: 2, 3, 4 + 09:00–12:00 of the 5th → 3.375  |
// | D3   | S1 | 02-03 09:00 | manager rejects 02-10: lost, 价格太高 / 中国电信                         |
// | D4   | S1 | 02-04 09:00 | dropped at qualify 02-05                                               |
// | D5   | S1 | 01-15 09:00 | in negotiation since 02-02 09:00: 16 working days by now → long        |
// | D6   | S2 | 02-09 09:00 | negotiation lost 02-26: 价格太高 / 中国电信                              |
// | D7   | S2 | 02-10 09:00 | negotiation lost 02-27: 客户预算取消 (no competitor)                     |
// | D8   | S2 | 01-20 09:00 | lost 01-25 (outside the period)                                        |
// | D9   | S2 | 02-26 09:00 | open at qualify                                                        |
// S1: opened 4 (D1–D4), won 2, lost 1, dropped 1, win rate 2/3, signed ¥8,000, cycle (4 + 3.375) / 2 = 3.69, long 1.
// S2: opened 3 (D6, D7, D9), won 0, lost 2, dropped 0, win rate 0, signed 0, cycle null, long 0.
// Lost reasons: 价格太高 / 中国电信 ×2, 客户预算取消 ×1.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { cases, customers, deals, tasks, users } from '../../db/schema.js';

const at = (local: string) => new Date(`2026-${local}:00+08:00`);
let t: TestApp;
const id: Record<string, string> = {};

async function fixture() {
  const db = t.ctx.db;
  id.S1 = (await t.call('GET', '/auth/me', { token: await t.login('sales') })).body.user.id;
  id.S2 = crypto.randomUUID();
  await db.insert(users).values({ id: id.S2, username: 'sales2', passwordHash: 'x', displayName: '赵业务', roles: ['sales'], department: 'business', createdAt: at('01-01T09:00') });
  const customer = crypto.randomUUID();
  await db.insert(customers).values({ id: customer, name: '客户', address: '上海', contactPerson: '李', phone: '021-1', phoneDigits: '0211', createdAt: at('01-01T09:00'), updatedAt: at('01-01T09:00') });
  let n = 0;
  const deal = async (key: string, owner: string, created: string, end: { state: string; at?: string; reason?: string; competitor?: string; amountFen?: number }, steps: { step: string; created: string; done?: string; outcome?: string }[]) => {
    id[key] = crypto.randomUUID();
    await db.insert(cases).values({
      id: id[key], type: 'deal', number: `SJ-TEST-${++n}`, customerId: customer, ownerId: id[owner], state: end.state, definitionVersion: 1,
      createdAt: at(created), updatedAt: at(end.at ?? created), closedAt: ['lost', 'dropped', 'installed'].includes(end.state) ? at(end.at!) : null,
    });
    await db.insert(deals).values({ id: id[key], endReason: end.reason ?? null, competitor: end.competitor ?? null, amountFen: end.amountFen ?? null });
    for (const s of steps) {
      await db.insert(tasks).values({
        id: crypto.randomUUID(), step: s.step, caseType: 'deal', caseId: id[key], assigneeRole: 'sales', assigneeId: id[owner], department: 'business',
        createdAt: at(s.created), status: s.done ? 'done' : 'open', outcome: s.outcome ?? null, completedAt: s.done ? at(s.done) : null, completedBy: s.done ? id[owner] : null,
      });
    }
  };
  await deal('D1', 'S1', '02-12T09:00', { state: 'contract_archive', amountFen: 500_000 }, [{ step: 'negotiation', created: '02-24T09:00', done: '02-25T09:00', outcome: 'signed' }]);
  await deal('D2', 'S1', '02-02T09:00', { state: 'installed', at: '02-27T10:00', amountFen: 300_000 }, [{ step: 'negotiation', created: '02-04T09:00', done: '02-05T13:00', outcome: 'signed' }]);
  await deal('D3', 'S1', '02-03T09:00', { state: 'lost', at: '02-10T10:00', reason: '价格太高', competitor: '中国电信' }, [{ step: 'manager_review', created: '02-09T09:00', done: '02-10T10:00', outcome: 'reject' }]);
  await deal('D4', 'S1', '02-04T09:00', { state: 'dropped', at: '02-05T10:00', reason: '无需求' }, [{ step: 'qualify', created: '02-04T09:00', done: '02-05T10:00', outcome: 'drop' }]);
  await deal('D5', 'S1', '01-15T09:00', { state: 'negotiation' }, [{ step: 'negotiation', created: '02-02T09:00' }]);
  await deal('D6', 'S2', '02-09T09:00', { state: 'lost', at: '02-26T10:00', reason: '价格太高', competitor: '中国电信' }, [{ step: 'negotiation', created: '02-11T09:00', done: '02-26T10:00', outcome: 'lost' }]);
  await deal('D7', 'S2', '02-10T09:00', { state: 'lost', at: '02-27T10:00', reason: '客户预算取消' }, [{ step: 'negotiation', created: '02-12T09:00', done: '02-27T10:00', outcome: 'lost' }]);
  await deal('D8', 'S2', '01-20T09:00', { state: 'lost', at: '01-25T10:00', reason: '价格太高', competitor: '中国移动' }, [{ step: 'negotiation', created: '01-21T09:00', done: '01-25T10:00', outcome: 'lost' }]);
  await deal('D9', 'S2', '02-26T09:00', { state: 'qualify' }, [{ step: 'qualify', created: '02-26T09:00' }]);
}

beforeAll(async () => {
  t = await testApp();
  await fixture();
});
afterAll(async () => t?.close());

describe('the sales review (PROCESS §6.1) against the hand count', () => {
  it('counts each salesperson\'s deals, cycles across the Spring Festival, long negotiations and lost reasons', async () => {
    const r = await t.call('GET', '/reports/sales?from=2026-02-01&to=2026-03-01', { token: await t.login('sales_manager') });
    expect(r.status, r.text).toBe(200);
    const row = (u: string) => r.body.items.find((i: { userId: string }) => i.userId === id[u]);
    expect(row('S1')).toEqual({
      userId: id.S1, name: expect.any(String), opened: 4, won: 2, lost: 1, dropped: 1, winRate: 0.6667,
      signedAmountFen: 800_000, avgCycleWorkingDays: 3.69, longNegotiations: 1,
    });
    expect(row('S2')).toEqual({
      userId: id.S2, name: '赵业务', opened: 3, won: 0, lost: 2, dropped: 0, winRate: 0,
      signedAmountFen: 0, avgCycleWorkingDays: null, longNegotiations: 0,
    });
    expect(r.body.lostReasons).toEqual([
      { reason: '价格太高', competitor: '中国电信', count: 2 },
      { reason: '客户预算取消', competitor: null, count: 1 },
    ]);
  });

  it('is for the business manager and the GM', async () => {
    expect((await t.call('GET', '/reports/sales', { token: await t.login('gm') })).status).toBe(200);
    for (const who of ['sales', 'tech_manager', 'cs_manager']) expect((await t.call('GET', '/reports/sales', { token: await t.login(who) })).status, who).toBe(403);
  });
});
