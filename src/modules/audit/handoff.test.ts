// Issue 15 §1: the words a step leaves behind reach the next person through the case's history —
// the manager's revise comments for the salesperson, the inquiry's answer for customer service —
// labelled from the definition, and only where the reader may read the completion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { ASSESSMENT, complete, dealAt } from '../../../test/support/factories.js';
import { tryComplete } from '../installation/test-helpers.js';
import { customerInService, openTask, completeAs } from '../tickets/testing.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

type Entry = { action: string; step?: string; outcome?: string; note?: string; comments?: { field: string; label: { zh: string }; value: string }[] };

describe('hand-off words in the history', () => {
  it("shows the manager's revise comments to the salesperson who redrafts", async () => {
    const { deal } = await dealAt(t, 'approval');
    await complete(t, deal.id, 'sales_manager', { outcome: 'revise', form: { comments: '设备报价偏高，请改用国产网关重新报价' }, note: '周五前' });
    const view = await t.call('GET', `/deals/${deal.id}`, { token: await t.login('sales') });
    expect(view.status).toBe(200);
    const revise = (view.body.history as Entry[]).find((h) => h.action === 'task.complete' && h.outcome === 'revise');
    expect(revise).toMatchObject({
      step: 'manager_review', note: '周五前',
      comments: [{ field: 'comments', label: { zh: '意见' }, value: '设备报价偏高，请改用国产网关重新报价' }],
    });
    expect(view.body.tasks.find((x: { status: string }) => x.status === 'open')).toMatchObject({ step: 'proposal_draft' });
  });

  it("keeps an inquiry's answer readable by customer service after the ticket closes", async () => {
    const { customer } = await customerInService(t);
    const cs = await t.login('cs_agent');
    const ticket = (await t.call('POST', '/tickets', { token: cs, body: { customerId: customer.id, kind: 'inquiry', problem: '如何设置呼叫转移？' } })).body;
    const task = await openTask(t, ticket.id);
    expect((await completeAs(t, task!.id, await t.login('engineer'), { form: { answer: '话机上按 *72 加号码即可' } })).status).toBe(200);
    const view = await t.call('GET', `/tickets/${ticket.id}`, { token: cs });
    expect(view.body.state).toBe('closed');
    const answered = (view.body.history as Entry[]).find((h) => h.action === 'task.complete');
    expect(answered?.comments).toEqual([{ field: 'answer', label: { zh: '答复', en: 'Answer' }, value: '话机上按 *72 加号码即可' }]);
  });

  it('puts the revise comments in the notification to whoever redrafts', async () => {
    const { deal } = await dealAt(t, 'approval');
    await complete(t, deal.id, 'sales_manager', { outcome: 'revise', form: { comments: '请补充话务量测算' }, note: '本周内' });
    const inbox = (await t.call('GET', '/notifications', { token: await t.login('sales') })).body.items as { kind: string; caseId?: string; message: string }[];
    const returned = inbox.find((n) => n.kind === 'returned' && n.caseId === deal.id);
    expect(returned?.message).toContain('本周内');
    expect(returned?.message).toContain('意见：请补充话务量测算');
  });
});

describe('input checked where it is typed', () => {
  it('refuses a negative unit price with 400 naming the field', async () => {
    const { deal } = await dealAt(t, 'tech_assessment');
    const form = { ...ASSESSMENT, equipment: [{ ...ASSESSMENT.equipment[0], unitPriceFen: -500 }] };
    const r = await tryComplete(t, deal.id, 'engineer', { form });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((x: { path: string }) => x.path)).toContain('form.equipment.0.unitPriceFen');
  });
});
