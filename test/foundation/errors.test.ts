// Errors as API.md says: 400 with field paths, 401/403/404/413 (the hostile-input fuzz is
// fuzz.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const API_MD_PATHS = [
  ['post', '/auth/login'], ['post', '/users'], ['post', '/customers'], ['get', '/customers/{id}'], ['post', '/deals'],
  ['get', '/deals/{id}'], ['post', '/tickets'], ['get', '/tickets/{id}'], ['get', '/tasks'], ['post', '/tasks/{id}/complete'],
  ['get', '/documents/{id}'], ['get', '/documents/{id}/print'], ['get', '/calendar/due'], ['get', '/calendar/days/{date}'],
  ['get', '/audit'], ['post', '/partners'], ['post', '/tasks/{id}/assign'], ['get', '/notifications'], ['post', '/clock'],
];

describe('openapi', () => {
  it('serves OpenAPI 3 listing every path of API.md', async () => {
    const r = await t.call('GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    for (const [method, p] of API_MD_PATHS) {
      const key = `/api/v1${p.replace('{date}', '{date}')}`;
      expect(r.body.paths[key] ?? r.body.paths[key.replace('{date}', '{date}')], `${method} ${key}`).toBeDefined();
      expect(r.body.paths[key][method], `${method} ${key}`).toBeDefined();
    }
  });
});

describe('errors', () => {
  it('answers 400 with details naming the field path', async () => {
    const r = await t.call('POST', '/customers', { token: await t.login('sales'), body: { name: '', address: 'x', contactPerson: 'y' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    const paths = r.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'phone']));
  });

  it('answers 413 for a body over the limit and 404 for unknown routes', async () => {
    const big = { name: 'x'.repeat(2 * 1024 * 1024), address: 'a', contactPerson: 'b', phone: '123' };
    const r = await t.call('POST', '/customers', { token: await t.login('sales'), body: big });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload_too_large');
    expect((await t.call('GET', '/nowhere', { token: await t.login('sales') })).status).toBe(404);
  });

  it('answers 403 for a role and 404 to an outsider', async () => {
    expect((await t.call('POST', '/users', { token: await t.login('sales'), body: { username: 'x1', password: 'abcdefgh', displayName: 'x', roles: ['sales'] } })).status).toBe(403);
    const customers = await t.call('GET', '/customers', { token: await t.login('partner_engineer') });
    expect(customers.status).toBe(404);
  });
});

describe('errors carry a reason and parameters, not bilingual text', () => {
  it('a field check names the field, the reason and its limits', async () => {
    const r = await t.call('POST', '/customers', { token: await t.login('sales'), body: { name: '', address: 'x', contactPerson: 'y', phone: '123' } });
    expect(r.status).toBe(400);
    expect(r.body.error.reason).toBe('request.invalid');
    const name = r.body.error.details.find((d: { path: string }) => d.path === 'name');
    expect(name).toMatchObject({ reason: 'zod.too_small', params: { minimum: '1' } });
  });

  it('a refused action names its reason; the message is the English rendering of it', async () => {
    const r = await t.call('POST', '/auth/login', { body: { username: 'sales', password: 'not-the-password' } });
    expect(r.status).toBe(401);
    expect(r.body.error).toMatchObject({ code: 'unauthorized', reason: 'auth.wrong_credentials', message: 'wrong username or password' });
    const missing = await t.call('GET', `/deals/${crypto.randomUUID()}`, { token: await t.login('sales') });
    expect(missing.body.error).toMatchObject({ code: 'not_found', reason: 'not_found', params: { entity: 'deal' } });
  });

  it('no error text in the server mixes Chinese into the message', async () => {
    const { REASONS } = await import('../../src/server/messages.js');
    for (const [reason, text] of Object.entries(REASONS)) expect(text, reason).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('the web translates every reason the server can give (zod.custom/other carry their own text)', async () => {
    const { REASONS } = await import('../../src/server/messages.js');
    const { ZH_REASONS } = await import('../../web/src/app/i18n/reasons.js');
    const untranslated = Object.keys(REASONS).filter((r) => !(r in ZH_REASONS) && !['zod.custom', 'zod.other', 'field.invalid'].includes(r));
    expect(untranslated).toEqual([]);
    expect(Object.keys(ZH_REASONS).filter((r) => !(r in REASONS))).toEqual([]);
  });
});
