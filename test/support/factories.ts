// Shared builders of test data: each call makes its own records, no test relies on another's.
import type { TestApp } from './app.js';
import type { FieldSpec } from '../../src/domain/process/definition.js';

let seq = 0;
export const unique = (p = '') => `${p}${Date.now().toString(36)}${(seq++).toString(36)}`;

export const SURVEY = {
  broadbandAvailable: true, broadbandType: '光纤', bandwidthMbps: 100, broadbandUsage: '办公上网，利用率约40%',
  networkEquipment: 'Huawei AR1220', hasPbx: true, pbxModel: 'Panasonic KX-TDA100', directLines: 4, trunkLines: 8,
  extensions: 60, ldSavingMethod: '后付费 IP 拨号盒', ldDiscountPct: 30, monthlyLdBillFen: 1_250_000, acceptsSplitMode: true,
  remarks: '客户希望月底前完成',
};

export const ASSESSMENT = {
  implementationDetails: '在机房部署 VoIP 网关，接入现有 PBX 中继',
  equipment: [
    { brand: 'Cisco', model: 'SPA8000', quantity: 2, unitPriceFen: 180_000 },
    { brand: 'Yealink', model: 'T31P', quantity: 10, unitPriceFen: 25_000 },
  ],
  estimatedDurationDays: 3,
};

export const FEASIBILITY = { operatingMode: '客户买断设备，我方提供线路', equipmentInvestmentFen: 600_000, avgMonthlyGrossProfitFen: 150_000, maxFluctuationPct: 20 };

export async function createCustomer(t: TestApp, token?: string, over: Partial<{ name: string; phone: string }> = {}) {
  const r = await t.call('POST', '/customers', {
    token: token ?? await t.login('sales'),
    body: { name: over.name ?? `客户${unique()}`, address: '上海市浦东新区世纪大道100号', contactPerson: '李总', phone: over.phone ?? `021-${Math.floor(10000000 + Math.random() * 89999999)}` },
  });
  if (r.status !== 201) throw new Error(`customer: ${r.status} ${r.text}`);
  return r.body as { id: string; name: string; phone: string };
}

export async function openTaskOf(t: TestApp, caseId: string, token: string) {
  const r = await t.call('GET', `/tasks?status=open&caseId=${caseId}&mine=false`, { token });
  return (r.body.items as { id: string; step: string; dueAt: string; assigneeId: string | null }[])[0];
}

/** Completes the open task of a case as the given user; throws unless 200. */
export async function complete(t: TestApp, caseId: string, username: string, body: { outcome?: string; form?: unknown; note?: string } = {}) {
  const token = await t.login(username);
  const gm = await t.login('gm');
  const task = await openTaskOf(t, caseId, gm);
  if (!task) throw new Error(`no open task on ${caseId}`);
  const r = await t.call('POST', `/tasks/${task.id}/complete`, { token, body });
  if (r.status !== 200) throw new Error(`complete ${task.step} as ${username}: ${r.status} ${r.text}`);
  return r.body;
}

/** `lead`: the deal comes from an accepted lead (its customer, POST /deals {leadId}). */
export async function createDeal(t: TestApp, survey: Record<string, unknown> = SURVEY, lead?: { leadId: string; customerId: string }) {
  const sales = await t.login('sales');
  const customer = lead ? { id: lead.customerId, name: '', phone: '' } : await createCustomer(t, sales);
  const r = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey, ...(lead ? { leadId: lead.leadId } : {}) } });
  if (r.status !== 201) throw new Error(`deal: ${r.status} ${r.text}`);
  return { deal: r.body, customer };
}

/** What the happy path fills in each input form (by form key; the steps come from the definition). */
function happyForms(paymentModel: string, engineerId: string): Record<string, unknown> {
  return {
    qualify_develop: { customerType: '中型企业，长途话费高' },
    tech_assessment: ASSESSMENT,
    proposal: { content: '采用 VoIP 分流方案', investmentFen: 600_000, monthlyGrossProfitFen: 150_000 },
    feasibility: { feasibility: FEASIBILITY },
    contract: { paymentModel, amountFen: 800_000, concessions: '客户全部长途业务转入我方' },
    dispatch: { engineerIds: [engineerId], scheduledAt: '2026-03-10T09:00:00+08:00' },
  };
}

/** A value for each required input field the given form lacks (fields a custom definition added). */
export function fillRequired(fields: FieldSpec[], form: Record<string, unknown>): Record<string, unknown> {
  const out = { ...form };
  for (const f of fields) {
    if (f.computed || out[f.key] !== undefined) {
      if (f.type === 'group' && out[f.key] && typeof out[f.key] === 'object') out[f.key] = fillRequired(f.fields ?? [], out[f.key] as Record<string, unknown>);
      continue;
    }
    if (!f.required) continue;
    const sample: Record<string, unknown> = {
      text: '测试', longtext: '测试', int: f.min ?? 1, decimal: f.min ?? 1, money: f.min ?? 100, percent: f.min ?? 10, bool: true,
      date: '2026-03-10', datetime: '2026-03-10T09:00:00+08:00', select: f.options?.[0]?.value, signature: 'data:image/png;base64,iVBORw0KGgo=',
    };
    if (f.type === 'group') out[f.key] = fillRequired(f.fields ?? [], {});
    else if (f.type === 'lines') out[f.key] = [fillRequired(f.columns ?? [], {})];
    else if (f.type in sample) out[f.key] = sample[f.type];
  }
  return out;
}

/** Takes a new deal along the definition's happy path up to the step with this key or tag (exclusive):
 *  at each step the first outcome that opens a step not yet passed, as a user of the step's role. */
export async function dealAt(
  t: TestApp, step: string, paymentModel = 'one_time', survey: Record<string, unknown> = SURVEY,
  o: { lead?: { leadId: string; customerId: string }; amountFen?: number } = {},
) {
  const def = t.ctx.processes.current();
  const { deal, customer } = await createDeal(t, survey, o.lead);
  const engineerId = (await t.call('GET', '/users?role=engineer', { token: await t.login('tech_manager') })).body.items[0].id;
  const forms = happyForms(paymentModel, engineerId);
  if (o.amountFen !== undefined) (forms.contract as { amountFen: number }).amountFen = o.amountFen;
  // the installation date may not be in the past: a test whose clock runs later schedules a week on
  const now = t.ctx.clock.now();
  const dispatch = forms.dispatch as { scheduledAt: string };
  if (new Date(dispatch.scheduledAt) < now) dispatch.scheduledAt = new Date(now.getTime() + 7 * 86400_000).toISOString();
  const passed = new Set<string>();
  let at = def.starts.deal[0];
  while (at && at !== step && def.steps[at].kind !== step) {
    passed.add(at);
    const s = def.steps[at];
    const [outcome, transition] = Object.entries(s.outcomes).find(([, tr]) => tr.next.some((n) => !passed.has(n))) ?? [];
    if (!outcome || !transition) throw new Error(`dealAt: no way on from ${at} to ${step}`);
    // procurement closes only when every purchase line is received (or with an exception)
    if (s.kind === 'procurement') await receiveAllPurchases(t, deal.id);
    const input = (transition.form ? forms[transition.form] : undefined) ?? {};
    const form = fillRequired(transition.form ? def.forms[transition.form].fields : [], input as Record<string, unknown>);
    await complete(t, deal.id, s.role, { outcome, form });
    at = transition.next.find((n) => !passed.has(n))!;
  }
  return { deal, customer, engineerId };
}

/** The admin clerk records every purchase line of a deal as ordered and received now. */
export async function receiveAllPurchases(t: TestApp, dealId: string, supplier = '上海某设备供应商') {
  const token = await t.login('admin_clerk');
  const list = await t.call('GET', `/deals/${dealId}/purchases`, { token });
  if (list.status !== 200) throw new Error(`purchases: ${list.status} ${list.text}`);
  const now = (await t.call('GET', '/health')).body.now as string;
  for (const line of list.body.lines as { id: string; receivedAt: string | null }[]) {
    if (line.receivedAt) continue;
    const r = await t.call('PATCH', `/purchases/${line.id}`, { token, body: { supplier, orderedAt: now, receivedAt: now } });
    if (r.status !== 200) throw new Error(`purchase line: ${r.status} ${r.text}`);
  }
}

/** A new active staff member holding one role, signed in. */
export async function newStaff(t: TestApp, role: string) {
  const username = unique(role.slice(0, 3));
  const r = await t.call('POST', '/users', { token: await t.login('sysadmin'), body: { username, password: 'staff-pass-123', displayName: `${role}${username.slice(-3)}`, roles: [role] } });
  if (r.status !== 201) throw new Error(`user: ${r.status} ${r.text}`);
  return { id: r.body.id as string, username, token: await t.login(username, 'staff-pass-123') };
}
