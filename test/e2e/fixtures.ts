// Set-up through the API for journeys that start later in the process (not what they test).
import { apiCall, apiToken } from './harness';

interface Task {
  id: string;
  step: string;
  status: string;
}

async function openTask(baseUrl: string, token: string, dealId: string, step: string): Promise<Task> {
  const r = await apiCall<{ tasks: Task[] }>(baseUrl, 'GET', `/deals/${dealId}`, undefined, token);
  const t = r.data.tasks.find((x) => x.step === step && x.status === 'open');
  if (!t) throw new Error(`no open ${step} task on deal ${dealId}: ${JSON.stringify(r.data)}`);
  return t;
}

async function complete(baseUrl: string, role: string | { username: string; password: string }, dealId: string, step: string, body: Record<string, unknown>) {
  const token = typeof role === 'string' ? await apiToken(baseUrl, role) : await apiToken(baseUrl, role.username, role.password);
  const task = await openTask(baseUrl, token, dealId, step);
  const r = await apiCall(baseUrl, 'POST', `/tasks/${task.id}/complete`, body, token);
  if (r.status !== 200) throw new Error(`${step} by ${role}: ${r.status} ${JSON.stringify(r.data)}`);
}

/** A customer in service (one-time contract → VIP) with installed devices of the given serials. */
/** `lead`: the deal comes from an accepted lead (its customer); `engineer`: who assesses and installs
 *  (the demo engineer by default — never the lead's referrer); `amountFen`: the contract amount. */
export async function installedCustomer(
  baseUrl: string, name: string, serials: string[],
  opts: { stopAtReview?: boolean; stopAtInstallation?: boolean; customerSignature?: string; lead?: { leadId: string; customerId: string }; engineer?: { id: string; username: string; password: string }; amountFen?: number } = {},
): Promise<{ customerId: string; dealId: string; phone: string }> {
  const sales = await apiToken(baseUrl, 'sales');
  const phone = `0571-${String(Date.now()).slice(-8)}`;
  const c = opts.lead
    ? { status: 201, data: { id: opts.lead.customerId } }
    : await apiCall<{ id: string }>(baseUrl, 'POST', '/customers', { name, address: '杭州市滨江区网商路 1 号', contactPerson: '赵工', phone }, sales);
  if (c.status !== 201) throw new Error(`customer: ${c.status} ${JSON.stringify(c.data)}`);
  const survey = { broadbandAvailable: true, hasPbx: true, monthlyLdBillFen: 500000, acceptsSplitMode: true };
  const d = await apiCall<{ id: string }>(baseUrl, 'POST', '/deals', { customerId: c.data.id, survey, ...(opts.lead ? { leadId: opts.lead.leadId } : {}) }, sales);
  if (d.status !== 201) throw new Error(`deal: ${d.status} ${JSON.stringify(d.data)}`);
  const dealId = d.data.id;
  await complete(baseUrl, 'sales', dealId, 'qualify', { outcome: 'develop', form: { customerType: '中小企业' } });
  const engineer = opts.engineer ?? 'engineer';
  await complete(baseUrl, engineer, dealId, 'tech_assessment', {
    form: { implementationDetails: 'VoIP 网关', equipment: [{ brand: '华为', model: 'AR161', quantity: serials.length, unitPriceFen: 100000 }], estimatedDurationDays: 2 },
  });
  await complete(baseUrl, 'sales', dealId, 'proposal_draft', { form: { content: '方案', investmentFen: 100000 * serials.length, monthlyGrossProfitFen: 50000 } });
  if (opts.stopAtReview) return { customerId: c.data.id, dealId, phone };
  await complete(baseUrl, 'sales_manager', dealId, 'manager_review', {
    outcome: 'approve',
    form: { feasibility: { operatingMode: '自购', equipmentInvestmentFen: 100000 * serials.length, avgMonthlyGrossProfitFen: 50000, maxFluctuationPct: 10 } },
  });
  await complete(baseUrl, 'gm', dealId, 'gm_approval', { outcome: 'approve', form: {} });
  await complete(baseUrl, 'sales', dealId, 'proposal_delivery', { form: {} });
  await complete(baseUrl, 'sales', dealId, 'negotiation', { outcome: 'signed', form: { paymentModel: 'one_time', amountFen: opts.amountFen ?? 100000 * serials.length } });
  await complete(baseUrl, 'admin_clerk', dealId, 'contract_archive', { form: {} });
  await complete(baseUrl, 'admin_clerk', dealId, 'procurement', { form: { exception: '现货，直接出库' } });
  const tm = await apiToken(baseUrl, 'tech_manager');
  const engineers = await apiCall<{ items: { id: string }[] }>(baseUrl, 'GET', '/users?role=engineer', undefined, tm);
  await complete(baseUrl, 'tech_manager', dealId, 'installation_dispatch', {
    form: { engineerIds: [opts.engineer?.id ?? engineers.data.items[0].id], scheduledAt: '2026-03-03T10:00:00+08:00' },
  });
  if (opts.stopAtInstallation) return { customerId: c.data.id, dealId, phone };
  await complete(baseUrl, engineer, dealId, 'installation', {
    form: {
      devices: serials.map((s, i) => ({ brandModel: '华为 AR161', serialNumber: s, configDocNumber: `PZ-${i + 1}` })), remarks: '前台转接',
      ...(opts.customerSignature ? { customerSignature: opts.customerSignature } : {}),
    },
  });
  return { customerId: c.data.id, dealId, phone };
}

/** A complaint of a new customer, repaired by the demo engineer and confirmed satisfied: the
 *  technical department and the engineer scores have numbers. Returns the ticket. */
export async function repairedComplaint(baseUrl: string, customer: { name: string; address: string; contactPerson: string; phone: string }, problem: string): Promise<{ id: string; number: string }> {
  const [sales, cs, engineer, gm] = [await apiToken(baseUrl, 'sales'), await apiToken(baseUrl, 'cs_agent'), await apiToken(baseUrl, 'engineer'), await apiToken(baseUrl, 'gm')];
  const c = await apiCall<{ id: string }>(baseUrl, 'POST', '/customers', customer, sales);
  if (c.status !== 201) throw new Error(`customer: ${c.status} ${JSON.stringify(c.data)}`);
  const tk = await apiCall<{ id: string; number: string }>(baseUrl, 'POST', '/tickets', { customerId: c.data.id, kind: 'complaint', problem }, cs);
  if (tk.status !== 201) throw new Error(`ticket: ${tk.status} ${JSON.stringify(tk.data)}`);
  const open = async () => (await apiCall<{ items: { id: string }[] }>(baseUrl, 'GET', `/tasks?status=open&mine=false&caseId=${tk.data.id}`, undefined, gm)).data.items[0].id;
  for (const [body, token] of [[{ form: { cause: '线路故障', resolution: '已修复', qualityComplaint: false } }, engineer], [{ outcome: 'satisfied', form: { customerOpinion: '很满意' } }, cs]] as const) {
    const r = await apiCall(baseUrl, 'POST', `/tasks/${await open()}/complete`, body, token);
    if (r.status !== 200) throw new Error(`complete: ${r.status} ${JSON.stringify(r.data)}`);
  }
  return tk.data;
}
