// HTTP benchmark: starts the server (a child process) on an engine, loads 100,000 tasks,
// and measures login, the inbox and task completion with autocannon at 32 connections.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/db/client.js';
import { createContext } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';

export interface HttpFigure { name: string; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; requests: number }

const TOTAL_TASKS = 100_000;
const COMPLETABLE = 30_000;

export async function seedForExplain(database: Database) { return seed(database); }
async function seed(database: Database) {
  const ctx = await createContext({ ...loadConfig({}), demo: true, logLevel: 'silent' }, { database });
  const { db } = database;
  const sales = ((await db.execute(sql`select id from users where username = 'sales'`)) as unknown as { rows: { id: string }[] }).rows[0].id;
  const now = new Date('2026-03-02T01:00:00Z').toISOString();
  // the steps come from the definition: its deal start, and six other steps of several departments
  const def = ctx.processes.current();
  const first = def.starts.deal[0];
  const others = Object.entries(def.steps).filter(([k]) => k !== first).filter((_, i) => i % 2 === 0).slice(0, 6);
  const textArray = (items: string[]) => sql`array[${sql.join(items.map((x) => sql`${x}`), sql`, `)}]::text[]`;
  await db.execute(sql`insert into customers (id, name, address, contact_person, phone, phone_digits, created_at, updated_at)
    select 'bc' || g, '压测客户' || g, '上海', '王', '021-' || g, '021' || g, ${now}::timestamptz, ${now}::timestamptz from generate_series(1, 1000) g`);
  await db.execute(sql`insert into deals (id, number, customer_id, owner_id, state, definition_version, created_at, updated_at)
    select 'bd' || g, 'SJ-2099-' || lpad(g::text, 6, '0'), 'bc' || (1 + g % 1000), ${sales}, ${first}, ${ctx.processes.current().version}, ${now}::timestamptz, ${now}::timestamptz
    from generate_series(1, ${COMPLETABLE}) g`);
  // the salesperson's own first-step tasks (completable), then the rest spread over six other steps' pools
  await db.execute(sql`insert into tasks (id, step, case_type, case_id, assignee_role, assignee_id, department, created_at, due_at, status)
    select 'bt' || g, ${first}, 'deal', 'bd' || g, 'sales', ${sales}, 'business', ${now}::timestamptz,
      ${now}::timestamptz + (g % 500) * interval '1 hour', 'open' from generate_series(1, ${COMPLETABLE}) g`);
  await db.execute(sql`insert into tasks (id, step, case_type, case_id, assignee_role, department, created_at, due_at, status, outcome)
    select 'bx' || g, (${textArray(others.map(([k]) => k))})[1 + g % 6], 'deal', 'bd' || (1 + g % ${COMPLETABLE}),
      (${textArray(others.map(([, st]) => st.role))})[1 + g % 6],
      (${textArray(others.map(([, st]) => def.roles[st.role].department))})[1 + g % 6],
      ${now}::timestamptz, ${now}::timestamptz + (g % 700) * interval '1 hour',
      case when g % 3 = 0 then 'done' else 'open' end, case when g % 3 = 0 then 'done' end
    from generate_series(1, ${TOTAL_TASKS - COMPLETABLE}) g`);
  await db.execute(sql`vacuum analyze`);
}

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const port = 3400 + Math.floor(Math.random() * 500);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'error', FANGYUAN_CLOCK: 'system', SWEEP_INTERVAL_MS: '3600000', PG_POOL_MAX: '16', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => { if (String(d).includes('Fangyuan on')) resolve({ child, port }); });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

const figure = (name: string, r: autocannon.Result): HttpFigure => ({
  name, rps: Math.round(r.requests.average), p50: r.latency.p50, p95: (r.latency as unknown as Record<string, number>).p97_5 !== undefined ? percentile(r, 95) : r.latency.p90, p99: r.latency.p99,
  errors: r.errors, non2xx: r.non2xx, requests: r.requests.total,
});
// autocannon reports p90, p97.5 and p99; p95 is read off its histogram when present, else interpolated
function percentile(r: autocannon.Result, p: number): number {
  const l = r.latency as unknown as Record<string, number>;
  return Math.round((l.p90 + (l.p97_5 - l.p90) * ((p - 90) / 7.5)) * 100) / 100;
}

export async function benchEngine(engine: 'pglite' | 'postgres', pgUrl?: string): Promise<HttpFigure[]> {
  let env: Record<string, string>;
  let cleanup = async () => {};
  if (engine === 'postgres') {
    const pg = (await import('pg')).default;
    const name = `fy_bench_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(pgUrl!);
    u.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: u.toString() });
    await seed(database);
    await database.close();
    env = { DATABASE_URL: u.toString(), DATA_DIR: '' };
    cleanup = async () => { await admin.query(`drop database if exists ${name} with (force)`); await admin.end(); };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-bench-'));
    const database = await openDatabase({ dataDir: dir });
    await seed(database);
    await database.close();
    env = { DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const { child, port } = await startServer(env);
  const base = `http://127.0.0.1:${port}/api/v1`;
  try {
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sales', password: 'demo1234' }) });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const out: HttpFigure[] = [];
    out.push(figure('POST /auth/login', await run({
      url: `${base}/auth/login`, method: 'POST', connections: 32, duration: 8,
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'engineer', password: 'demo1234' }),
    })));
    out.push(figure('GET /tasks?mine=true', await run({ url: `${base}/tasks?mine=true&status=open`, connections: 32, duration: 10, headers: auth })));
    let next = 0;
    out.push(figure('POST /tasks/{id}/complete', await run({
      url: base, connections: 32, duration: 10, headers: auth, method: 'POST',
      requests: [{
        setupRequest: (req) => ({ ...req, path: `/api/v1/tasks/bt${++next}/complete`, method: 'POST', headers: auth, body: JSON.stringify({ outcome: 'develop', form: { customerType: '压测' } }) }),
      }],
    })));
    return out;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await cleanup();
  }
}
