// Issue 10, versions: drafts validated into the definition, published one at a time, rolled
// back as a new version, compared as Chinese sentences; running cases finish on their version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { SURVEY, dealAt, openTaskOf } from '../../../test/support/factories.js';
import { audit } from '../../db/schema.js';
import { loadProcessService } from './service.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const COMPETITOR = {
  key: 'competitor', type: 'select', required: true, label: { zh: '竞争对手', en: 'Competitor' },
  options: [{ value: 'huawei', label: { zh: '华为', en: 'Huawei' } }, { value: 'zte', label: { zh: '中兴', en: 'ZTE' } }, { value: 'other', label: { zh: '其他', en: 'Other' } }],
};

async function current(token: string) {
  return (await t.call('GET', '/process', { token })).body;
}

/** The current definition with manager review due in 2 working days and the competitor field on the survey. */
async function edited(token: string) {
  const def = await current(token);
  def.steps.manager_review.due = { ...def.steps.manager_review.due, days: 2 };
  def.forms.survey.fields.push(COMPETITOR);
  return def;
}

async function draft(token: string, definition: unknown) {
  const r = await t.call('POST', '/process/versions', { token, body: { definition } });
  expect(r.status, r.text).toBe(201);
  return r.body.version as number;
}

describe('process versions', () => {
  it('only the sysadmin and the GM may list, draft, publish and compare: 403 for the others', async () => {
    const def = await current(await t.login('sysadmin'));
    for (const who of ['sales', 'tech_manager', 'cs_agent']) {
      const token = await t.login(who);
      expect((await t.call('GET', '/process/versions', { token })).status).toBe(403);
      expect((await t.call('POST', '/process/versions', { token, body: { definition: def } })).status).toBe(403);
      expect((await t.call('POST', `/process/versions/${def.version}/publish`, { token })).status).toBe(403);
      expect((await t.call('GET', `/process/versions/${def.version}/diff`, { token })).status).toBe(403);
    }
    const list = await t.call('GET', '/process/versions', { token: await t.login('gm') });
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.find((v: { current: boolean }) => v.current)).toMatchObject({ version: def.version, status: 'published' });
  });

  it('refuses a bad draft with 400 whose details point into the definition', async () => {
    const token = await t.login('sysadmin');
    const def = await current(token);
    def.steps.manager_review.due.days = -1;
    def.steps.procurement.role = 'janitor';
    const r = await t.call('POST', '/process/versions', { token, body: { definition: def } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.error.reason).toBe('process.invalid');
    const paths = r.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('definition.steps.manager_review.due.days');
    expect(paths).toContain('definition.steps.procurement.role');
    expect((await t.call('POST', '/process/versions', { token, body: {} })).status).toBe(400);
    // validate: the same checks, nothing stored
    const check = await t.call('POST', '/process/validate', { token, body: { definition: def } });
    expect(check.status, check.text).toBe(200);
    expect(check.body.valid).toBe(false);
    expect(check.body.issues.map((i: { path: string }) => i.path)).toEqual(paths);
    expect((await t.call('POST', '/process/validate', { token, body: { definition: await current(token) } })).body).toEqual({ valid: true, issues: [] });
    expect((await t.call('POST', '/process/validate', { token: await t.login('sales'), body: { definition: def } })).status).toBe(403);
  });

  it('refuses unsafe drafts: an unreachable step, a loop with no way out, a field documents carry deleted', async () => {
    const token = await t.login('sysadmin');
    const paths = async (def: unknown) => {
      const r = await t.call('POST', '/process/versions', { token, body: { definition: def } });
      expect(r.status, r.text).toBe(400);
      return r.body.error.details.map((d: { path: string; message: string }) => `${d.path}: ${d.message}`).join('\n');
    };
    let def = await current(token);
    def.steps.site_visit = { ...def.steps.tech_assessment };
    expect(await paths(def)).toContain('definition.steps.site_visit: step site_visit is unreachable');

    def = await current(token);
    // follow-up: unsatisfied goes back to resolve, and satisfied now too: no end state any more
    def.steps.follow_up.outcomes.satisfied = { ...def.steps.follow_up.outcomes.satisfied, end: undefined, next: ['resolve'] };
    delete def.steps.follow_up.outcomes.satisfied.end;
    const loop = await paths(def);
    expect(loop).toContain('definition.steps.follow_up.outcomes: step follow_up is in a loop with no way out');
    expect(loop).toContain('definition.steps.resolve.outcomes');

    // a survey exists (documents carry customerType? the survey's fields): deleting one is refused, hiding it is fine
    await dealAt(t, 'qualify');
    def = await current(token);
    const removed = def.forms.survey.fields.find((f: { required?: boolean; computed?: string }) => !f.computed);
    def.forms.survey.fields = def.forms.survey.fields.filter((f: { key: string }) => f.key !== removed.key);
    expect(await paths(def)).toContain(`definition.forms.survey.fields: field ${removed.key} of form survey is in`);
    def = await current(token);
    def.forms.survey.fields.find((f: { key: string }) => f.key === removed.key).hidden = true;
    def.forms.survey.fields.find((f: { key: string }) => f.key === removed.key).required = false;
    await draft(token, def);
  });

  it('publishes a draft: new deals run on it, a running deal keeps its version; the diff reads as sentences; the publish is audited', async () => {
    const token = await t.login('sysadmin');
    const before = await current(token);
    const old = await dealAt(t, 'manager_review');
    const v = await draft(token, await edited(token));
    expect((await current(token)).version).toBe(before.version);
    // a draft is for its editors; a published version is for everyone (running cases render from it)
    expect((await t.call('GET', `/process/versions/${v}`, { token: await t.login('sales') })).status).toBe(404);
    expect((await t.call('GET', `/process/versions/${v}`, { token: await t.login('gm') })).body.status).toBe('draft');
    expect((await t.call('GET', `/process/versions/${before.version}`, { token: await t.login('engineer') })).status).toBe(200);

    const diff = await t.call('GET', `/process/versions/${v}/diff`, { token });
    expect(diff.status, diff.text).toBe(200);
    expect(diff.body.against).toBe(before.version);
    const texts = diff.body.changes.map((c: { text: string }) => c.text);
    expect(texts).toContain('经理审核: 截止 1 → 2 个工作日');
    expect(texts).toContain('客户通讯状况调查表: 新增字段 竞争对手');
    expect(diff.body.changes.find((c: { path: string }) => c.path === 'forms.survey.fields.competitor')).toMatchObject({ kind: 'added', after: COMPETITOR });

    const pub = await t.call('POST', `/process/versions/${v}/publish`, { token });
    expect(pub.status, pub.text).toBe(200);
    expect(pub.body).toEqual({ version: v, current: true });
    expect((await current(await t.login('sales'))).version).toBe(v);
    const list = (await t.call('GET', '/process/versions', { token })).body.items;
    expect(list.find((i: { version: number }) => i.version === v)).toMatchObject({ status: 'published', current: true, publishedBy: expect.any(String) });
    const trail = await t.ctx.db.select().from(audit).where(eq(audit.entity, 'process'));
    expect(trail.find((a) => a.action === 'process.publish' && a.entityId === String(v))).toMatchObject({ actorId: list[0].publishedBy });

    // a new deal needs the field and is due 2 working days at manager review; the old one keeps 1
    const sales = await t.login('sales');
    const customerId = (await t.call('POST', '/customers', { token: sales, body: { name: '新版本客户', address: '上海', contactPerson: '王', phone: '13800000000' } })).body.id;
    const missing = await t.call('POST', '/deals', { token: sales, body: { customerId, survey: SURVEY } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.error.details)).toContain('competitor');
    const fresh = await dealAt(t, 'manager_review', 'one_time', { ...SURVEY, competitor: 'huawei' });
    expect(fresh.deal.definitionVersion).toBe(v);
    const gm = await t.login('gm');
    const freshTask = await openTaskOf(t, fresh.deal.id, gm);
    const oldTask = await openTaskOf(t, old.deal.id, gm);
    expect(old.deal.definitionVersion).toBe(before.version);
    const hours = (task: { dueAt: string }, at: string) => (Date.parse(task.dueAt) - Date.parse(at)) / 3600_000;
    const now = (await t.call('GET', '/health')).body.now;
    // the manual clock stands still: 1 working day from 09:00 Monday closes 18:00 Monday, 2 close 18:00 Tuesday
    expect(hours(oldTask, now)).toBe(9);
    expect(hours(freshTask, now)).toBe(33);
  });

  it('two publishes at once, or a draft from an outdated version: one 200, one 409; rollback publishes an older version as a new one', async () => {
    const token = await t.login('sysadmin');
    const gm = await t.login('gm');
    const base = await current(token);
    const a = structuredClone(base); a.secondMeetingAfterDays = 4;
    const b = structuredClone(base); b.secondMeetingAfterDays = 5;
    const va = await draft(token, a);
    const vb = await draft(gm, b);
    const [ra, rb] = await Promise.all([
      t.call('POST', `/process/versions/${va}/publish`, { token }),
      t.call('POST', `/process/versions/${vb}/publish`, { token: gm }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const loser = ra.status === 409 ? ra : rb;
    expect(['process.outdated_draft', 'process.published_concurrently']).toContain(loser.body.error.reason);
    const winner = ra.status === 200 ? va : vb;
    expect((await t.call('POST', `/process/versions/${winner}/publish`, { token })).status).toBe(409);

    // rollback to the version before
    const back = await t.call('POST', `/process/versions/${base.version}/publish`, { token });
    expect(back.status, back.text).toBe(200);
    expect(back.body).toMatchObject({ current: true, rolledBackFrom: base.version });
    expect(back.body.version).toBeGreaterThan(vb);
    const now = await current(token);
    expect(now.version).toBe(back.body.version);
    expect(now.secondMeetingAfterDays).toBe(base.secondMeetingAfterDays);
    const diff = await t.call('GET', `/process/versions/${back.body.version}/diff?against=${winner}`, { token });
    expect(diff.body.changes.map((c: { text: string }) => c.text)).toEqual([`第二次会面 ${winner === va ? 4 : 5} → ${base.secondMeetingAfterDays} 天后`]);
    expect((await t.call('POST', '/process/versions/99999/publish', { token })).status).toBe(404);
    expect((await t.call('GET', '/process/versions/99999/diff', { token })).status).toBe(404);
  });

  it('another app instance on the same database sees the published version at its next request, and keeps it at restart', async () => {
    const token = await t.login('sysadmin');
    const def = await current(token);
    def.ticketCloseDays = 3;
    const v = await draft(token, def);
    const other = await loadProcessService(t.ctx.db, new Date());
    expect(other.current().version).not.toBe(v);
    expect((await t.call('POST', `/process/versions/${v}/publish`, { token })).status).toBe(200);
    expect((await other.sync(t.ctx.db)).version).toBe(v);
    // a restart without PROCESS_FILE keeps the version a person published
    expect((await loadProcessService(t.ctx.db, new Date())).current().version).toBe(v);
  });
});
