// Login throttling (issue 11 §2, §3): atomic counting, back-off instead of a hard lock, per
// client address and per account, bounded table. Wall time is replaced by a manual one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { passwordChecks } from './service.js';
import { countThrottleRows } from './repo.js';
import { RULES } from './throttle.js';

let t: TestApp;
let wall = new Date('2026-03-02T01:00:00Z');
const advance = (ms: number) => { wall = new Date(wall.getTime() + ms); };
beforeAll(async () => {
  t = await testApp();
  t.ctx.wallNow = () => new Date(wall.getTime());
});
afterAll(async () => { await t?.close(); });
beforeEach(() => advance(24 * 3600_000)); // every test starts with idle counters

const attempt = (username: string, password: string, ip = '10.0.0.1') =>
  t.call('POST', '/auth/login', { body: { username, password }, headers: { 'x-forwarded-for': ip } });

describe('login throttling', () => {
  it('backs off exponentially after 5 failures (1 s, 2 s, 4 s …, capped at 15 min) and forgets on success', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('cs_manager', 'wrong-guess', '10.1.0.1')).status).toBe(401);
    const blocked = await attempt('cs_manager', 'demo1234', '10.1.0.1');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(blocked.headers['retry-after']).toBe('1');
    advance(1000);
    expect((await attempt('cs_manager', 'wrong-guess', '10.1.0.1')).status).toBe(401); // 6th failure: 2 s
    advance(1000);
    expect((await attempt('cs_manager', 'wrong-guess', '10.1.0.1')).status).toBe(429);
    expect((await attempt('cs_manager', 'wrong-guess', '10.1.0.1')).headers['retry-after']).toBe('1');
    advance(1000);
    expect((await attempt('cs_manager', 'wrong-guess', '10.1.0.1')).status).toBe(401); // 7th: 4 s
    expect((await attempt('cs_manager', 'wrong-guess', '10.1.0.1')).headers['retry-after']).toBe('4');
    // many more failures: the wait never exceeds 15 minutes
    for (let i = 0; i < 20; i++) {
      advance(15 * 60_000);
      expect((await attempt('cs_manager', 'wrong-guess', '10.1.0.1')).status).toBe(401);
    }
    const capped = await attempt('cs_manager', 'demo1234', '10.1.0.1');
    expect(capped.status).toBe(429);
    expect(Number(capped.headers['retry-after'])).toBe(15 * 60);
    advance(15 * 60_000);
    expect((await attempt('cs_manager', 'demo1234', '10.1.0.1')).status).toBe(200);
  });

  it('a successful sign-in resets the back-off of the account (not of the address)', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt('admin_clerk', 'wrong-guess', '10.2.0.1')).status).toBe(401);
    expect((await attempt('admin_clerk', 'demo1234', '10.2.0.1')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attempt('admin_clerk', 'wrong-guess', '10.2.0.1')).status).toBe(401);
    expect((await attempt('admin_clerk', 'demo1234', '10.2.0.1')).status).toBe(429);
  });

  it('one attacker address cannot keep sysadmin out: the rightful user from a clean address gets in within a minute', async () => {
    // the attacker guesses whenever allowed, for six hours
    let guesses = 0;
    for (let minute = 0; minute < 6 * 60; minute += 5) {
      const r = await attempt('sysadmin', `guess-${minute}`, '203.0.113.66');
      if (r.status === 401) guesses++;
      else expect(r.status).toBe(429);
      advance(5 * 60_000);
    }
    expect(guesses).toBeLessThanOrEqual(5 + 9 + 6 * 4); // 5 free, 1 s … 8.5 min, then one every 15 minutes
    // the rightful user, right after one more attacker guess
    const first = await attempt('sysadmin', 'demo1234', '198.51.100.7');
    const waited = first.status === 429 ? Number(first.headers['retry-after']) : 0;
    expect(waited).toBeLessThanOrEqual(60);
    if (first.status === 429) advance(waited * 1000);
    expect((await attempt('sysadmin', 'demo1234', '198.51.100.7')).status).toBe(200);
  });

  it('a botnet is slowed per account: 20 free failures, then at most one guess a minute', async () => {
    for (let i = 0; i < RULES.account.free; i++) expect((await attempt('gm', 'wrong-guess', `192.0.2.${i + 1}`)).status).toBe(401);
    const r = await attempt('gm', 'wrong-guess', '192.0.2.200');
    expect(r.status).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(60);
    advance(60_000);
    expect((await attempt('gm', 'demo1234', '192.0.2.201')).status).toBe(200);
  });

  it('spraying 160 guesses over 40 usernames from one client is slowed by the per-address counter', async () => {
    const before = passwordChecks.count;
    const statuses: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let u = 0; u < 40; u++) statuses.push((await attempt(`spray_${u}`, `Password${round}!`, '198.18.0.9')).status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(RULES.client.free);
    expect(statuses.filter((s) => s === 429)).toHaveLength(160 - RULES.client.free);
    expect(passwordChecks.count - before).toBe(RULES.client.free);
    // another client is not affected
    expect((await attempt('sales', 'demo1234', '198.18.0.10')).status).toBe(200);
  });

  it('guesses at unknown usernames do not grow the table: idle counters are pruned by the sweep', async () => {
    for (let u = 0; u < 30; u++) await attempt(`ghost_${u}`, 'wrong-guess', `100.64.${u}.1`);
    const grown = await countThrottleRows(t.ctx.db);
    expect(grown).toBeGreaterThanOrEqual(90); // three fixed-size keys per attempt
    advance(31 * 60_000);
    await t.setClock('2026-03-02T10:00:00+08:00'); // runs the sweep
    expect(await countThrottleRows(t.ctx.db)).toBe(0);
  });

  it('dead sessions are purged by the sweep', async () => {
    const r = await attempt('engineer', 'demo1234', '10.9.0.1');
    const token = r.body.token as string;
    expect((await t.call('POST', '/auth/logout', { token })).status).toBe(200);
    const { sql } = await import('drizzle-orm');
    const count = async () => (await t.ctx.db.execute(sql`select count(*)::int as n from sessions where revoked_at is not null or expires_at <= ${wall}`) as unknown as { rows: { n: number }[] }).rows[0].n;
    expect(await count()).toBeGreaterThan(0);
    await t.setClock('2026-03-02T11:00:00+08:00');
    expect(await count()).toBe(0);
  });

  it('60 parallel guesses at one account: at most 5 passwords evaluated, and the right one is refused while throttled', async () => {
    const before = passwordChecks.count;
    const burst = await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => attempt('tech_manager', `parallel-${i}`, '10.7.7.7')),
      attempt('tech_manager', 'demo1234', '10.7.7.7'),
    ]);
    const evaluated = passwordChecks.count - before;
    expect(evaluated).toBeLessThanOrEqual(5);
    const counts = burst.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
    expect((counts[401] ?? 0) + (counts[200] ?? 0)).toBe(evaluated);
    expect(counts[429]).toBe(61 - evaluated);
    for (const r of burst.filter((x) => x.status === 429)) expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // still in the burst's back-off: the right password does not get in
    const right = await attempt('tech_manager', 'demo1234', '10.7.7.7');
    if (counts[200] !== 1) expect(right.status).toBe(429);
  });
});
