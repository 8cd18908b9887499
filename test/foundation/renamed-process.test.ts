// Issue 9: "a step renamed in the definition must keep every report and page working". An app
// runs a definition whose after-sales steps AND outcomes all have other keys (resolve →
// repair_visit, follow_up → callback, satisfied/unsatisfied → ok/not_ok); the repair loop, the
// complaint record and the weekly summary's satisfaction count work from the tags alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { DEFAULT_PROCESS } from '../../src/domain/process/default-process.js';
import type { RawProcessDefinition } from '../../src/domain/process/definition.js';
import { RESOLVE, completeAs, customerInService, openTicket } from '../../src/modules/tickets/testing.js';

const STEPS: Record<string, string> = { resolve: 'repair_visit', follow_up: 'callback' };
const OUTCOMES: Record<string, string> = { satisfied: 'ok', unsatisfied: 'not_ok' };

function renamed(): RawProcessDefinition {
  const def = structuredClone(DEFAULT_PROCESS);
  const rename = (k: string) => STEPS[k] ?? k;
  def.steps = Object.fromEntries(Object.entries(def.steps).map(([k, s]) => [rename(k), {
    ...s,
    outcomes: Object.fromEntries(Object.entries(s.outcomes).map(([o, tr]) => [OUTCOMES[o] ?? o, { ...tr, next: tr.next?.map(rename) }])),
  }]));
  for (const list of Object.values(def.starts)) list.forEach((s, i) => { list[i] = rename(s); });
  return def;
}

let t: TestApp;
beforeAll(async () => { t = await testApp({ process: renamed() }); });
afterAll(async () => { await t?.close(); });

describe('renamed after-sales steps and outcomes', () => {
  it('runs the repair loop and counts satisfaction in the weekly summary from the tags', async () => {
    const { customer } = await customerInService(t);
    const ticket = await openTicket(t, customer.id);
    expect(ticket.task.step).toBe('repair_visit');
    const [engineer, cs, gm] = [await t.login('engineer'), await t.login('cs_agent'), await t.login('gm')];

    const round1 = await completeAs(t, ticket.task.id, engineer, { form: RESOLVE });
    expect(round1.status).toBe(200);
    expect(round1.body.next).toMatchObject([{ step: 'callback' }]);
    const again = await completeAs(t, round1.body.next[0].id, cs, { outcome: 'not_ok', form: { customerOpinion: '下午又断了' } });
    expect(again.body.next).toMatchObject([{ step: 'repair_visit' }]);
    const round2 = await completeAs(t, again.body.next[0].id, engineer, { form: RESOLVE });
    const done = await completeAs(t, round2.body.next[0].id, cs, { outcome: 'ok', form: { customerOpinion: '已恢复，满意' } });
    expect(done.status).toBe(200);

    const ts = (await t.call('GET', `/tickets/${ticket.id}`, { token: gm })).body.documents.find((d: { form: string }) => d.form === 'complaint_record');
    expect(ts.fields.entries.map((e: { satisfied: boolean }) => e.satisfied)).toEqual([false, true]);

    const week = (await t.call('GET', '/reports/weekly', { token: gm })).body;
    expect(week.satisfaction).toMatchObject({ followUps: 2, satisfied: 1, unsatisfied: 1 });
    expect(week.opinions.map((o: { opinion: string; satisfied: boolean }) => [o.opinion, o.satisfied])).toEqual([['下午又断了', false], ['已恢复，满意', true]]);
  });
});
