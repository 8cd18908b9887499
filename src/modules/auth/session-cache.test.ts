// Sessions are verified from a short-lived cache on most requests; a session revoked, or a user
// disabled, on another instance (here: straight in the database, which this instance never
// hears of) is refused once the recheck window has passed — well within 5 seconds. Time is the
// injected wall clock, not a timer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { users } from '../../db/schema.js';
import { SESSION_RECHECK_MS } from './session-cache.js';

let t: TestApp;
let wall = Date.parse('2026-03-02T01:00:00Z');
beforeAll(async () => {
  t = await testApp();
  t.ctx.wallNow = () => new Date(wall);
});
afterAll(async () => { await t?.close(); });

const me = (token: string) => t.call('GET', '/auth/me', { token });

describe('session cache', () => {
  it('the window is shorter than the 5 seconds a revocation may take on another instance', () => {
    expect(SESSION_RECHECK_MS).toBeLessThan(5000);
  });

  it('a session revoked elsewhere is served at most until the window ends, then refused', async () => {
    const token = await t.login('engineer');
    expect((await me(token)).status).toBe(200);
    // another instance revokes it: this one is not told
    await t.ctx.db.execute(sql`update sessions set revoked_at = ${new Date(wall).toISOString()}::timestamptz where user_id = (select id from users where username = 'engineer')`);
    wall += SESSION_RECHECK_MS - 1;
    expect((await me(token)).status).toBe(200);
    wall += 1;
    expect((await me(token)).status).toBe(401);
  });

  it('a user disabled elsewhere is refused once the window has passed', async () => {
    const token = await t.login('cs_agent');
    expect((await me(token)).status).toBe(200);
    await t.ctx.db.update(users).set({ active: false }).where(eq(users.username, 'cs_agent'));
    wall += SESSION_RECHECK_MS;
    expect((await me(token)).status).toBe(401);
    await t.ctx.db.update(users).set({ active: true }).where(eq(users.username, 'cs_agent'));
  });

  it('on this instance a logout, a revocation or a user change takes effect at once', async () => {
    const token = await t.login('sales');
    expect((await me(token)).status).toBe(200);
    expect((await t.call('POST', '/auth/logout', { token })).status).toBeLessThan(300);
    expect((await me(token)).status).toBe(401);

    const admin = await t.login('sysadmin');
    const other = await t.login('tech_manager');
    expect((await me(other)).status).toBe(200);
    const id = (await t.ctx.db.select().from(users).where(eq(users.username, 'tech_manager')))[0].id;
    expect((await t.call('PATCH', `/users/${id}`, { token: admin, body: { active: false } })).status).toBe(200);
    expect((await me(other)).status).toBe(401);
  });

  it('a session the database refused is not cached: each request asks again', async () => {
    expect((await me('no-such-token')).status).toBe(401);
    expect((await me('no-such-token')).status).toBe(401);
  });
});
