// The feedback cycle end to end under the manual clock (issue 13): the sweep opens week 2026-W10's
// feedback report on Monday 03-09; the CS manager compiles the week's opinions (pre-filled, grouped
// by customer); the GM records findings and two adjustments (technical: 1 working day, customer
// service: 3); the technical one goes overdue and is escalated (tech manager, then the GM); the
// report closes when both are done, and the weekly summary of W10 links it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { completeAs, customerInService, openTicket, RESOLVE } from '../tickets/testing.js';

const at = (local: string) => new Date(`2026-${local}:00+08:00`).toISOString();
let t: TestApp;
let customer: { id: string; name: string };
let ticketNumber: string;

async function mine(username: string) {
  const r = await t.call('GET', '/tasks?mine=true&status=open', { token: await t.login(username) });
  return r.body.items as { id: string; step: string; caseId: string; dueAt: string; caseType: string; assigneeRole: string }[];
}
const ok = (r: { status: number; text: string }) => expect(r.status, r.text).toBe(200);

beforeAll(async () => {
  t = await testApp({ clockStart: '2026-03-02T09:00:00+08:00' });
  await t.setClock(at('03-02T09:05')); // the first sweep: the cycle begins in week 10
  ({ customer } = await customerInService(t, 'installment'));
  const cs = await t.login('cs_agent');
  const engineer = await t.login('engineer');
  await t.setClock(at('03-03T10:00'));
  const ticket = await openTicket(t, customer.id, 'complaint', '外线时通时断');
  ticketNumber = ticket.number;
  const open = async () => (await t.call('GET', `/tasks?status=open&caseId=${ticket.id}&mine=false`, { token: await t.login('gm') })).body.items[0].id as string;
  ok(await completeAs(t, await open(), engineer, { form: RESOLVE }));
  ok(await completeAs(t, await open(), cs, { outcome: 'unsatisfied', form: { customerOpinion: '还是断线' } }));
  ok(await completeAs(t, await open(), engineer, { form: RESOLVE }));
  ok(await completeAs(t, await open(), cs, { outcome: 'satisfied', form: { customerOpinion: '已经好了' } }));
});
afterAll(async () => t?.close());

describe('the feedback cycle (issue 13)', () => {
  let reportId: string;

  it('the sweep opens the week\'s report once, its compile step with the CS manager due a working day after the week', async () => {
    expect((await t.call('GET', '/feedback-reports', { token: await t.login('gm') })).body.items).toEqual([]);
    await t.setClock(at('03-09T08:00'));
    await t.setClock(at('03-09T08:30'));
    const list = (await t.call('GET', '/feedback-reports', { token: await t.login('gm') })).body.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ number: 'FR-2026-W10', period: '2026-W10', state: 'compile', from: at('03-02T00:00'), to: at('03-09T00:00') });
    reportId = list[0].caseId;
    const compile = (await mine('cs_manager')).find((x) => x.caseId === reportId);
    expect(compile).toMatchObject({ step: 'compile', caseType: 'feedback', dueAt: at('03-09T18:00') });
    // the weekly summary of week 10 links it
    const weekly = await t.call('GET', '/reports/weekly?week=2026-W10', { token: await t.login('gm') });
    expect(weekly.body.feedbackReport).toEqual({ caseId: reportId, number: 'FR-2026-W10', state: 'compile' });
  });

  it('pre-fills the week\'s opinions grouped by customer and tagged; the CS manager compiles, the GM orders two adjustments', async () => {
    const gm = await t.login('gm');
    const report = (await t.call('GET', `/feedback-reports/${reportId}`, { token: gm })).body;
    const mineGroup = report.opinions.find((g: { customerId: string }) => g.customerId === customer.id);
    expect(mineGroup.items.map((i: { tag: string; text: string; ticketNumber: string }) => [i.tag, i.text, i.ticketNumber])).toEqual([
      ['complaint', '外线时通时断', ticketNumber], ['unsatisfied', '还是断线', ticketNumber], ['satisfied', '已经好了', ticketNumber],
    ]);
    await t.setClock(at('03-09T09:30'));
    const csManager = await t.login('cs_manager');
    const compile = (await mine('cs_manager')).find((x) => x.caseId === reportId)!;
    const done = await completeAs(t, compile.id, csManager, { form: { summary: '本周一起投诉返修一次后解决', keyIssues: [{ customerName: customer.name, issue: '首次维修未解决断线' }] } });
    expect(done.status, done.text).toBe(200);
    expect(done.body.document.number).toMatch(/^FB-2026-\d{6}$/);
    expect(done.body.document.fields.opinions).toHaveLength(3);
    expect(done.body.next[0]).toMatchObject({ step: 'gm_review', assigneeRole: 'gm', dueAt: at('03-11T09:30') });

    await t.setClock(at('03-09T10:00'));
    const review = (await mine('gm')).find((x) => x.caseId === reportId)!;
    const reviewed = await completeAs(t, review.id, gm, {
      form: {
        findings: '首次维修成功率不足',
        adjustments: [
          { department: 'technical', what: '维修前先远程检查网关配置', dueDays: 1 },
          { department: 'customer_service', what: '不满意回访当天转技术经理', dueDays: 3 },
        ],
      },
    });
    expect(reviewed.status, reviewed.text).toBe(200);
    expect(reviewed.body.next.map((n: { step: string; assigneeRole: string; dueAt: string }) => [n.step, n.assigneeRole, n.dueAt])).toEqual([
      ['adjustment', 'tech_manager', at('03-10T10:00')], ['adjustment', 'cs_manager', at('03-12T10:00')],
    ]);
    expect((await mine('tech_manager')).filter((x) => x.caseId === reportId).map((x) => x.step)).toEqual(['adjustment']);
  });

  it('escalates an overdue adjustment like any task, and closes the report when both are done', async () => {
    await t.setClock(at('03-10T11:00'));
    const techNotes = (await t.call('GET', '/notifications', { token: await t.login('tech_manager') })).body.items;
    const adjustment = (await mine('tech_manager')).find((x) => x.caseId === reportId)!;
    expect(techNotes.some((n: { kind: string; taskId: string }) => n.kind === 'overdue' && n.taskId === adjustment.id)).toBe(true);
    await t.setClock(at('03-10T15:30')); // half a working day later: the GM hears of it
    const gmNotes = (await t.call('GET', '/notifications', { token: await t.login('gm') })).body.items;
    expect(gmNotes.some((n: { taskId: string }) => n.taskId === adjustment.id)).toBe(true);
    let report = (await t.call('GET', `/feedback-reports/${reportId}`, { token: await t.login('gm') })).body;
    expect(report.adjustments.map((a: { department: string; escalationLevel: number; task: { overdue: boolean } }) => [a.department, a.escalationLevel, a.task.overdue])).toEqual([
      ['technical', 2, true], ['customer_service', 0, false],
    ]);

    const cs = (await mine('cs_manager')).find((x) => x.caseId === reportId)!;
    ok(await completeAs(t, cs.id, await t.login('cs_manager'), { form: { note: '已通知全体客服' } }));
    report = (await t.call('GET', `/feedback-reports/${reportId}`, { token: await t.login('gm') })).body;
    expect(report.state).toBe('adjustment');
    expect(report.closedAt).toBeNull();

    await t.setClock(at('03-10T16:00'));
    ok(await completeAs(t, adjustment.id, await t.login('tech_manager'), { form: { note: '已培训工程师远程检查' }, specialReason: undefined }));
    report = (await t.call('GET', `/feedback-reports/${reportId}`, { token: await t.login('gm') })).body;
    expect(report).toMatchObject({ state: 'closed', closedAt: at('03-10T16:00') });
    expect(report.compile.summary).toBe('本周一起投诉返修一次后解决');
    expect(report.review.findings).toBe('首次维修成功率不足');
    expect(report.adjustments.map((a: { what: string; note: string; task: { status: string } }) => [a.what, a.note, a.task.status])).toEqual([
      ['维修前先远程检查网关配置', '已培训工程师远程检查', 'done'], ['不满意回访当天转技术经理', '已通知全体客服', 'done'],
    ]);
    // a week later the next report opens; the closed one is not reopened
    await t.setClock(at('03-16T09:00'));
    const list = (await t.call('GET', '/feedback-reports', { token: await t.login('gm') })).body.items;
    expect(list.map((r: { number: string; state: string }) => [r.number, r.state])).toEqual([['FR-2026-W11', 'compile'], ['FR-2026-W10', 'closed']]);
  });

  it('is for the managers', async () => {
    expect((await t.call('GET', `/feedback-reports/${reportId}`, { token: await t.login('engineer') })).status).toBe(403);
    expect((await t.call('GET', '/feedback-reports/none', { token: await t.login('gm') })).status).toBe(404);
  });
});
