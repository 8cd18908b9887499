// Search boxes take % and _ literally, everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { createCustomer } from '../support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

describe('search patterns', () => {
  it('does not treat % or _ as wildcards', async () => {
    const sales = await t.login('sales');
    await createCustomer(t, sales, { name: '百分之百_科技' });
    await createCustomer(t, sales, { name: '普通科技' });
    for (const url of ['/customers?q=%25', '/deals?q=%25', '/tickets?q=%25', '/users?q=%25', '/documents?customer=%25', '/tasks?q=%25']) {
      const r = await t.call('GET', url, { token: await t.login('gm') });
      expect(r.status, url).toBe(200);
      expect(r.body.total, url).toBe(0);
    }
    const underscore = await t.call('GET', `/customers?q=${encodeURIComponent('百_科')}`, { token: sales });
    expect(underscore.body.items.map((c: { name: string }) => c.name)).toEqual(['百分之百_科技']);
    const literalMiss = await t.call('GET', `/customers?q=${encodeURIComponent('普_科')}`, { token: sales });
    expect(literalMiss.body.total).toBe(0);
  });
});
