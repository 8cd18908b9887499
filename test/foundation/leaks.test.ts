// The route-walking leak test (issue 11 §1): a fixture with every form filled, each carrying
// a unique marker; then every GET route of the OpenAPI document, as every demo role, with its
// path parameters filled from the fixture. No response may carry a marker of a form the role
// may not read by the copy lists of the definition. Also: every authenticated route declares
// its policy (src/policies), so a new route cannot bypass them.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION, ROLES, type Role } from '../../src/domain/roles.js';
import { routesWithoutPolicy } from '../../src/policies/hook.js';
import { testApp, type TestApp } from '../support/app.js';
import { SURVEY, complete, createCustomer, receiveAllPurchases, unique } from '../support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

/** marker → the forms that hold it (a reader of any of them may see it) */
const MARKERS: Record<string, string[]> = {
  'LEAK-DC-1101': ['survey'],
  'LEAK-JD-2202': ['tech_assessment'], '2202017': ['tech_assessment'],
  'LEAK-FA-3303': ['proposal'],
  'LEAK-KX-4404': ['feasibility'], '7303019': ['feasibility'],
  'LEAK-HT-5505': ['contract'], '5505029': ['contract'],
  'LEAK-ZJ-6606': ['installation_order'],
  'LEAK-TS-7707': ['complaint_record', 'problem_feedback'], 'LEAK-TS-7708': ['complaint_record', 'problem_feedback'],
  'LEAK-TS-7709': ['complaint_record', 'problem_feedback'], 'LEAK-TS-7710': ['complaint_record'],
  'LEAK-FU-9909': ['complaint_record', 'problem_feedback'],
  'LEAKFK8808': ['problem_feedback'],
  'LEAK-HF-1313': ['revisit'],
  'LEAK-FB-1414': ['feedback_report'],
};

interface Fixture { dealId: string; customerId: string; customerName: string; complaintId: string; inquiryId: string; documentIds: string[]; partnerId: string; ratingUrl: string; feedbackReportId: string }

async function buildFixture(): Promise<Fixture> {
  const sales = await t.login('sales');
  const customer = await createCustomer(t, sales);
  const created = await t.call('POST', '/deals', { token: sales, body: { customerId: customer.id, survey: { ...SURVEY, remarks: 'LEAK-DC-1101' } } });
  expect(created.status, created.text).toBe(201);
  const dealId = created.body.id as string;
  const engineerId = (await t.call('GET', '/users?role=engineer', { token: await t.login('tech_manager') })).body.items[0].id;
  await complete(t, dealId, 'sales', { outcome: 'develop', form: { customerType: '中型企业' } });
  await complete(t, dealId, 'engineer', { form: { implementationDetails: 'LEAK-JD-2202', equipment: [{ brand: 'Cisco', model: 'SPA8000', quantity: 1, unitPriceFen: 2_202_017 }], estimatedDurationDays: 3 } });
  await complete(t, dealId, 'sales', { form: { content: 'LEAK-FA-3303', investmentFen: 600_000, monthlyGrossProfitFen: 150_000 } });
  await complete(t, dealId, 'sales_manager', { outcome: 'approve', form: { feasibility: { operatingMode: 'LEAK-KX-4404', equipmentInvestmentFen: 7_303_019, avgMonthlyGrossProfitFen: 150_000, maxFluctuationPct: 20 } } });
  await complete(t, dealId, 'gm', { outcome: 'approve', form: {} });
  await complete(t, dealId, 'sales', { form: {} });
  await complete(t, dealId, 'sales', { outcome: 'signed', form: { paymentModel: 'installment', amountFen: 5_505_029, concessions: 'LEAK-HT-5505' } });
  await complete(t, dealId, 'admin_clerk', { form: {} });
  await receiveAllPurchases(t, dealId);
  await complete(t, dealId, 'admin_clerk', { form: {} });
  await complete(t, dealId, 'tech_manager', { form: { engineerIds: [engineerId], scheduledAt: '2026-03-10T09:00:00+08:00' } });
  const serial = unique('SN-LEAK-');
  await complete(t, dealId, 'engineer', { form: { devices: [{ brandModel: 'Cisco SPA8000', serialNumber: serial, configDocNumber: unique('CFG-') }], remarks: 'LEAK-ZJ-6606' } });

  const cs = await t.login('cs_agent');
  const complaint = await t.call('POST', '/tickets', { token: cs, body: { customerId: customer.id, kind: 'complaint', problem: '外线打不出去' } });
  expect(complaint.status, complaint.text).toBe(201);
  await complete(t, complaint.body.id, 'engineer', {
    form: {
      cause: 'LEAK-TS-7707', resolution: 'LEAK-TS-7708', qualityComplaint: true, techRemarks: 'LEAK-TS-7709',
      replacements: [{ oldSerialNumber: serial, newBrandModel: 'Cisco SPA8000', newSerialNumber: unique('SN-NEW-') }],
      customerSignature: 'data:image/png;base64,LEAKFK8808AAAA',
    },
  });
  await complete(t, complaint.body.id, 'cs_agent', { outcome: 'satisfied', form: { customerOpinion: 'LEAK-FU-9909', csRemarks: 'LEAK-TS-7710' } });
  const inquiry = await t.call('POST', '/tickets', { token: cs, body: { customerId: customer.id, kind: 'inquiry', problem: '如何转接' } });
  await complete(t, inquiry.body.id, 'engineer', { form: { answer: '按 * 键转接' } });

  // the standard customer's first revisit opens 30 days after installation
  const now = new Date((await t.call('GET', '/health')).body.now as string);
  await t.setClock(new Date(now.getTime() + 32 * 86_400_000).toISOString());
  await complete(t, customer.id, 'cs_agent', { form: { opinion: 'LEAK-HF-1313', problemFound: false } });

  const gm = await t.login('gm');
  // the week's feedback report (issue 13): the sweep opens it after the week ends, CS compiles it
  const later = new Date((await t.call('GET', '/health')).body.now as string);
  await t.setClock(new Date(later.getTime() + 8 * 86_400_000).toISOString());
  const report = (await t.call('GET', '/feedback-reports', { token: gm })).body.items[0];
  const compile = (await t.call('GET', `/tasks?status=open&caseId=${report.caseId}&mine=false`, { token: gm })).body.items[0];
  const compiled = await t.call('POST', `/tasks/${compile.id}/complete`, { token: await t.login('cs_manager'), body: { form: { summary: 'LEAK-FB-1414', keyIssues: [{ issue: 'LEAK-FB-1414' }] } } });
  expect(compiled.status, compiled.text).toBe(200);
  const docs = [
    compiled.body.document,
    ...(await t.call('GET', `/deals/${dealId}`, { token: gm })).body.documents,
    ...(await t.call('GET', `/tickets/${complaint.body.id}`, { token: gm })).body.documents,
    ...(await t.call('GET', `/customers/${customer.id}`, { token: gm })).body.documents,
  ] as { id: string; form: string }[];
  const forms = new Set(docs.map((d) => d.form));
  // every numbered document of the definition (forms with a copy list; step forms are not documents)
  expect([...forms].sort()).toEqual(Object.entries(t.ctx.processes.current().forms).filter(([, f]) => f.copies).map(([k]) => k).sort());
  let partners = (await t.call('GET', '/partners', { token: gm })).body.items as { id: string }[];
  if (!partners.length) {
    await t.call('POST', '/partners', { token: await t.login('sysadmin'), body: { name: '泄漏测试服务商', certifiedUntil: '2030-12-31' } });
    partners = (await t.call('GET', '/partners', { token: gm })).body.items;
  }
  return {
    dealId, customerId: customer.id, customerName: customer.name, complaintId: complaint.body.id, inquiryId: inquiry.body.id,
    documentIds: [...new Set(docs.map((d) => d.id))], partnerId: partners[0].id, feedbackReportId: report.caseId,
    // the complaint's rating link (public; its ticket is closed, so it answers 410)
    ratingUrl: (await t.call('GET', `/tickets/${complaint.body.id}`, { token: gm })).body.ratingUrl,
  };
}

/** Who may read a form: its copy-list departments and the GM (PROCESS §7), never the sysadmin;
 *  and the owners of the steps that work on it (`reads`: the fixture's deal has reached them). */
function readers(form: string): Role[] {
  const def = t.ctx.processes.current();
  const copies = def.forms[form].copies as string[];
  const inputs = Object.values(def.steps).filter((s) => s.reads.includes(form)).flatMap((s) => [s.role, ...s.alsoRoles]) as string[];
  return ROLES.filter((r) => r === 'gm' || (r !== 'partner_engineer' && (copies.includes(DEFAULT_ORGANISATION.roles[r].department) || inputs.includes(r))));
}

/** Path values and query variants for every GET route; a parameter not listed fails the test. */
function requestsFor(path: string, f: Fixture): string[] | undefined {
  const cases = [f.dealId, f.complaintId, f.inquiryId, f.customerId];
  const week = ['', '?week=2026-W10', '?week=2026-W11', '?week=2026-W14'];
  const byPath: Record<string, string[]> = {
    '/deals/{id}': [`/deals/${f.dealId}`],
    '/deals/{id}/purchases': [`/deals/${f.dealId}/purchases`],
    '/tickets/{id}': [`/tickets/${f.complaintId}`, `/tickets/${f.inquiryId}`],
    '/customers/{id}': [`/customers/${f.customerId}`],
    '/documents/{id}': f.documentIds.map((id) => `/documents/${id}`),
    '/documents/{id}/print': f.documentIds.map((id) => `/documents/${id}/print`),
    '/partners/{id}': [`/partners/${f.partnerId}`],
    '/ratings/{token}': [f.ratingUrl.replace('/r/', '/ratings/')],
    '/calendar/days/{date}': ['/calendar/days/2026-03-02'],
    '/audit': cases.map((id) => `/audit?caseId=${id}`),
    '/tasks': ['', '?mine=false', '?mine=false&status=done', ...cases.map((id) => `?mine=false&caseId=${id}`)].map((q) => `/tasks${q}`),
    '/documents': ['', `?customer=${encodeURIComponent(f.customerName)}`].map((q) => `/documents${q}`),
    '/documents/export.xlsx': ['', `?customer=${encodeURIComponent(f.customerName)}`].map((q) => `/documents/export.xlsx${q}`),
    '/reports/weekly': week.map((q) => `/reports/weekly${q}`),
    '/reports/weekly/print': week.map((q) => `/reports/weekly/print${q}`),
    '/reports/weekly.xlsx': week.map((q) => `/reports/weekly.xlsx${q}`),
    '/reports/partner-settlement': [`/reports/partner-settlement?partnerId=${f.partnerId}&month=2026-03`],
    '/calendar/due': ['/calendar/due?from=2026-03-02T09:00:00%2B08:00&days=1'],
    '/calendar/days': ['/calendar/days?year=2026'],
    '/assets': ['/assets?serial=SN-'],
    '/tickets': ['/tickets', `/tickets?customerId=${f.customerId}`],
    '/deals': ['/deals', '/deals?mine=true'],
    '/deals/upcoming-meetings': ['/deals/upcoming-meetings?all=true&days=90'],
    '/reports/pipeline': ['/reports/pipeline'],
    '/feedback-reports/{id}': [`/feedback-reports/${f.feedbackReportId}`],
    '/targets/{month}': ['/targets/2026-03'],
    '/reports/engineers/{subjectId}/tickets': ['repairs', 'satisfied', 'repeatFaults'].map((m) => `/reports/engineers/${f.partnerId}/tickets?measure=${m}`),
    '/notifications': ['/notifications'],
    '/process/versions/{version}': ['/process/versions/1'],
    '/cases/{caseId}/comments': cases.map((id) => `/cases/${id}/comments`),
    '/cases/{caseId}/attachments': cases.map((id) => `/cases/${id}/attachments`),
    '/attachments/{id}': ['/attachments/none'],
    '/deals/{id}/engineering': [`/deals/${f.dealId}/engineering`, `/deals/${f.dealId}/engineering?rttMs=80&jitterMs=12&lossPct=1`],
    '/calc/erlang-b': ['/calc/erlang-b?channels=8&blocking=0.01', '/calc/erlang-b?trafficErlangs=3&blocking=0.01'],
    '/calc/bandwidth': ['/calc/bandwidth?codec=g729&calls=8'],
    '/calc/emodel': ['/calc/emodel?codec=g711&oneWayDelayMs=100&lossPct=1'],
    '/calc/saving': ['/calc/saving?monthlyBillFen=800000&channels=8'],
    '/process/versions/{version}/diff': ['/process/versions/1/diff?against=1'],
    '/commissions': ['/commissions?month=2026-03'],
    '/commissions.xlsx': ['/commissions.xlsx?month=2026-03'],
    '/allowances': ['/allowances?month=2026-03'],
    '/allowances.xlsx': ['/allowances.xlsx?month=2026-03'],
    '/duty': ['/duty?month=2026-03', '/duty?month=2026-03&rota=oncall'],
    '/mailbox/replies/{replyCode}': ['/mailbox/replies/AAAAA-AAAAA-AAAAA-AAAAA'],
  };
  if (byPath[path]) return byPath[path];
  return path.includes('{') ? undefined : [path];
}

async function bodyText(r: { text: string; headers: Record<string, unknown> }, raw: Buffer): Promise<string> {
  if (!String(r.headers['content-type'] ?? '').includes('spreadsheetml')) return r.text;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
  return cells.join('\n');
}

describe('routes', () => {
  it('every authenticated route declares its policy', () => {
    expect(t.app.routePolicies.length).toBeGreaterThan(40);
    expect(routesWithoutPolicy(t.app)).toEqual([]);
  });
});

describe('the route walk: no form field outside its copy list', () => {
  it('as every role, on every GET route of the OpenAPI document', async () => {
    const f = await buildFixture();
    const spec = (await t.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const gets = Object.entries(spec.paths).filter(([, ops]) => 'get' in ops).map(([p]) => p.replace(/^\/api\/v1/, ''));
    const unfilled = gets.filter((p) => !requestsFor(p, f));
    expect(unfilled, 'GET routes whose path parameters the walk cannot fill').toEqual([]);

    const leaks: string[] = [];
    let requests = 0;
    const seen = new Map<string, Set<string>>();
    for (const role of ROLES) {
      const token = await t.login(role);
      for (const p of gets) {
        for (const url of requestsFor(p, f)!) {
          const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` } });
          requests++;
          expect(res.statusCode, `${role} GET ${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
          const text = await bodyText({ text: res.body, headers: res.headers }, res.rawPayload);
          for (const [marker, forms] of Object.entries(MARKERS)) {
            if (!text.includes(marker)) continue;
            if (!seen.has(marker)) seen.set(marker, new Set());
            seen.get(marker)!.add(role);
            if (!forms.some((form) => readers(form).includes(role))) leaks.push(`${role} GET ${url} → ${marker} (${forms.join('/')})`);
          }
        }
      }
    }
    console.log(`leak walk: ${requests} requests, ${gets.length} GET routes × ${ROLES.length} roles, ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
    // the walk did reach the markers: every one is shown to some reader
    expect([...Object.keys(MARKERS)].filter((m) => !seen.has(m))).toEqual([]);
  }, 300_000);
});
