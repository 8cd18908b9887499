// Upgrading a database written before the cases table (migration 0010_cases_table): deals,
// tickets and revisit work written in the old layout answer the same through the API after
// the migration, and the engine goes on with them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { migrationsFolder, openDatabase, type Database } from '../../src/db/client.js';
import { createContext } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { buildApp, type App } from '../../src/server/app.js';
import { adminUrl, withDatabase } from '../support/pg.js';
import { withDbName } from '../support/global-setup.js';
import { ASSESSMENT } from '../support/factories.js';

const CASES_MIGRATION = '0010_cases_table';

/** A migrations folder that stops just before the cases table. */
function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-mig-'));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
  const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
  expect(upTo).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, upTo);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

async function migrateWith(database: Database, folder: string) {
  const { migrate } = database.engine === 'pglite'
    ? await import('drizzle-orm/pglite/migrator')
    : await import('drizzle-orm/node-postgres/migrator');
  await migrate(database.db as never, { migrationsFolder: folder });
}

async function emptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const t = inject('template');
  if (t.kind === 'postgres') {
    const name = `${t.runId}_up${crypto.randomBytes(3).toString('hex')}`;
    await withDatabase(adminUrl(t.url), (c) => c.query(`CREATE DATABASE ${name}`));
    const database = await openDatabase({ databaseUrl: withDbName(t.url, name), migrate: false });
    return { database, drop: async () => { await withDatabase(adminUrl(t.url), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)); } };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-up-'));
  const database = await openDatabase({ dataDir: dir, lock: false, migrate: false });
  return { database, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe('upgrade to the cases table', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let app: App;
  let oldFolder: string;
  const at = '2026-03-02T01:00:00Z';
  const later = '2026-03-03T02:00:00Z';

  beforeAll(async () => {
    ({ database, drop } = await emptyDatabase());
    oldFolder = migrationsBefore(CASES_MIGRATION);
    await migrateWith(database, oldFolder);
    const config = { ...loadConfig({}), demo: true, logLevel: 'silent', clockMode: 'manual' as const, clockStart: new Date('2026-03-03T09:00:00+08:00') };
    // the seed writes users in today's shape: the columns later migrations add (0011: e-mail, phone)
    await database.db.execute(sql`alter table users add column if not exists email text, add column if not exists phone text`);
    // users, calendar and the process definition: tables the migration leaves alone. Today's
    // start-up writes the columns of a later migration (0013_process_versions): they exist while
    // the context starts and go again, so the full migration below adds them as on an old database
    const { db } = database;
    const versionColumns = ['status text', 'based_on integer', 'created_by text', 'published_by text', 'published_at timestamptz'];
    for (const c of versionColumns) await db.execute(sql.raw(`alter table process_definitions add column ${c}`));
    const ctx = await createContext(config, { database });
    for (const c of versionColumns) await db.execute(sql.raw(`alter table process_definitions drop column ${c.split(' ')[0]}`));
    const rows = async <T,>(q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;
    const [sales] = await rows<{ id: string }>(sql`select id from users where username = 'sales'`);
    const [partner] = await rows<{ partner_id: string }>(sql`select partner_id from users where username = 'partner_engineer'`);
    const version = ctx.processes.current().version;
    // the old layout: number, customer, owner, state, version … on deals and tickets
    await db.execute(sql`insert into customers (id, name, address, contact_person, phone, phone_digits, service_tier, in_service_since, created_at, updated_at)
      values ('cu1', '升级客户', '上海', '王', '021-1', '0211', 'vip', ${at}, ${at}, ${at})`);
    await db.execute(sql`insert into deals (id, number, customer_id, owner_id, state, definition_version, second_meeting_at, created_at, updated_at)
      values ('d1', 'SJ-2026-000001', 'cu1', ${sales.id}, 'tech_assessment', ${version}, ${later}, ${at}, ${at}),
             ('d2', 'SJ-2026-000002', 'cu1', ${sales.id}, 'lost', ${version}, null, ${at}, ${later})`);
    await db.execute(sql`update deals set end_reason = '价格', competitor = '对手' where id = 'd2'`);
    await db.execute(sql`insert into tickets (id, number, customer_id, kind, problem, state, tier, definition_version, partner_id, due_at, closed_at, opened_by, created_at, updated_at)
      values ('t1', 'GD-2026-000001', 'cu1', 'complaint', '断线', 'closed', 'vip', ${version}, ${partner.partner_id}, ${later}, ${later}, ${sales.id}, ${at}, ${later}),
             ('t2', 'GD-2026-000002', 'cu1', 'complaint', '杂音', 'resolve', 'vip', ${version}, null, ${later}, null, ${sales.id}, ${at}, ${at})`);
    await db.execute(sql`insert into tasks (id, step, case_type, case_id, assignee_role, department, created_at, due_at, status, outcome, completed_at, tier)
      values ('k1', 'tech_assessment', 'deal', 'd1', 'engineer', 'technical', ${at}, ${later}, 'open', null, null, 'standard'),
             ('k2', 'negotiation', 'deal', 'd2', 'sales', 'business', ${at}, null, 'done', 'lost', ${later}, 'standard'),
             ('k3', 'resolve', 'ticket', 't2', 'engineer', 'technical', ${at}, ${later}, 'open', null, null, 'vip'),
             ('k4', 'revisit', 'customer', 'cu1', 'cs_agent', 'customer_service', ${at}, ${later}, 'open', null, null, 'standard')`);
    await db.execute(sql`insert into documents (id, form, number, case_type, case_id, customer_id, fields, copies, signed_by, created_at)
      values ('doc1', 'survey', 'DC-2026-000001', 'deal', 'd1', 'cu1', '{}'::jsonb, '["business","admin"]'::jsonb, '[]'::jsonb, ${at})`);
    await db.execute(sql`insert into notifications (id, user_id, kind, task_id, case_id, message, created_at)
      values ('n1', ${sales.id}, 'negotiation', null, 'd1', '谈判动态', ${at})`);

    await migrateWith(database, migrationsFolder);
    app = await buildApp(ctx);
    await app.ready();
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await drop?.();
    if (oldFolder) fs.rmSync(oldFolder, { recursive: true, force: true });
  });

  const call = async (method: 'GET' | 'POST', url: string, username: string, body?: object) => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'demo1234' } });
    const res = await app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${login.json().token}` }, ...(body ? { payload: body } : {}) });
    return { status: res.statusCode, body: res.json() };
  };

  it('copies every deal, ticket and revisit customer into cases, closing the ended ones', async () => {
    const rows = ((await database.db.execute(sql`select id, type, number, state, closed_at from cases order by id`)) as unknown as {
      rows: { id: string; type: string; number: string | null; state: string; closed_at: unknown }[];
    }).rows;
    expect(rows.map((r) => [r.id, r.type, r.number, r.state, r.closed_at !== null])).toEqual([
      ['cu1', 'customer', null, 'revisit', false],
      ['d1', 'deal', 'SJ-2026-000001', 'tech_assessment', false],
      ['d2', 'deal', 'SJ-2026-000002', 'lost', true],
      ['t1', 'ticket', 'GD-2026-000001', 'closed', true],
      ['t2', 'ticket', 'GD-2026-000002', 'resolve', false],
    ]);
  });

  it('answers the deal, ticket, inbox, customer and notification calls as before', async () => {
    const deal = await call('GET', '/deals/d1', 'sales');
    expect(deal.status).toBe(200);
    expect(deal.body).toMatchObject({ id: 'd1', number: 'SJ-2026-000001', state: 'tech_assessment', customerId: 'cu1', secondMeetingAt: later.replace('Z', '.000Z') });
    expect(deal.body.documents.map((d: { id: string }) => d.id)).toEqual(['doc1']);
    const lost = await call('GET', '/deals?state=lost', 'sales_manager');
    expect(lost.body.items).toMatchObject([{ id: 'd2', customerName: '升级客户', endReason: '价格', competitor: '对手' }]);

    const closed = await call('GET', '/tickets/t1', 'cs_agent');
    expect(closed.body).toMatchObject({ number: 'GD-2026-000001', state: 'closed', tier: 'vip', closedAt: later.replace('Z', '.000Z') });
    const open = await call('GET', '/tickets?state=open', 'cs_agent');
    expect(open.body.items.map((t: { id: string }) => t.id)).toEqual(['t2']);
    // the partner company the repair was given to still sees the ticket, and only that one
    expect((await call('GET', '/tickets/t1', 'partner_engineer')).status).toBe(200);
    expect((await call('GET', '/tickets/t2', 'partner_engineer')).status).toBe(404);

    const inbox = await call('GET', '/tasks?mine=true&status=open&q=GD-2026-000002', 'engineer');
    expect(inbox.body.items).toMatchObject([{ id: 'k3', caseType: 'ticket', caseId: 't2', caseNumber: 'GD-2026-000002', customerName: '升级客户' }]);
    const revisits = await call('GET', '/tasks?mine=true&status=open&q=升级', 'cs_agent');
    expect(revisits.body.items).toMatchObject([{ id: 'k4', caseType: 'customer', caseId: 'cu1', caseNumber: null, customerName: '升级客户' }]);

    const customer = await call('GET', '/customers/cu1', 'cs_agent');
    expect(customer.body.deals.map((d: { number: string }) => d.number).sort()).toEqual(['SJ-2026-000001', 'SJ-2026-000002']);
    expect(customer.body.tickets.map((t: { number: string }) => t.number).sort()).toEqual(['GD-2026-000001', 'GD-2026-000002']);

    const notes = await call('GET', '/notifications', 'sales');
    expect(notes.body.items ?? notes.body).toMatchObject([{ id: 'n1', caseId: 'd1', caseType: 'deal' }]);
  });

  it('goes on running the migrated cases', async () => {
    const done = await call('POST', '/tasks/k4/complete', 'cs_agent', { outcome: 'done', form: { opinion: '满意', problemFound: false } });
    expect(done.status).toBe(200);
    const step = await call('POST', '/tasks/k1/complete', 'engineer', { outcome: 'done', form: ASSESSMENT });
    expect(step.status).toBe(200);
    expect((await call('GET', '/deals/d1', 'sales')).body.state).toBe(step.body.next[0].step);
  });
});
