// The weekly summary (周总结会) against a hand-counted fixture. Week 2026-W10 is
// Monday 2026-03-02 00:00 – Monday 2026-03-09 00:00 Asia/Shanghai.
//
// Customers: A (standard) and B (VIP), both in service since 02-16 (W08).
// | ticket | customer | kind      | opened      | what happens                                            | W10 verdict |
// | T0     | A        | complaint | 02-27 (W09) | repaired 03-03 long after its deadline, closed 03-03   | breach: engineer (resolve) |
// | T1     | A        | complaint | 03-02       | repaired and closed the same day, satisfied, opinion   | on time |
// | T2     | B        | inquiry   | 03-02       | answered in 2 h                                        | on time |
// | T6     | B        | inquiry   | 03-02       | left open until 03-09 (W11)                            | overdue open at week end |
// | T3     | B        | complaint | 03-03       | partner repairs late, unsatisfied (opinion), repairs again, satisfied 03-05 10:00 after the 09:00 deadline | breach: partner (resolve) |
// | T4     | A        | complaint | 03-04       | repaired late with a special reason, satisfied         | excused |
// | T5     | A        | complaint | 03-06 10:00 | still open, due 03-10 10:00 (16 working hours)          | open, not overdue |
// | T7     | A        | inquiry   | 03-09 (W11) | answered at once                                        | (W11) |
// Follow-up calls in W10: T1 ✓ (opinion), T0 ✓ (opinion), T3 ✗ (opinion), T3 ✓, T4 ✓ → 5 calls, 4 satisfied, 80 %.
// Revisits: B's 14-day revisit opens 03-02 and is made 03-05 with an opinion (no problem).
// Deals: D1 signed 03-05 (¥5,000.00), D2 lost 03-06 to 中国电信; A's and B's contracts were signed in W08.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { complete, dealAt } from '../../../test/support/factories.js';
import { completeAs, customerInService, openTask, openTicket, RESOLVE } from '../tickets/testing.js';

const at = (local: string) => new Date(`2026-${local}:00+08:00`).toISOString();

let t: TestApp;
let gm: string;
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};
let engineerId: string;
let partnerId: string;

beforeAll(async () => {
  t = await testApp({ clockStart: '2026-02-16T09:00:00+08:00' });
  gm = await t.login('gm');
  const [cs, engineer, csManager, techManager, partnerEngineer] = [
    await t.login('cs_agent'), await t.login('engineer'), await t.login('cs_manager'), await t.login('tech_manager'), await t.login('partner_engineer'),
  ];
  engineerId = (await t.call('GET', '/auth/me', { token: engineer })).body.user.id;
  partnerId = (await t.call('GET', '/auth/me', { token: partnerEngineer })).body.user.partnerId;
  const A = await customerInService(t, 'installment');
  const B = await customerInService(t, 'one_time');
  const D1 = await dealAt(t, 'negotiation');
  const D2 = await dealAt(t, 'negotiation');
  ids.D1 = D1.deal.id;
  ids.D2 = D2.deal.id;

  const open = async (key: string, customerId: string, kind: 'inquiry' | 'complaint', problem: string) => {
    const r = await openTicket(t, customerId, kind, problem);
    ids[key] = r.id;
    numbers[key] = r.number;
    return r;
  };
  const task = async (key: string) => (await openTask(t, ids[key]))!.id;
  const ok = async (p: Promise<{ status: number; text: string }>) => {
    const r = await p;
    if (r.status !== 200) throw new Error(`${r.status} ${r.text}`);
  };
  const clock = (local: string) => t.setClock(at(local));

  await clock('02-27T10:00');
  await open('T0', A.customer.id, 'complaint', '外线时通时断');
  await clock('03-02T10:00');
  await open('T1', A.customer.id, 'complaint', '分机无法转接');
  await open('T2', B.customer.id, 'inquiry', '如何开通来电显示');
  await clock('03-02T10:30');
  await open('T6', B.customer.id, 'inquiry', '话单如何导出');
  await clock('03-02T11:00');
  await ok(completeAs(t, await task('T1'), engineer, { form: RESOLVE }));
  await clock('03-02T12:00');
  await ok(completeAs(t, await task('T2'), engineer, { form: { answer: '已远程开通' } }));
  await clock('03-02T14:00');
  await ok(completeAs(t, await task('T1'), cs, { outcome: 'satisfied', form: { customerOpinion: '很满意' } }));
  await clock('03-03T09:00');
  await open('T3', B.customer.id, 'complaint', '通话有杂音');
  await ok(t.call('POST', `/tasks/${await task('T3')}/assign`, { token: techManager, body: { partnerId } }));
  await clock('03-03T10:00');
  await ok(completeAs(t, await task('T0'), engineer, { form: RESOLVE }));
  await clock('03-03T11:00');
  await ok(completeAs(t, await task('T0'), cs, { outcome: 'satisfied', form: { customerOpinion: '修得太慢' } }));
  await clock('03-04T09:00');
  await open('T4', A.customer.id, 'complaint', '传真发不出去');
  await clock('03-04T12:00');
  await ok(completeAs(t, await task('T3'), partnerEngineer, { form: RESOLVE }));
  await clock('03-04T13:00');
  await ok(completeAs(t, await task('T3'), cs, { outcome: 'unsatisfied', form: { customerOpinion: '仍有杂音' } }));
  await clock('03-04T15:00');
  await ok(completeAs(t, await task('T3'), partnerEngineer, { form: { ...RESOLVE, cause: '线路老化' } }));
  await clock('03-05T10:00');
  await ok(completeAs(t, await task('T3'), cs, { outcome: 'satisfied', form: {} }));
  await clock('03-05T15:00');
  const revisit = (await t.call('GET', `/tasks?mine=false&status=open&step=revisit&caseId=${B.customer.id}`, { token: gm })).body.items[0];
  await ok(completeAs(t, revisit.id, cs, { form: { opinion: '希望增加来电显示', problemFound: false } }));
  await clock('03-05T16:00');
  await complete(t, ids.D1, 'sales', { outcome: 'signed', form: { paymentModel: 'installment', amountFen: 500_000 } });
  await clock('03-06T10:00');
  await ok(completeAs(t, await task('T4'), engineer, { form: RESOLVE, specialReason: '等待厂家配件' }));
  await open('T5', A.customer.id, 'complaint', '语音信箱无法收听');
  await clock('03-06T11:00');
  await ok(completeAs(t, await task('T4'), cs, { outcome: 'satisfied', form: {} }));
  await clock('03-06T16:00');
  await complete(t, ids.D2, 'sales', { outcome: 'lost', form: { reason: '价格高于竞争对手', competitor: '中国电信' } });
  // week 11
  await clock('03-09T10:00');
  await open('T7', A.customer.id, 'inquiry', '能否加一条中继线');
  await ok(completeAs(t, await task('T7'), engineer, { form: { answer: '可以，业务员联系您' } }));
  await ok(completeAs(t, await task('T6'), engineer, { form: { answer: '在客户门户导出' } }));
  void csManager;
});
afterAll(async () => { await t?.close(); });

describe('weekly summary numbers', () => {
  it('counts week 10 as hand-counted', async () => {
    const r = await t.call('GET', '/reports/weekly?week=2026-W10', { token: gm });
    expect(r.status).toBe(200);
    const s = r.body;
    expect(s).toMatchObject({ week: '2026-W10', from: at('03-02T00:00'), to: at('03-09T00:00') });
    expect(s.tickets).toEqual({
      opened: 6, openedInquiries: 2, openedComplaints: 4,
      closed: 5, closedOnTime: 2, closedLate: 3, breaches: 2, excused: 1, overdueOpen: 1,
    });
    expect(s.breaches.map((b: { number: string; owner: { kind: string; id: string; step: string } }) => [b.number, b.owner.kind, b.owner.id, b.owner.step])).toEqual([
      [numbers.T0, 'user', engineerId, 'resolve'],
      [numbers.T3, 'partner', partnerId, 'resolve'],
    ]);
    expect(s.breachesByOwner.map((o: { key: string; count: number }) => [o.key, o.count]).sort()).toEqual([[`partner:${partnerId}`, 1], [`user:${engineerId}`, 1]]);
    expect(s.excused).toEqual([{ ticketId: ids.T4, number: numbers.T4, reason: '等待厂家配件' }]);
    expect(s.overdueOpen.map((x: { number: string }) => x.number)).toEqual([numbers.T6]);
    expect(s.satisfaction).toEqual({ followUps: 5, satisfied: 4, unsatisfied: 1, rate: 0.8 });
    expect(s.revisits).toEqual({ generated: 1, done: 1, problemsFound: 0 });
    expect(s.opinions.map((o: { source: string; opinion: string; ticketNumber: string | null; satisfied: boolean | null }) => [o.source, o.opinion, o.ticketNumber, o.satisfied])).toEqual([
      ['follow_up', '很满意', numbers.T1, true],
      ['follow_up', '修得太慢', numbers.T0, true],
      ['follow_up', '仍有杂音', numbers.T3, false],
      ['revisit', '希望增加来电显示', null, null],
    ]);
    expect(s.deals).toMatchObject({ won: 1, lost: 1, wonAmountFen: 500_000 });
    // D1 was signed on Thursday 16:00: its archiving (1 working day) was due Friday 16:00 and is still open
    expect(s.overdueSteps).toEqual([{ dealId: ids.D1, number: expect.stringMatching(/^SJ-/), customerName: expect.any(String), step: 'contract_archive', assigneeRole: 'admin_clerk', assigneeName: null, dueAt: at('03-06T16:00') }]);
    expect(s.deals.items.map((d: { dealId: string; outcome: string; amountFen: number | null; reason: string | null; competitor: string | null }) => [d.dealId, d.outcome, d.amountFen, d.reason, d.competitor])).toEqual([
      [ids.D1, 'won', 500_000, null, null],
      [ids.D2, 'lost', null, '价格高于竞争对手', '中国电信'],
    ]);
  });

  it('keeps neighbouring weeks apart', async () => {
    const w11 = (await t.call('GET', '/reports/weekly?week=2026-W11', { token: gm })).body;
    expect(w11.tickets).toMatchObject({ opened: 1, closed: 2, closedOnTime: 1, breaches: 1 });
    expect(w11.breaches[0]).toMatchObject({ number: numbers.T6, owner: { id: engineerId, step: 'answer' } });
    expect(w11.deals).toMatchObject({ won: 0, lost: 0 });
    const w09 = (await t.call('GET', '/reports/weekly?week=2026-W09', { token: gm })).body;
    expect(w09.tickets).toMatchObject({ opened: 1, closed: 0, overdueOpen: 0 });
    const w08 = (await t.call('GET', '/reports/weekly?week=2026-W08', { token: gm })).body;
    expect(w08.deals).toMatchObject({ won: 2, lost: 0, wonAmountFen: 1_600_000 });
    // without a week: the current one (the clock is in W11)
    expect((await t.call('GET', '/reports/weekly', { token: gm })).body.week).toBe('2026-W11');
  });

  it('is readable by the GM and department managers only, and rejects bad weeks', async () => {
    for (const u of ['sales_manager', 'tech_manager', 'cs_manager']) {
      expect((await t.call('GET', '/reports/weekly?week=2026-W10', { token: await t.login(u) })).status, u).toBe(200);
    }
    for (const u of ['cs_agent', 'engineer', 'sales', 'admin_clerk']) {
      expect((await t.call('GET', '/reports/weekly?week=2026-W10', { token: await t.login(u) })).status, u).toBe(403);
    }
    // outsiders are not told the report exists
    expect((await t.call('GET', '/reports/weekly?week=2026-W10', { token: await t.login('partner_engineer') })).status).toBe(404);
    for (const w of ['2026-W00', '2026-W54', '2025-W53', '2026W10', '2026-10', 'x', '2026-W1']) {
      const r = await t.call('GET', `/reports/weekly?week=${w}`, { token: gm });
      expect(r.status, w).toBe(400);
      expect(r.body.error.details[0].path).toContain('week');
    }
    // 2026 (starting on a Thursday) has 53 ISO weeks
    expect((await t.call('GET', '/reports/weekly?week=2026-W53', { token: gm })).body.from).toBe(new Date('2026-12-28T00:00:00+08:00').toISOString());
    expect((await t.call('GET', '/reports/weekly.xlsx?week=2026-W99', { token: gm })).status).toBe(400);
  });
});

describe('printing and export', () => {
  it('prints the week as an A4 HTML page', async () => {
    const r = await t.call('GET', '/reports/weekly/print?week=2026-W10', { token: gm });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('text/html');
    expect(r.text).toContain('2026-W10');
    expect(r.text).toContain('size: A4');
    for (const n of [numbers.T0, numbers.T3, '修得太慢', '希望增加来电显示', '中国电信', '80.0%', '¥5,000.00']) expect(r.text).toContain(n);
    expect((await t.call('GET', '/reports/weekly/print?week=2026-W10', { token: await t.login('cs_agent') })).status).toBe(403);
  });

  it('exports the week to Excel with the same numbers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reports/weekly.xlsx?week=2026-W10', headers: { authorization: `Bearer ${gm}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('weekly-2026-W10.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '违约工单', '违约按责任人', '客户意见', '商机', '售前安装逾期']);
    const overviewSheet = wb.getWorksheet('概况')!;
    const overview = Object.fromEntries(overviewSheet.getSheetValues().slice(2).map((row) => [(row as unknown[])[1], (row as unknown[])[2]]));
    // numbers are numbers with a format, not text (issue 15 §8)
    expect(overview).toMatchObject({ 新开工单: 6, 关闭工单: 5, '违约（无特殊原因）': 2, 满意率: 0.8, 签约商机: 1, 签约金额: 5000, 丢失商机: 1 });
    const cellOf = (label: string) => overviewSheet.getColumn(1).values.indexOf(label);
    expect(overviewSheet.getRow(cellOf('满意率')).getCell(2).numFmt).toBe('0.0%');
    expect(overviewSheet.getRow(cellOf('签约金额')).getCell(2).numFmt).toBe('"¥"#,##0.00');
    const dealsSheet = wb.getWorksheet('商机')!;
    expect(dealsSheet.getRow(2).getCell(6).value).toBe(5000);
    expect(wb.getWorksheet('违约工单')!.rowCount).toBe(3);
    expect(wb.getWorksheet('客户意见')!.rowCount).toBe(5);
  });
});
