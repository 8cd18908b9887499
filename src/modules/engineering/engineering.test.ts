// Pre-sales engineering over HTTP (issue 17): the four calculators, a deal's sizing for the
// survey's and the assessment's readers, and the figures flowing into forms 2, FA and 3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { ASSESSMENT, FEASIBILITY, SURVEY, complete, createDeal } from '../../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const get = async (url: string, username = 'engineer') => t.call('GET', url, { token: await t.login(username) });
const paths = (r: { body: { error?: { details?: { path: string }[] } } }) => (r.body.error?.details ?? []).map((d) => d.path);

/** the browser journey's customer: 20 Mbps at 40 % use, 48 extensions, 8 trunks, 8 000 元 long distance a month */
const JOURNEY_SURVEY = { ...SURVEY, bandwidthMbps: 20, utilisationPct: 40, extensions: 48, trunkLines: 8, monthlyLdBillFen: 800_000, ldDiscountPct: 0 };

describe('the calculators', () => {
  it('Erlang B in its three directions', async () => {
    let r = await get('/calc/erlang-b?channels=10&blocking=0.01');
    expect(r.status).toBe(200);
    expect(r.body.solvedFor).toBe('trafficErlangs');
    expect(Number(r.body.trafficErlangs.toPrecision(4))).toBe(4.461);
    r = await get('/calc/erlang-b?trafficErlangs=3.03&blocking=0.01');
    expect(r.body).toMatchObject({ channels: 8, solvedFor: 'channels' });
    expect(r.body.blocking).toBeLessThanOrEqual(0.01);
    r = await get('/calc/erlang-b?channels=8&trafficErlangs=3.128');
    expect(r.body.blocking).toBeCloseTo(0.01, 4);
  });

  it('bandwidth per call and in total', async () => {
    expect((await get('/calc/bandwidth?codec=g711&packetMs=20&calls=8&layer=ethernet')).body).toEqual({ perCallKbps: 87.2, totalKbps: 697.6 });
    expect((await get('/calc/bandwidth?codec=g729')).body).toEqual({ perCallKbps: 24, totalKbps: 24 });
    expect((await get('/calc/bandwidth?codec=g711&vad=true')).body.perCallKbps).toBe(48);
  });

  it('the E-model: R = 93.2 with the defaults, falling with delay and loss', async () => {
    expect((await get('/calc/emodel?codec=g711')).body).toEqual({ R: 93.2, mos: 4.41, rating: 'best' });
    const slow = (await get('/calc/emodel?codec=g729&oneWayDelayMs=250&lossPct=2&burstR=2')).body;
    expect(slow.R).toBeLessThan(70);
    expect(['low', 'poor']).toContain(slow.rating);
  });

  it('the saving at the tariffs of the process settings', async () => {
    const r = await get('/calc/saving?monthlyBillFen=600000&channels=4', 'sales');
    expect(r.body).toEqual({ monthlyMinutes: 20_000, busyHourErlangs: 2.273, currentMonthlyFen: 600_000, voipMonthlyFen: 220_000, monthlySavingFen: 380_000 });
  });

  it('refuses nonsense with a 400 naming the field', async () => {
    for (const [url, field] of [
      ['/calc/erlang-b?trafficErlangs=-1&blocking=0.01', 'trafficErlangs'],
      ['/calc/erlang-b?trafficErlangs=5&blocking=1', 'blocking'],
      ['/calc/erlang-b?trafficErlangs=5&blocking=1.5', 'blocking'],
      ['/calc/erlang-b?channels=2.5&blocking=0.01', 'channels'],
      ['/calc/erlang-b?blocking=0.01', 'channels'],
      ['/calc/erlang-b?channels=3&trafficErlangs=2&blocking=0.01', 'channels'],
      ['/calc/erlang-b?channels=abc&blocking=0.01', 'channels'],
      ['/calc/bandwidth?codec=g723', 'codec'],
      ['/calc/bandwidth?codec=g711&packetMs=25', 'packetMs'],
      ['/calc/bandwidth?codec=g711&calls=-2', 'calls'],
      ['/calc/emodel?codec=ilbc', 'codec'],
      ['/calc/emodel?codec=g711&oneWayDelayMs=-5', 'oneWayDelayMs'],
      ['/calc/emodel?codec=g711&lossPct=120', 'lossPct'],
      ['/calc/emodel?codec=g711&burstR=0.5', 'burstR'],
      ['/calc/saving?monthlyBillFen=-1', 'monthlyBillFen'],
    ] as const) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(paths(r).join(' '), url).toContain(field);
    }
  });

  it('are for staff: a partner engineer gets 404', async () => {
    expect((await get('/calc/emodel?codec=g711', 'partner_engineer')).status).toBe(404);
  });
});

describe('a deal\'s sizing', () => {
  it('sizes the survey: traffic, channels at 1 %, trunk blocking, ports, bandwidth per codec, MOS, saving', async () => {
    const { deal } = await createDeal(t, JOURNEY_SURVEY);
    const r = await get(`/deals/${deal.id}/engineering`, 'sales');
    expect(r.status).toBe(200);
    const e = r.body;
    expect(e.traffic).toEqual({ monthlyMinutes: 26_667, busyHourErlangs: 3.03 });
    expect(e.trunks).toMatchObject({ targetBlocking: 0.01, channels: 8, trunkLines: 8, gatewayPorts: 8, cappedByExtensions: false });
    expect(e.trunks.trunkBlocking).toBeCloseTo(0.0085, 4);
    expect(e.spareKbps).toBe(12_000);
    expect(e.codecs.map((c: { codec: string; status: string }) => `${c.codec}:${c.status}`)).toEqual(['g711:green', 'g729:green', 'g722:green', 'opus:green']);
    expect(e.suggestedCodec).toBe('g711');
    expect(e.saving).toEqual({ currentMonthlyFen: 800_000, voipMonthlyFen: 306_667, monthlySavingFen: 493_333 });
    expect(e.network.measured).toBe(false);
    expect(e.withheld).toBe(false);
  });

  it('updates the expected quality from a measured round trip, jitter and loss', async () => {
    const { deal } = await createDeal(t, JOURNEY_SURVEY);
    const assumed = (await get(`/deals/${deal.id}/engineering`)).body;
    const bad = (await get(`/deals/${deal.id}/engineering?rttMs=300&jitterMs=40&lossPct=3`)).body;
    expect(bad.network).toEqual({ rttMs: 300, jitterMs: 40, lossPct: 3, burstR: 1, measured: true });
    expect(bad.codecs[0].R).toBeLessThan(assumed.codecs[0].R);
    expect((await get(`/deals/${deal.id}/engineering?rttMs=-1`)).status).toBe(400);
  });

  it('an engineer (assessment reader) sees the sizing without the money; the sysadmin is refused; a partner gets 404', async () => {
    const { deal } = await createDeal(t, JOURNEY_SURVEY);
    const e = (await get(`/deals/${deal.id}/engineering`, 'engineer')).body;
    expect(e.trunks.channels).toBe(8);
    expect(e).toMatchObject({ withheld: true, saving: null, traffic: { monthlyMinutes: null }, settings: { tariffs: null }, suggestions: { proposal: null } });
    expect(e.survey.monthlyLdBillFen).toBeNull();
    expect((await get(`/deals/${deal.id}/engineering`, 'sysadmin')).status).toBe(403);
    expect((await get(`/deals/${deal.id}/engineering`, 'partner_engineer')).status).toBe(404);
    expect((await get('/deals/no-such-deal/engineering', 'sales')).status).toBe(404);
  });
});

describe('the figures flow into the forms', () => {
  async function dealWithAssessment(assessment: Record<string, unknown> = ASSESSMENT) {
    const { deal } = await createDeal(t, JOURNEY_SURVEY);
    await complete(t, deal.id, 'sales', { outcome: 'develop', form: { customerType: '中型企业' } });
    await complete(t, deal.id, 'engineer', { form: assessment });
    return deal.id as string;
  }
  const doc = async (dealId: string, form: string) => ((await get(`/deals/${dealId}`, 'gm')).body.documents as { form: string; fields: Record<string, unknown>; id: string }[]).filter((d) => d.form === form).at(-1)!;

  it('the assessment (JD) stores the sizing block with the suggested codec and the measurement, and prints it', async () => {
    const id = await dealWithAssessment({ ...ASSESSMENT, measuredRttMs: 40, measuredJitterMs: 5, measuredLossPct: 0.2 });
    const jd = await doc(id, 'tech_assessment');
    expect(jd.fields).toMatchObject({ codec: 'g711', busyHourErlangs: 3.03, suggestedChannels: 8, gatewayPorts: 8, requiredKbps: 697.6, spareKbps: 12_000, bandwidthStatus: 'green', qualityRating: 'best' });
    expect(jd.fields.trunkBlockingPct).toBeCloseTo(0.85, 2);
    expect(jd.fields.expectedMos).toBeGreaterThan(4.3);
    const print = await get(`/documents/${jd.id}/print`, 'engineer');
    expect(print.status).toBe(200);
    expect(print.text).toContain('VoIP 容量规划');
    expect(print.text).toContain('建议通道数');
    expect(print.text).toContain('充足');
  });

  it('an engineer\'s own codec is kept and recorded as an overwrite of the suggestion', async () => {
    const id = await dealWithAssessment({ ...ASSESSMENT, codec: 'g729' });
    const jd = await doc(id, 'tech_assessment');
    expect(jd.fields).toMatchObject({ codec: 'g729', requiredKbps: 249.6 });
    const history = (await get(`/deals/${id}`, 'gm')).body.history as { action: string; after?: { defaults?: unknown } }[];
    const done = history.filter((h) => h.action === 'task.complete').at(-1)!;
    expect(done.after!.defaults).toEqual({ applied: {}, overridden: { codec: { suggested: 'g711', entered: 'g729' } } });
  });

  it('the proposal takes investment and VoIP cost as defaults, shows the saving and the sizing; an overwrite is recorded', async () => {
    const id = await dealWithAssessment();
    await complete(t, id, 'sales', { form: { content: 'VoIP 分流方案', monthlyGrossProfitFen: 150_000 } });
    const fa = await doc(id, 'proposal');
    // ASSESSMENT's equipment: 2 × 1 800 元 + 10 × 250 元
    expect(fa.fields).toMatchObject({
      investmentFen: 610_000, proposedMonthlyCostFen: 306_667, currentMonthlyLdBillFen: 800_000, monthlySavingFen: 493_333,
      suggestedChannels: 8, codec: 'g711', gatewayPorts: 8,
    });
    const history = (await get(`/deals/${id}`, 'sales')).body.history as { action: string; after?: { defaults?: unknown } }[];
    expect(history.filter((h) => h.action === 'task.complete').at(-1)!.after!.defaults).toEqual({ applied: { investmentFen: 610_000, proposedMonthlyCostFen: 306_667 }, overridden: {} });
    const print = await get(`/documents/${fa.id}/print`, 'sales');
    expect(print.text).toContain('VoIP 容量规划');

    // revise, then the salesperson overwrites both: recorded with the suggestion, and hidden from the engineer
    await complete(t, id, 'sales_manager', { outcome: 'revise', form: { comments: '节省再核实' } });
    await complete(t, id, 'sales', { form: { content: 'VoIP 分流方案（修订）', monthlyGrossProfitFen: 150_000, investmentFen: 500_000, proposedMonthlyCostFen: 400_000 } });
    const revised = await doc(id, 'proposal');
    expect(revised.fields).toMatchObject({ investmentFen: 500_000, proposedMonthlyCostFen: 400_000, monthlySavingFen: 400_000 });
    const after = (await get(`/deals/${id}`, 'sales')).body.history.filter((h: { action: string }) => h.action === 'task.complete').at(-1);
    expect(after.after.defaults.overridden).toEqual({ investmentFen: { suggested: 610_000, entered: 500_000 }, proposedMonthlyCostFen: { suggested: 306_667, entered: 400_000 } });
    const seenByEngineer = (await get(`/deals/${id}`, 'engineer')).body.history.filter((h: { action: string }) => h.action === 'task.complete').at(-1);
    expect(seenByEngineer.withheld).toBe(true);
    expect(seenByEngineer.after.defaults).toBeUndefined();

    // the feasibility report shows the saving next to the payback
    await complete(t, id, 'sales_manager', { outcome: 'approve', form: { feasibility: FEASIBILITY } });
    const kx = await doc(id, 'feasibility');
    expect(kx.fields).toMatchObject({ paybackMonths: 4, monthlySavingFen: 400_000, savingPaybackMonths: 1.5 });
    const kxPrint = await get(`/documents/${kx.id}/print`, 'sales_manager');
    expect(kxPrint.text).toContain('客户每月节省');
  });
});
