// Issue 10 step 3: roles and departments are in the definition. The technical department is split
// into 售前技术部 and 售后技术部 by publishing a version, without code: the new roles get the
// capabilities of the role they are like, users are created with them, and an overdue repair goes
// to the after-sales manager, not the tech manager.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createCustomer } from '../../../test/support/factories.js';
import { splitTechnicalDepartment } from '../../../test/support/split-department.js';
import { completeAs, openTask, openTicket, RESOLVE } from '../tickets/testing.js';

let t: TestApp;
beforeAll(async () => { t = await testApp({ clockStart: '2026-03-02T09:00:00+08:00' }); });
afterAll(async () => { await t?.close(); });

const PASSWORD = 'Aftersales#2026';

async function createUser(username: string, roles: string[]) {
  const r = await t.call('POST', '/users', { token: await t.login('sysadmin'), body: { username, password: PASSWORD, displayName: username, roles } });
  expect(r.status, r.text).toBe(201);
  return r.body as { id: string; department: string };
}

describe('a department split in the definition', () => {
  it('refuses a role the current definition lacks, naming the field', async () => {
    const r = await t.call('POST', '/users', { token: await t.login('sysadmin'), body: { username: 'x1', password: PASSWORD, displayName: 'x', roles: ['sales', 'aftersales_engineer'] } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.error.details[0]).toMatchObject({ path: 'roles.1', reason: 'field.unknown_role', params: { role: 'aftersales_engineer' } });
  });

  it('publishes the split; users get the new roles; an overdue repair escalates to the after-sales manager', async () => {
    const admin = await t.login('sysadmin');
    const current = (await t.call('GET', '/process', { token: admin })).body;
    const drafted = await t.call('POST', '/process/versions', { token: admin, body: { definition: splitTechnicalDepartment(current) } });
    expect(drafted.status, drafted.text).toBe(201);
    const published = await t.call('POST', `/process/versions/${drafted.body.version}/publish`, { token: admin });
    expect(published.status, published.text).toBe(200);
    const served = (await t.call('GET', '/process', { token: admin })).body;
    expect(served.departments.aftersales).toMatchObject({ label: { zh: '售后技术部' }, manager: 'aftersales_manager' });
    expect(served.roles.aftersales_engineer).toMatchObject({ department: 'aftersales', like: 'engineer' });

    // the new roles are accepted, in their department; a department the definition lacks is refused
    const engineer = await createUser('shouhou_gcs', ['aftersales_engineer']);
    expect(engineer.department).toBe('aftersales');
    const badDept = await t.call('PATCH', `/users/${engineer.id}`, { token: admin, body: { department: 'nowhere' } });
    expect(badDept.status).toBe(400);
    expect(badDept.body.error.details[0]).toMatchObject({ path: 'department', reason: 'field.unknown_department' });
    expect((await createUser('shouhou_jl', ['aftersales_manager'])).department).toBe('aftersales');
    // a role the users hold cannot be removed from the definition any more
    const without = structuredClone(served);
    delete without.roles.aftersales_manager;
    without.departments.aftersales.manager = 'tech_manager';
    const refused = await t.call('POST', '/process/versions', { token: admin, body: { definition: without } });
    expect(refused.status, refused.text).toBe(400);

    const asm = await t.login('shouhou_jl', PASSWORD);
    const ase = await t.login('shouhou_gcs', PASSWORD);
    // like tech_manager: the same menus and switches
    const me = (await t.call('GET', '/auth/me', { token: asm })).body.user;
    expect(me.capabilities.menus).toEqual(expect.arrayContaining(['tickets', 'partners', 'reports']));
    expect(me).not.toHaveProperty('org');

    // a repair of the new version belongs to the after-sales department
    const customer = await createCustomer(t, await t.login('cs_agent'));
    const ticket = await openTicket(t, customer.id);
    const task = (await openTask(t, ticket.id))!;
    const inbox = async (token: string) => (await t.call('GET', '/tasks?status=open&mine=false', { token })).body.items.map((x: { id: string }) => x.id);
    expect(await inbox(ase)).toContain(task.id);
    expect(await inbox(asm)).toContain(task.id);
    expect(await inbox(await t.login('engineer'))).not.toContain(task.id);
    expect(await inbox(await t.login('tech_manager'))).not.toContain(task.id);

    // past its deadline (Monday 18:00): level 1 goes to the after-sales manager only
    await t.setClock('2026-03-03T09:30:00+08:00');
    const notes = async (token: string) => (await t.call('GET', '/notifications', { token })).body.items
      .filter((n: { taskId?: string }) => n.taskId === task.id).map((n: { kind: string }) => n.kind);
    expect(await notes(asm)).toEqual(['overdue']);
    expect(await notes(await t.login('tech_manager'))).toEqual([]);
    expect(await notes(ase)).toEqual([]);

    // the after-sales manager assigns the repair; the tech manager may not
    const usersList = (await t.call('GET', '/users?role=aftersales_engineer', { token: asm })).body.items;
    expect(usersList.map((u: { username: string }) => u.username)).toEqual(['shouhou_gcs']);
    const byTm = await t.call('POST', `/tasks/${task.id}/assign`, { token: await t.login('tech_manager'), body: { assigneeId: usersList[0].id } });
    expect(byTm.status).toBe(403);
    const assigned = await t.call('POST', `/tasks/${task.id}/assign`, { token: asm, body: { assigneeId: usersList[0].id } });
    expect(assigned.status, assigned.text).toBe(200);
    // the after-sales engineer fills the engineer's side of form 5 (like engineer) and reads it afterwards
    const done = await completeAs(t, task.id, ase, { form: RESOLVE });
    expect(done.status, done.text).toBe(200);
    const page = await t.call('GET', `/tickets/${ticket.id}`, { token: ase });
    expect(page.status).toBe(200);
  });
});
