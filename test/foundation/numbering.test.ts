// Document numbers are unique and gap-free per prefix and year, under concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { createCustomer, SURVEY } from '../support/factories.js';
import { formatDocNumber } from '../../src/domain/numbering.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

describe('document numbering', () => {
  it('formats <prefix>-<year>-<6 digits>', () => {
    expect(formatDocNumber('DC', 2026, 7)).toBe('DC-2026-000007');
  });

  it('gives 200 parallel submissions 200 consecutive numbers', async () => {
    const sales = await t.login('sales');
    const customer = await createCustomer(t, sales);
    const results = await Promise.all(Array.from({ length: 200 }, () =>
      t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey: SURVEY } })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const seqs = results.map((r) => Number(r.body.documents[0].number.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(200);
    expect(seqs[199] - seqs[0]).toBe(199);
    for (const r of results) expect(r.body.documents[0].number).toMatch(/^DC-2026-\d{6}$/);
  }, 120_000);

  it('gives a refused submission its number back (no gap)', async () => {
    const sales = await t.login('sales');
    const customer = await createCustomer(t, sales);
    const a = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey: SURVEY } });
    const bad = await t.call('POST', '/deals', { token: sales, body: { customerId: 'missing', survey: SURVEY } });
    expect(bad.status).toBe(400);
    const b = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey: SURVEY } });
    const n = (r: typeof a) => Number(r.body.documents[0].number.split('-')[2]);
    expect(n(b)).toBe(n(a) + 1);
  });
});
