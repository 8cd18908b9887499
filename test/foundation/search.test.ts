// Search boxes take % and _ literally, everywhere; two characters of a Chinese name, a piece of a
// number or of a ticket's problem find their rows through the two-character index (src/db/search.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { createCustomer, createDeal } from '../support/factories.js';

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

  it('finds deals, tickets and documents by two characters of the name, a piece of the number or the problem, and by one character', async () => {
    const gm = await t.login('gm');
    const cs = await t.login('cs_agent');
    const { deal, customer } = await createDeal(t);
    const named = await createCustomer(t, await t.login('sales'), { name: '上海华星远通科技有限公司' });
    const reversed = await createCustomer(t, await t.login('sales'), { name: '星华贸易' }); // the pieces, not in order
    const ticket = await t.call('POST', '/tickets', { token: cs, body: { customerId: named.id, kind: 'complaint', problem: '总机掉线，外线打不出去' } });
    expect(ticket.status).toBe(201);
    await t.call('POST', '/tickets', { token: cs, body: { customerId: reversed.id, kind: 'complaint', problem: '线外' } });
    const ids = async (url: string) => ((await t.call('GET', url, { token: gm })).body.items as { id: string }[]).map((x) => x.id);
    const numbers = async (url: string) => ((await t.call('GET', url, { token: gm })).body.items as { number: string }[]).map((x) => x.number);

    expect(await ids(`/tickets?q=${encodeURIComponent('华星')}`)).toEqual([ticket.body.id]);
    expect(await ids(`/tickets?q=${encodeURIComponent('掉线')}`)).toEqual([ticket.body.id]);
    expect(await ids(`/tickets?q=${encodeURIComponent('外线打')}`)).toEqual([ticket.body.id]);
    const piece = (ticket.body.number as string).slice(-5).toLowerCase();
    expect(await ids(`/tickets?q=${encodeURIComponent(piece)}`)).toContain(ticket.body.id);
    expect((await ids(`/tickets?q=${encodeURIComponent('星')}`)).sort()).toEqual([ticket.body.id, (await ids(`/tickets?q=${encodeURIComponent('星华')}`))[0]].sort());

    const dealNumber = (deal as { number: string }).number;
    expect(await ids(`/deals?q=${encodeURIComponent(dealNumber.slice(-6).toLowerCase())}`)).toContain((deal as { id: string }).id);
    expect(await ids(`/deals?q=${encodeURIComponent(customer.name.slice(0, 2))}`)).toContain((deal as { id: string }).id);
    const survey = (await numbers(`/documents?customer=${encodeURIComponent(customer.name.slice(1, 3))}`));
    expect(survey.length).toBeGreaterThan(0);
    expect(await numbers(`/documents?number=${encodeURIComponent(survey[0].slice(-4).toLowerCase())}`)).toContain(survey[0]);
    expect(await ids(`/tasks?mine=false&q=${encodeURIComponent(dealNumber.slice(-6))}`)).not.toHaveLength(0);
  });

  it('a broad search (over 2,000 matching cases) lists the newest page and stops counting at 1,000', async () => {
    const { sql } = await import('drizzle-orm');
    const def = t.ctx.processes.current();
    const first = def.starts.deal[0];
    await t.ctx.db.execute(sql.raw(`insert into customers (id, name, address, contact_person, phone, phone_digits, created_at, updated_at)
      select 'wide' || g, '广域通信' || g || '号公司', '上海', '王经理', '021-' || (30000000 + g), '021' || (30000000 + g), now(), now() from generate_series(1, 2100) g`));
    await t.ctx.db.execute(sql.raw(`insert into cases (id, type, number, customer_id, owner_id, state, definition_version, created_at, updated_at)
      select 'wided' || g, 'deal', 'SJ-2098-' || lpad(g::text, 7, '0'), 'wide' || g, (select id from users where username = 'sales'), '${first}', ${def.version},
        timestamptz '2026-02-01 00:00:00+08' + g * interval '1 minute', now() from generate_series(1, 2100) g`));
    await t.ctx.db.execute(sql.raw(`insert into deals (id) select 'wided' || g from generate_series(1, 2100) g`));
    const gm = await t.login('gm');
    const r = await t.call('GET', `/deals?q=${encodeURIComponent('广域')}&pageSize=50`, { token: gm });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 1000, totalCapped: true });
    expect(r.body.items).toHaveLength(50);
    expect(r.body.items[0].number).toBe('SJ-2098-0002100'); // the newest first
    expect(r.body.items.every((d: { customerName: string }) => d.customerName.includes('广域'))).toBe(true);
    // a narrow one is counted exactly
    const narrow = await t.call('GET', `/deals?q=${encodeURIComponent('广域通信2099号')}`, { token: gm });
    expect(narrow.body).toMatchObject({ total: 1 });
    expect(narrow.body.totalCapped).toBeUndefined();
    // the archive: 2,100 matching customers without documents
    const docs = await t.call('GET', `/documents?customer=${encodeURIComponent('广域')}`, { token: gm });
    expect(docs.body).toMatchObject({ total: 0, totalCapped: false });
  });
});

