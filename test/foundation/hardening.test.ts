// Input that no engine can store, router-level errors, far dates, the manual clock's edges,
// timeouts and security headers: each answers a 4xx in the one error format, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { SURVEY, createCustomer } from '../support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const paths = (r: { body: { error: { details?: { path: string }[] } } }) => (r.body.error.details ?? []).map((d) => d.path);
const customerBody = { name: '客户', address: '上海', contactPerson: '李总', phone: '021-12345678' };

describe('text no database can store', () => {
  it('refuses U+0000 anywhere with a 400 naming the field', async () => {
    const sales = await t.login('sales');
    const r = await t.call('POST', '/customers', { token: sales, body: { ...customerBody, address: 'a\u0000b' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(paths(r)).toEqual(['address']);

    const customer = await createCustomer(t, sales);
    const nested = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey: { ...SURVEY, remarks: '\u0000' } } });
    expect(nested.status).toBe(400);
    expect(paths(nested)).toEqual(['survey.remarks']);

    const key = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey: { ...SURVEY, ['x\u0000']: 1 } } });
    expect(key.status).toBe(400);
    expect(paths(key)[0]).toMatch(/^survey\./);

    const query = await t.call('GET', '/customers?q=%00', { token: sales });
    expect(query.status).toBe(400);
    expect(paths(query)).toEqual(['querystring.q']);

    const param = await t.call('GET', '/customers/a%00b', { token: sales });
    expect(param.status).toBe(400);
    expect(paths(param)).toEqual(['params.id']);
  });

  it('refuses lone UTF-16 surrogates with a 400 naming the field, keeps well-formed pairs', async () => {
    const sales = await t.login('sales');
    // JSON text with escapes, as a client would send it: JSON.parse makes the lone surrogate
    for (const bad of ['\\ud800', 'x\\udfffy', '\\udc00\\ud800']) {
      const r = await t.call('POST', '/customers', {
        token: sales, headers: { 'content-type': 'application/json' },
        body: `{"name":"${bad}","address":"a","contactPerson":"b","phone":"021-12345678"}`,
      });
      expect(r.status, bad).toBe(400);
      expect(paths(r)).toEqual(['name']);
    }
    const ok = await t.call('POST', '/customers', { token: sales, body: { ...customerBody, name: '客户😀', phone: '021-87654321' } });
    expect(ok.status).toBe(201);
    expect(ok.body.name).toBe('客户😀');
  });
});

describe('router-level errors in the one error format', () => {
  const oneFormat = (r: { body: { error?: { code?: unknown; message?: unknown } } }) => {
    expect(typeof r.body.error?.code).toBe('string');
    expect(typeof r.body.error?.message).toBe('string');
  };

  it('414 for an over-long id or URL', async () => {
    const sales = await t.login('sales');
    const r = await t.call('GET', `/customers/${'x'.repeat(300)}`, { token: sales });
    expect(r.status).toBe(414);
    expect(r.body.error.code).toBe('uri_too_long');
    const long = await t.call('GET', `/customers?q=${'x'.repeat(9000)}`, { token: sales });
    expect(long.status).toBe(414);
    oneFormat(long);
  });

  it('415 for an unsupported content type, 400 for malformed JSON or a bad URL, 404, 413', async () => {
    const sales = await t.login('sales');
    const xml = await t.call('POST', '/customers', { token: sales, headers: { 'content-type': 'application/xml' }, body: '<a/>' });
    expect(xml.status).toBe(415);
    expect(xml.body.error.code).toBe('unsupported_media_type');
    const json = await t.call('POST', '/customers', { token: sales, headers: { 'content-type': 'application/json' }, body: '{"name":' });
    expect(json.status).toBe(400);
    oneFormat(json);
    const badUrl = await t.call('GET', '/customers/%E0%A4%A', { token: sales });
    expect(badUrl.status).toBe(400);
    oneFormat(badUrl);
    const none = await t.call('GET', '/no/such/route', { token: sales });
    expect(none.status).toBe(404);
    oneFormat(none);
    const big = await t.call('POST', '/customers', { token: sales, body: { ...customerBody, name: 'x'.repeat(2 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    oneFormat(big);
  });

  it('times out slow requests: request, headers and idle timeouts are set on the server', () => {
    expect(t.app.server.requestTimeout).toBe(30_000);
    expect(t.app.server.headersTimeout).toBe(10_000);
    expect(t.app.server.timeout).toBe(120_000);
  });
});

describe('dates outside 2000–2100', () => {
  it('are refused with a 400 naming the field, in bodies, queries and paths', async () => {
    const sysadmin = await t.login('sysadmin');
    for (const bad of ['0099-06-15', '1999-12-31', '2101-01-01', '9999-01-01']) {
      const p = await t.call('POST', '/partners', { token: sysadmin, body: { name: `P${bad}`, certifiedUntil: bad } });
      expect(p.status, bad).toBe(400);
      expect(paths(p)).toEqual(['certifiedUntil']);
      const day = await t.call('GET', `/calendar/days/${bad}`, { token: sysadmin });
      expect(day.status, bad).toBe(400);
      const due = await t.call('GET', `/calendar/due?from=${encodeURIComponent(`${bad}T00:00:00Z`)}&days=1`, { token: sysadmin });
      expect(due.status, bad).toBe(400);
      expect(paths(due)).toEqual(['querystring.from']);
    }
    expect((await t.call('POST', '/partners', { token: sysadmin, body: { name: 'P2100', certifiedUntil: '2100-12-31' } })).status).toBe(201);
  });

  it('orderedAt in year 0099 does not come back as 1999', async () => {
    const sysadmin = await t.login('sysadmin');
    const r = await t.call('PATCH', '/purchases/nope', { token: sysadmin, body: { orderedAt: '0099-06-15T00:00:00Z' } });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['orderedAt']);
  });
});

describe('security headers', () => {
  it('sends a CSP the web app works with, nosniff and no framing on the API and the print pages', async () => {
    const sales = await t.login('sales');
    const customer = await createCustomer(t, sales);
    const deal = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey: SURVEY } });
    expect(deal.status).toBe(201);
    const page = await t.call('GET', `/deals/${deal.body.id}`, { token: sales });
    const docId = page.body.documents[0].id;
    for (const url of ['/health', `/documents/${docId}/print`, '/no/such/route']) {
      const r = await t.call('GET', url, { token: sales });
      const csp = String(r.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data:");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('the manual clock', () => {
  it('refuses a move beyond 2100 and still answers every page at the end of 2100', async () => {
    const c = await testApp();
    try {
      const admin = await c.login('sysadmin');
      for (const bad of ['2101-01-01T00:00:00Z', '9999-12-31T00:00:00Z', '0099-06-15T00:00:00Z', '2100-12-31T23:00:00-05:00']) {
        const r = await c.call('POST', '/clock', { token: admin, body: { now: bad } });
        expect(r.status, bad).toBe(400);
        expect(paths(r)).toEqual(['now']);
      }
      const moved = await c.call('POST', '/clock', { token: admin, body: { now: '2100-12-31T23:59:00+08:00' } });
      expect(moved.status).toBe(200);
      const gm = await c.login('gm');
      for (const url of [
        '/tasks?mine=true&status=open', '/tasks?mine=false', '/notifications', '/calendar/due?from=2100-12-31T10:00:00%2B08:00&days=3',
        '/calendar/days/2100-12-31', '/calendar/days', '/calendar/status', '/reports/weekly', '/reports/weekly/print', '/reports/weekly.xlsx',
        '/reports/pipeline', '/reports/partner-settlement', '/deals/upcoming-meetings', '/deals', '/tickets', '/documents', '/clock', '/health',
      ]) {
        const r = await c.call('GET', url, { token: gm });
        expect(r.status, `${url} ${r.text.slice(0, 200)}`).toBeLessThan(500);
      }
    } finally {
      await c.close();
    }
  }, 60_000);

  it('never goes backwards, even with two instances moving it at once', async () => {
    const { createContext } = await import('../../src/server/bootstrap.js');
    const c = await testApp();
    try {
      const other = await createContext({ ...c.ctx.config }, { database: c.ctx.database });
      const base = Date.parse('2026-03-02T09:00:00+08:00');
      let latest = base;
      for (let round = 1; round <= 10; round++) {
        const early = new Date(base + round * 3600_000);
        const late = new Date(early.getTime() + 60_000);
        latest = late.getTime();
        const [a, b] = round % 2
          ? [c.ctx.clock.set(c.ctx.db, late), other.clock.set(other.db, early)]
          : [other.clock.set(other.db, late), c.ctx.clock.set(c.ctx.db, early)];
        await Promise.allSettled([a, b]);
        await Promise.all([c.ctx.clock.sync(c.ctx.db), other.clock.sync(other.db)]);
        expect(c.ctx.clock.now().getTime(), `round ${round}`).toBe(latest);
        expect(other.clock.now().getTime()).toBe(latest);
      }
      await expect(other.clock.set(other.db, new Date(base))).rejects.toMatchObject({ code: 'conflict' });
      expect(c.ctx.clock.now().getTime()).toBe(latest);
    } finally {
      await c.close();
    }
  }, 60_000);
});
