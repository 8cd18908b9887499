// Special allowances through the HTTP API (issue 14, PROCESS §6.1): CS duty days from the rota,
// installations scheduled on non-working days, VIP repair hours outside business hours.
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { complete, createCustomer, dealAt, fillRequired, newStaff } from '../../../test/support/factories.js';
import { REMARKS, devices, tryComplete } from '../installation/test-helpers.js';
import { customers } from '../../db/schema.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const newUser = (role: string) => newStaff(t, role);

type Line = { userId: string; kind: string; date: string | null; multiplier: number; units: number; statutory: boolean; amountFen: number | null; caseId: string | null };

describe('allowances, October 2026', () => {
  it('CS duty days ×3/×2, a Saturday installation ×2, VIP repair hours on a statutory day ×3; managers see their department; the GM locks the month; Excel', async () => {
    const agent = await newUser('cs_agent');
    const engineer = await newUser('engineer');
    const gm = await t.login('gm');
    expect((await t.call('PUT', '/settings/allowances', { token: gm, body: { dutyDayFen: 10_000, vipHourFen: 2_000 } })).status).toBe(200);
    expect((await t.call('POST', '/duty/2026-10/generate', { token: await t.login('cs_manager') })).status).toBe(200);

    // a VIP ticket on 3 October (statutory, Saturday) 10:00, repaired by 14:00: 4 hours ×3
    await t.setClock('2026-10-03T10:00:00+08:00');
    const customer = await createCustomer(t, await t.login('cs_agent'));
    await t.ctx.db.update(customers).set({ serviceTier: 'vip' }).where(eq(customers.id, customer.id));
    const ticket = await t.call('POST', '/tickets', { token: await t.login('cs_agent'), body: { customerId: customer.id, kind: 'complaint', problem: '中继中断' } });
    expect(ticket.status, ticket.text).toBe(201);
    await t.setClock('2026-10-03T14:00:00+08:00');
    const def = t.ctx.processes.current();
    const repaired = await tryComplete(t, ticket.body.id, engineer, { form: fillRequired(def.forms[def.steps.resolve!.outcomes.done!.form!]!.fields, {}) });
    expect(repaired.status, repaired.text).toBe(200);

    // a deal dispatched for Saturday 17 October (a rest day), installed that day
    const { deal } = await dealAt(t, 'installation_dispatch');
    await complete(t, deal.id, 'tech_manager', { form: { engineerIds: [engineer.id], scheduledAt: '2026-10-17T09:00:00+08:00' } });
    await t.setClock('2026-10-17T15:00:00+08:00');
    expect((await tryComplete(t, deal.id, engineer, { form: { devices: devices(1), remarks: REMARKS } })).status).toBe(200);

    const all = (await t.call('GET', '/allowances?month=2026-10', { token: gm })).body;
    const items = all.items as Line[];
    const duty = items.filter((l) => l.kind === 'cs_duty');
    expect(duty).toHaveLength(13);
    expect(duty.filter((l) => l.multiplier === 3).map((l) => l.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03']);
    expect(duty.find((l) => l.date === '2026-10-04')).toMatchObject({ multiplier: 2, statutory: false, amountFen: 20_000 });
    expect(duty.find((l) => l.date === '2026-10-01')).toMatchObject({ multiplier: 3, statutory: true, amountFen: 30_000 });
    expect(items.filter((l) => l.kind === 'holiday_installation')).toEqual([expect.objectContaining({ userId: engineer.id, date: '2026-10-17', multiplier: 2, units: 1, caseId: deal.id, amountFen: null })]);
    expect(items.filter((l) => l.kind === 'vip_oncall')).toEqual([expect.objectContaining({ userId: engineer.id, date: '2026-10-03', multiplier: 3, units: 4, amountFen: 24_000 })]);

    // the CS manager sees the CS department's lines, the tech manager the engineers', an agent their own
    const kinds = async (token: string) => [...new Set(((await t.call('GET', '/allowances?month=2026-10', { token })).body.items as Line[]).map((l) => l.kind))].sort();
    expect(await kinds(await t.login('cs_manager'))).toEqual(['cs_duty']);
    expect(await kinds(await t.login('tech_manager'))).toEqual(['holiday_installation', 'vip_oncall']);
    expect(((await t.call('GET', '/allowances?month=2026-10', { token: agent.token })).body.items as Line[]).every((l) => l.userId === agent.id)).toBe(true);

    // the GM approves once the month is over; the lines are locked
    expect((await t.call('POST', '/allowances/2026-10/approve', { token: gm })).status).toBe(409);
    await t.setClock('2026-11-02T09:00:00+08:00');
    expect((await t.call('POST', '/allowances/2026-10/approve', { token: await t.login('admin_clerk') })).status).toBe(403);
    const approved = await t.call('POST', '/allowances/2026-10/approve', { token: gm });
    expect(approved.status, approved.text).toBe(200);
    await t.call('PUT', '/settings/allowances', { token: gm, body: { dutyDayFen: 99_999 } });
    const locked = (await t.call('GET', '/allowances?month=2026-10', { token: gm })).body.items as Line[];
    expect(locked.find((l) => l.date === '2026-10-04' && l.kind === 'cs_duty')!.amountFen).toBe(20_000);

    const x = await t.app.inject({ method: 'GET', url: '/api/v1/allowances.xlsx?month=2026-10', headers: { authorization: `Bearer ${await t.login('admin_clerk')}` } });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(1 + items.length);
  });
});
