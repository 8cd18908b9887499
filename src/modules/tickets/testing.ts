// Test builders for after-sales (used by the tickets, partners and reports tests).
import type { TestApp } from '../../../test/support/app.js';
import { complete, dealAt, unique } from '../../../test/support/factories.js';

/** A customer in service: a deal signed (one_time → VIP, else standard) and installed with two devices. */
export async function customerInService(t: TestApp, paymentModel: 'one_time' | 'installment' | 'lease' = 'installment') {
  const { deal, customer } = await dealAt(t, 'installation', paymentModel);
  const devices = [
    { brandModel: 'Cisco SPA8000', serialNumber: unique('SN-GW-'), configDocNumber: unique('CFG-') },
    { brandModel: 'Yealink T31P', serialNumber: unique('SN-PH-'), configDocNumber: unique('CFG-') },
  ];
  await complete(t, deal.id, 'engineer', { form: { devices, remarks: '机房在三楼，需前台登记' } });
  return { customer, deal, devices };
}

export async function openTicket(t: TestApp, customerId: string, kind: 'inquiry' | 'complaint' = 'complaint', problem = '外线打不出去') {
  const r = await t.call('POST', '/tickets', { token: await t.login('cs_agent'), body: { customerId, kind, problem } });
  if (r.status !== 201) throw new Error(`ticket: ${r.status} ${r.text}`);
  return r.body as { id: string; number: string; dueAt: string; state: string; tier: string; task: { id: string; step: string; dueAt: string } };
}

/** The open task of a ticket (as the GM sees it). */
export async function openTask(t: TestApp, ticketId: string) {
  const r = await t.call('GET', `/tasks?status=open&caseId=${ticketId}&mine=false`, { token: await t.login('gm') });
  return r.body.items[0] as { id: string; step: string; dueAt: string; partnerId: string | null } | undefined;
}

export async function completeAs(t: TestApp, taskId: string, token: string, body: Record<string, unknown>) {
  return t.call('POST', `/tasks/${taskId}/complete`, { token, body });
}

export const RESOLVE = { cause: '网关配置丢失', resolution: '重新下发配置并重启网关', qualityComplaint: false };

/** Moves the manual clock forward by some minutes (and runs the sweeps). */
export async function tick(t: TestApp, minutes = 10) {
  const now = (await t.call('GET', '/health')).body.now as string;
  await t.setClock(new Date(new Date(now).getTime() + minutes * 60_000).toISOString());
}
