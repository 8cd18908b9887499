// The account life cycle (issue 11 §4) and the browser-side defences (§6): disable, re-role,
// reset, end sessions; own password and sessions; password policy; CSRF; Secure cookie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { unique } from '../../../test/support/factories.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await testApp();
  admin = await t.login('sysadmin');
});
afterAll(async () => { await t?.close(); });

const PASSWORD = 'correct-horse-2026';
async function newUser(roles: string[] = ['sales']) {
  const username = unique('acct');
  const r = await t.call('POST', '/users', { token: admin, body: { username, password: PASSWORD, displayName: `用户${username.slice(-4)}`, roles } });
  expect(r.status).toBe(201);
  return { id: r.body.id as string, username };
}
const signIn = (username: string, password = PASSWORD) => t.call('POST', '/auth/login', { body: { username, password } });

describe('account life cycle (sysadmin)', () => {
  it('disabling a user ends the sessions at once and refuses sign-in; enabling lets the user back', async () => {
    const u = await newUser();
    const token = (await signIn(u.username)).body.token;
    expect((await t.call('GET', '/auth/me', { token })).status).toBe(200);
    const off = await t.call('PATCH', `/users/${u.id}`, { token: admin, body: { active: false } });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await t.call('GET', '/auth/me', { token })).status).toBe(401);
    expect((await signIn(u.username)).status).toBe(401);
    const listed = await t.call('GET', '/users?status=inactive', { token: admin });
    expect(listed.body.items.map((x: { id: string }) => x.id)).toContain(u.id);
    expect((await t.call('PATCH', `/users/${u.id}`, { token: admin, body: { active: true } })).body.active).toBe(true);
    expect((await signIn(u.username)).status).toBe(200);
  });

  it('changes roles, department and partner company; a partner engineer needs a partner', async () => {
    const u = await newUser();
    const r = await t.call('PATCH', `/users/${u.id}`, { token: admin, body: { roles: ['cs_agent'], displayName: '新客服' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ roles: ['cs_agent'], department: 'customer_service', displayName: '新客服' });
    const token = (await signIn(u.username)).body.token;
    expect((await t.call('GET', '/auth/me', { token })).body.user.roles).toEqual(['cs_agent']);
    const noPartner = await t.call('PATCH', `/users/${u.id}`, { token: admin, body: { roles: ['partner_engineer'] } });
    expect(noPartner.status).toBe(400);
    expect(noPartner.body.error.details[0].path).toBe('partnerId');
    expect((await t.call('PATCH', `/users/${u.id}`, { token: admin, body: { department: 'admin' } })).body.department).toBe('admin');
    expect((await t.call('PATCH', `/users/${u.id}`, { token: admin, body: { roles: ['bogus'] } })).status).toBe(400);
    expect((await t.call('PATCH', '/users/no-such-user', { token: admin, body: { active: false } })).status).toBe(404);
  });

  it('only the sysadmin administers accounts; the last sysadmin cannot be disabled', async () => {
    const u = await newUser();
    const gm = await t.login('gm');
    expect((await t.call('PATCH', `/users/${u.id}`, { token: gm, body: { active: false } })).status).toBe(403);
    expect((await t.call('POST', `/users/${u.id}/password`, { token: gm, body: { password: 'another-pass-2026' } })).status).toBe(403);
    expect((await t.call('DELETE', `/users/${u.id}/sessions`, { token: gm })).status).toBe(403);
    const me = (await t.call('GET', '/auth/me', { token: admin })).body.user;
    const last = await t.call('PATCH', `/users/${me.id}`, { token: admin, body: { active: false } });
    expect(last.status).toBe(409);
  });

  it('a reset ends the sessions and forces a change at next sign-in; until then only the change, logout and me work', async () => {
    const u = await newUser();
    const old = (await signIn(u.username)).body.token;
    const weak = await t.call('POST', `/users/${u.id}/password`, { token: admin, body: { password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].path).toBe('password');
    expect((await t.call('POST', `/users/${u.id}/password`, { token: admin, body: { password: 'temporary-2026' } })).status).toBe(204);
    expect((await t.call('GET', '/auth/me', { token: old })).status).toBe(401);
    const login = await signIn(u.username, 'temporary-2026');
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const token = login.body.token;
    const me = await t.call('GET', '/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.user.mustChangePassword).toBe(true);
    const blocked = await t.call('GET', '/tasks?mine=true', { token });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    expect((await t.call('GET', '/auth/sessions', { token })).status).toBe(403);
    expect((await t.call('POST', '/auth/password', { token, body: { currentPassword: 'temporary-2026', newPassword: 'my-own-secret-77' } })).status).toBe(204);
    expect((await t.call('GET', '/tasks?mine=true', { token })).status).toBe(200);
    expect((await t.call('GET', '/auth/me', { token })).body.user.mustChangePassword).toBe(false);
    expect((await signIn(u.username, 'my-own-secret-77')).status).toBe(200);
  });

  it('ends every session of a user', async () => {
    const u = await newUser();
    const a = (await signIn(u.username)).body.token;
    const b = (await signIn(u.username)).body.token;
    expect((await t.call('DELETE', `/users/${u.id}/sessions`, { token: admin })).status).toBe(204);
    expect((await t.call('GET', '/auth/me', { token: a })).status).toBe(401);
    expect((await t.call('GET', '/auth/me', { token: b })).status).toBe(401);
  });
});

describe('own password and sessions', () => {
  it('changes the own password: the current one must be right, the new one must pass the policy', async () => {
    const u = await newUser();
    const token = (await signIn(u.username)).body.token;
    const other = (await signIn(u.username)).body.token;
    const wrong = await t.call('POST', '/auth/password', { token, body: { currentPassword: 'not-my-password', newPassword: 'brand-new-pass-1' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('currentPassword');
    for (const [newPassword, why] of [['short1', 'characters'], ['1234567890', 'common'], ['QwertyUiop', 'common']]) {
      const r = await t.call('POST', '/auth/password', { token, body: { currentPassword: PASSWORD, newPassword } });
      expect(r.status).toBe(400);
      expect(r.body.error.details[0].path).toBe('newPassword');
      expect(r.body.error.message).toContain(why);
    }
    expect((await t.call('POST', '/auth/password', { token, body: { currentPassword: PASSWORD, newPassword: 'brand-new-pass-1' } })).status).toBe(204);
    expect((await t.call('GET', '/auth/me', { token })).status).toBe(200); // this session stays
    expect((await t.call('GET', '/auth/me', { token: other })).status).toBe(401); // the others end
    expect((await signIn(u.username)).status).toBe(401);
    expect((await signIn(u.username, 'brand-new-pass-1')).status).toBe(200);
  });

  it('lists and ends own sessions; another user’s session is 404', async () => {
    const u = await newUser();
    const token = (await signIn(u.username)).body.token;
    const second = (await t.call('POST', '/auth/login', { body: { username: u.username, password: PASSWORD }, headers: { 'user-agent': 'phone' } })).body.token;
    const list = await t.call('GET', '/auth/sessions', { token });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const phone = list.body.items.find((s: { userAgent: string | null }) => s.userAgent === 'phone');
    expect(JSON.stringify(list.body)).not.toContain(second);
    const stranger = await t.login('engineer');
    expect((await t.call('DELETE', `/auth/sessions/${phone.id}`, { token: stranger })).status).toBe(404);
    expect((await t.call('GET', '/auth/me', { token: second })).status).toBe(200);
    expect((await t.call('DELETE', `/auth/sessions/${phone.id}`, { token })).status).toBe(204);
    expect((await t.call('GET', '/auth/me', { token: second })).status).toBe(401);
    expect((await t.call('DELETE', `/auth/sessions/${phone.id}`, { token })).status).toBe(404);
  });

  it('new and reset passwords follow the policy; demo users keep demo1234', async () => {
    const r = await t.call('POST', '/users', { token: admin, body: { username: unique('weak'), password: 'password123', displayName: 'x', roles: ['sales'] } });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].path).toBe('password');
    expect((await signIn('sales', 'demo1234')).status).toBe(200);
  });
});

describe('browser session defences', () => {
  it('a cookie-authenticated state change needs this site as Origin (or Referer); bearer tokens are exempt', async () => {
    const token = (await signIn((await newUser()).username)).body.token;
    const cookie = `fy_session=${token}`;
    const host = 'fangyuan.example:8443';
    const post = (headers: Record<string, string>) => t.call('POST', '/notifications/nope/read', { headers: { cookie, host, ...headers }, body: {} });
    const none = await post({});
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('csrf');
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ origin: `https://${host}` })).status).not.toBe(403);
    expect((await post({ referer: `https://${host}/tasks` })).status).not.toBe(403);
    // reading with the cookie needs no Origin; a bearer token needs none either
    expect((await t.call('GET', '/auth/me', { headers: { cookie, host } })).status).toBe(200);
    expect((await t.call('POST', '/notifications/nope/read', { token, headers: { host }, body: {} })).status).not.toBe(403);
    // login from another site's page is refused (login CSRF); scripts send no Origin
    expect((await t.call('POST', '/auth/login', { body: { username: 'sales', password: 'demo1234' }, headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('logout ends the cookie session and clears the cookie', async () => {
    const token = (await signIn((await newUser()).username)).body.token;
    const headers = { cookie: `fy_session=${token}`, host: 'app.local', origin: 'http://app.local' };
    const out = await t.call('POST', '/auth/logout', { headers });
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/fy_session=;/);
    expect((await t.call('GET', '/auth/me', { headers })).status).toBe(401);
  });

  it('the session cookie is Secure when the request came over https through the proxy', async () => {
    const plain = await t.call('POST', '/auth/login', { body: { username: 'sales', password: 'demo1234' } });
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/i);
    expect(String(plain.headers['set-cookie'])).toMatch(/HttpOnly/i);
    const https = await t.call('POST', '/auth/login', { body: { username: 'sales', password: 'demo1234' }, headers: { 'x-forwarded-proto': 'https' } });
    expect(String(https.headers['set-cookie'])).toMatch(/Secure/i);
  });

  it('says whether this is the demo company', async () => {
    expect((await t.call('GET', '/meta')).body).toEqual({ demo: true });
    expect((await t.call('GET', '/auth/me', { token: admin })).body.demo).toBe(true);
  });
});

describe('a real company (DEMO=0)', () => {
  it('creates only the first sysadmin, who must change the printed password at first sign-in', async () => {
    const { sql } = await import('drizzle-orm');
    const { seedUsers, isDemoCompany } = await import('../users/service.js');
    const { findUserByUsername } = await import('./repo.js');
    const rollback = new Error('rollback');
    // on an emptied copy of the database, in a transaction that is rolled back
    await expect(t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`delete from sessions`);
      await tx.execute(sql`delete from settings where key = 'company.demo'`);
      await tx.execute(sql`delete from users`);
      const { created } = await seedUsers({ demo: false, demoPassword: 'demo1234', now: new Date('2026-03-02T01:00:00Z') }, tx);
      expect(created).toHaveLength(1);
      expect(created[0]).toMatch(/^sysadmin \(password: .{10,}\)$/);
      expect((await findUserByUsername(tx, 'sysadmin'))?.mustChangePassword).toBe(true);
      expect(await isDemoCompany(tx)).toBe(false);
      throw rollback;
    })).rejects.toBe(rollback);
    expect(await isDemoCompany(t.ctx.db)).toBe(true);
  });
});
