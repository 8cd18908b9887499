// Errors as API.md says: 400 with field paths, 401/403/404/413, and never a 5xx or a stack
// trace for junk, whatever route it is thrown at.
import fc from 'fast-check';
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

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    { __proto__: { admin: true } }, { constructor: { prototype: { x: 1 } } }, { username: "' OR 1=1 --", password: 'x' },
    { customerId: '00000000-0000-0000-0000-000000000000', survey: { monthlyLdBillFen: -1e308 } },
    { form: { equipment: [{ quantity: 'NaN' }] }, outcome: 'x'.repeat(5000) }, { now: '9999-99-99' }, { days: Infinity },
    { name: '\u0000\uFFFF', address: '😀'.repeat(300), contactPerson: '<script>', phone: '1'.repeat(60) },
  ),
  fc.object({ maxDepth: 3 }),
);
const pathValue = fc.oneof(fc.string(), fc.constantFrom('%00', '..%2F..%2Fetc', "1'--", '2026-02-30', '9'.repeat(40), 'null'));

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

  it('never answers 5xx or leaks a stack for random and hostile input on any route', async () => {
    const spec = (await t.call('GET', '/openapi.json')).body;
    const routes: [string, string][] = [];
    for (const [p, ops] of Object.entries(spec.paths as Record<string, Record<string, unknown>>)) {
      for (const m of Object.keys(ops)) if (['get', 'post', 'put', 'patch', 'delete'].includes(m)) routes.push([m, p.replace(/^\/api\/v1/, '')]);
    }
    expect(routes.length).toBeGreaterThan(20);
    const tokens = [await t.login('sysadmin'), await t.login('sales'), await t.login('partner_engineer'), undefined];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), hostile, pathValue, fc.constantFrom(...tokens), fc.dictionary(fc.constantFrom('q', 'page', 'pageSize', 'mine', 'from', 'days', 'tier', 'caseId', 'status', 'week', 'year'), fc.string()),
        async ([method, p], body, pv, token, query) => {
          const url = p.replace(/\{[^}]+\}/g, encodeURIComponent(pv) || 'x') + '?' + new URLSearchParams(query).toString();
          const r = await t.call(method.toUpperCase(), url, { token, body: method === 'get' || method === 'delete' ? undefined : body });
          if (r.status >= 500 && r.status !== 501) throw new Error(`${method} ${url} → ${r.status} ${r.text}`);
          expect(r.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
        }),
      { numRuns: 400 },
    );
  }, 120_000);
});
