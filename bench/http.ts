// HTTP benchmark: seeds an engine (bench/seed.ts), starts the server in a child process, and
// measures the inbox and task completion with autocannon at 1 and 32 connections. On
// PostgreSQL the same reads and writes run as raw SQL (bench/raw.ts) in the same run.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { completable, seed, type Scale, type Seeded } from './seed.js';
import { loop, rawComplete, rawInbox, type LoopFigure } from './raw.js';

export interface Figure { call: string; connections: number; rps: number; p50: number; p90: number; p99: number; requests: number; errors: number; load: number }
export interface EngineRun { engine: 'pglite' | 'postgres'; seeded: Seeded; product: Figure[]; raw: Figure[]; workers: number }

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const PAGE_SIZE = 50;
const load1 = () => Math.round(os.loadavg()[0] * 100) / 100;

export function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const port = 3400 + Math.floor(Math.random() * 500);
  const child = spawn(process.execPath, ['scripts/start.mjs'], { // what npm start runs
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'error', FANGYUAN_CLOCK: 'system', SWEEP_INTERVAL_MS: '3600000', PG_POOL_MAX: '16', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => { if (String(d).includes('Fangyuan on')) resolve({ child, port }); });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

export function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

const fromCannon = (call: string, connections: number, r: autocannon.Result, load: number): Figure => ({
  call, connections, rps: Math.round(r.requests.average), p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99,
  requests: r.requests.total, errors: r.errors + r.non2xx, load,
});
const fromLoop = (call: string, connections: number, r: LoopFigure, load: number): Figure => ({ call, connections, ...r, load });

/** A database for the run: PostgreSQL database `bench` (dropped and made anew unless
 *  BENCH_REUSE=1 finds it seeded), or a PGlite directory in the temp dir. */
export async function prepare(engine: 'pglite' | 'postgres', adminUrl: string | undefined, scale: Scale) {
  if (engine === 'postgres') {
    const dbName = process.env.BENCH_DB ?? 'bench';
    if (dbName === 'test') throw new Error('the bench never uses the test database');
    const u = new URL(adminUrl!);
    u.pathname = `/${dbName}`;
    const url = u.toString();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount;
    let seeded: Seeded | undefined;
    if (exists && process.env.BENCH_REUSE === '1') {
      const meta = new pg.Client({ connectionString: url });
      await meta.connect();
      const r = await meta.query(`select value from bench_meta where key = 'seeded'`).catch(() => undefined);
      await meta.end();
      if (r?.rows[0]) seeded = r.rows[0].value as Seeded;
    }
    if (!seeded) {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.query(`create database ${dbName}`);
      const database = await openDatabase({ databaseUrl: url });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      seeded = await seed(database, scale, (text) => client.query(text));
      await client.query(`create table bench_meta (key text primary key, value jsonb)`);
      await client.query(`insert into bench_meta values ('seeded', $1)`, [JSON.stringify(seeded)]);
      await client.end();
      await database.close();
    }
    await admin.end();
    const keep = process.env.BENCH_KEEP !== '0';
    const cleanup = async () => {
      if (keep) return;
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${dbName} with (force)`);
      await a.end();
    };
    return { env: { DATABASE_URL: url, DATA_DIR: '' }, url, seeded, cleanup };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-bench-'));
  const database = await openDatabase({ dataDir: dir });
  const seeded = await seed(database, scale, (text) => database.db.execute(sql.raw(text)));
  await database.close();
  return { env: { DATA_DIR: dir, DATABASE_URL: '' }, url: undefined, seeded, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function benchEngine(engine: 'pglite' | 'postgres', adminUrl: string | undefined, scale: Scale, opts: { workers?: number } = {}): Promise<EngineRun> {
  const { env, url, seeded, cleanup } = await prepare(engine, adminUrl, scale);
  console.log(`${engine}: seeded ${JSON.stringify(seeded.scale)} in ${seeded.seconds.toFixed(1)} s`);
  const workers = opts.workers ?? 1;
  const { child, port } = await startServer({ ...env, WORKERS: String(workers) });
  const base = `http://127.0.0.1:${port}/api/v1`;
  const product: Figure[] = [];
  const raw: Figure[] = [];
  const C = completable(seeded.scale);
  try {
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sales', password: 'demo1234' }) });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const inboxUrl = `${base}/tasks?mine=true&status=open&pageSize=${PAGE_SIZE}`;
    // warm-up (JIT, pools, caches)
    await cannon({ url: inboxUrl, connections: 4, duration: 2, headers: auth });
    // the product completes bt1, bt2, … ; the raw SQL btC, btC-1, … (the database may be reused)
    let { up, down } = url ? await resumePoints(url, C) : { up: 0, down: C + 1 };
    for (const connections of [1, 32]) {
      let l = load1();
      product.push(fromCannon('inbox', connections, await cannon({ url: inboxUrl, connections, duration: SECONDS, headers: auth }), l));
      console.log(product.at(-1));
      if (url) {
        l = load1();
        raw.push(fromLoop('inbox', connections, await loop(url, connections, SECONDS, rawInbox(seeded, PAGE_SIZE)), l));
        console.log(raw.at(-1));
      }
    }
    for (const connections of [1, 32]) {
      const l = load1();
      product.push(fromCannon('completion', connections, await cannon({
        url: base, connections, duration: SECONDS, headers: auth, method: 'POST',
        requests: [{
          setupRequest: (req) => ({ ...req, path: `/api/v1/tasks/bt${++up}/complete`, method: 'POST', headers: auth, body: JSON.stringify({ outcome: 'develop', form: { customerType: '压测' } }) }),
        }],
      }), l));
      console.log(product.at(-1));
      if (url) {
        const l2 = load1();
        raw.push(fromLoop('completion', connections, await loop(url, connections, SECONDS, rawComplete(seeded, () => `bt${--down}`)), l2));
        console.log(raw.at(-1));
      }
    }
    return { engine, seeded, product, raw, workers };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await cleanup();
  }
}

/** where the two ends stopped, so a reused database (BENCH_REUSE=1) goes on with open tasks */
async function resumePoints(url: string, C: number): Promise<{ up: number; down: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query(`select coalesce(max(n) filter (where n <= $1), 0) as up, coalesce(min(n) filter (where n > $1), $2) as down
    from (select substr(id, 3)::int as n from tasks where id like 'bt%' and status = 'done') d`, [Math.floor(C / 2), C + 1]);
  await c.end();
  return { up: Number(r.rows[0].up), down: Number(r.rows[0].down) };
}
