import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { EXPECTED_MENUS } from '../../../test/support/menus.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

describe('auth', () => {
  it('logs in a demo user and returns the API.md shape', async () => {
    const r = await t.call('POST', '/auth/login', { body: { username: 'sales', password: 'demo1234' } });
    expect(r.status).toBe(200);
    expect(r.body.token).toBeTypeOf('string');
    expect(r.body.user).toMatchObject({ username: 'sales', roles: ['sales'] });
    expect(r.body.user.id).toBeTypeOf('string');
    expect(String(r.headers['set-cookie'])).toContain('fy_session=');
  });

  it('the signed-in user carries its capabilities from the policies (menus and buttons)', async () => {
    const login = await t.call('POST', '/auth/login', { body: { username: 'cs_agent', password: 'demo1234' } });
    expect(login.body.user.capabilities).toMatchObject({ menus: EXPECTED_MENUS.cs_agent, createTicket: true, createDeal: false });
    const me = await t.call('GET', '/auth/me', { token: await t.login('sysadmin') });
    expect(me.body.user.capabilities).toMatchObject({ menus: EXPECTED_MENUS.sysadmin, manageUsers: true, archiveDocument: false });
  });

  it('refuses bad credentials with 401 and no token with 401', async () => {
    expect((await t.call('POST', '/auth/login', { body: { username: 'sales', password: 'nope' } })).status).toBe(401);
    expect((await t.call('POST', '/auth/login', { body: { username: 'ghost', password: 'nope' } })).status).toBe(401);
    expect((await t.call('GET', '/tasks?mine=true')).status).toBe(401);
    expect((await t.call('GET', '/tasks?mine=true', { token: 'forged' })).status).toBe(401);
  });

  it('accepts the browser cookie session', async () => {
    const token = await t.login('engineer');
    const r = await t.call('GET', '/auth/me', { headers: { cookie: `fy_session=${token}` } });
    expect(r.status).toBe(200);
    expect(r.body.user.username).toBe('engineer');
  });

  it('logout revokes the token', async () => {
    const r = await t.call('POST', '/auth/login', { body: { username: 'gm', password: 'demo1234' } });
    const token = r.body.token;
    expect((await t.call('GET', '/auth/me', { token })).status).toBe(200);
    expect((await t.call('POST', '/auth/logout', { token })).status).toBe(200);
    expect((await t.call('GET', '/auth/me', { token })).status).toBe(401);
  });

  it('refuses repeated failed logins with 429 and Retry-After, even with the right password (back-off, not a lock)', async () => {
    const wall = new Date(Date.now() + 24 * 3600_000); // after every earlier attempt of this file
    t.ctx.wallNow = () => wall; // wall time stands still: the 1 s back-off cannot lapse mid-test
    for (let i = 0; i < 5; i++) {
      expect((await t.call('POST', '/auth/login', { body: { username: 'cs_manager', password: 'wrong' } })).status).toBe(401);
    }
    const r = await t.call('POST', '/auth/login', { body: { username: 'cs_manager', password: 'demo1234' } });
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('rate_limited');
    expect(r.headers['retry-after']).toBe('1');
    t.ctx.wallNow = () => new Date(wall.getTime() + 1000);
    expect((await t.call('POST', '/auth/login', { body: { username: 'cs_manager', password: 'demo1234' } })).status).toBe(200);
  });
});
