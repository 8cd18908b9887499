// Proposal templates (issue 15 §8): real starting texts, edited by the sysadmin, read by staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

describe('proposal templates', () => {
  it('ships real templates that staff read; only the sysadmin saves; duplicates and bad ids name the field', async () => {
    const sales = await t.login('sales');
    const shipped = await t.call('GET', '/proposal-templates', { token: sales });
    expect(shipped.status).toBe(200);
    expect(shipped.body.items.length).toBeGreaterThanOrEqual(3);
    expect(shipped.body.items[0].content.length).toBeGreaterThan(50);
    expect((await t.call('GET', '/proposal-templates', { token: await t.login('partner_engineer') })).status).toBe(404); // an outsider is not told they exist

    const items = [...shipped.body.items, { id: 'hotel', name: '酒店客房电话改造方案', content: '一、现状：……' }];
    expect((await t.call('PUT', '/proposal-templates', { token: sales, body: { items } })).status).toBe(403);
    const admin = await t.login('sysadmin');
    const saved = await t.call('PUT', '/proposal-templates', { token: admin, body: { items } });
    expect(saved.status).toBe(200);
    expect((await t.call('GET', '/proposal-templates', { token: sales })).body.items.map((x: { id: string }) => x.id)).toContain('hotel');

    const twice = await t.call('PUT', '/proposal-templates', { token: admin, body: { items: [...items, items[0]] } });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details[0].path).toBe(`items.${items.length}.id`);
    const badId = await t.call('PUT', '/proposal-templates', { token: admin, body: { items: [{ id: '方案', name: 'x', content: '' }] } });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details[0].path).toBe('items.0.id');
  });
});
