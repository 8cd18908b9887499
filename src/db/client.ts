// Opens the database: embedded PGlite in DATA_DIR by default, PostgreSQL when a URL is given.
// Both speak the same drizzle pg-core schema and run the same migrations.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';
import { acquireDirLock } from './dir-lock.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: services take this and never open their own. */
export type Tx = Db;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// beside this file; from the server bundle npm start runs (dist/server/main.mjs), the same folder
// under the project root
const here = path.dirname(fileURLToPath(import.meta.url));
export const migrationsFolder = [path.join(here, 'migrations'), path.resolve(here, '../../src/db/migrations')].find((p) => fs.existsSync(p))!;

export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string; migrate?: boolean; lock?: boolean }): Promise<Database> {
  const database = opts.databaseUrl
    ? await openPostgres(opts.databaseUrl)
    : await openPglite(opts.dataDir ?? './data', opts.lock ?? true);
  if (opts.migrate ?? true) await migrateDatabase(database);
  return database;
}

/** The planner settings of the product's PostgreSQL sessions (see openPostgres). */
export const SESSION_OPTIONS = '-c random_page_cost=1.1 -c jit=off';

async function openPostgres(url: string): Promise<Database> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // the planner's default random_page_cost (4) is for spinning disks: with it, a report over a
  // month's 25,000 tickets hashes all 1,000,000 rather than look 25,000 up by key. Our sessions
  // plan for SSDs (1.1), and without JIT compilation: a report's plan over a million rows crosses
  // jit_above_cost and compiling took longer than running it (engineer scores 188 → 98 ms). Unless
  // the connection string brings its own options
  const options = /[?&]options=/.test(url) ? undefined : SESSION_OPTIONS;
  const pool = new pg.default.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10), options });
  // a dropped connection must not take the process down
  pool.on('error', () => {});
  const db = drizzle(pool, { schema }) as unknown as Db;
  return { db, engine: 'postgres', close: () => pool.end() };
}

async function openPglite(dataDir: string, lock: boolean): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const release = lock ? acquireDirLock(dataDir) : () => {};
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = await PGlite.create(dataDir);
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** Whether the newest migration of the journal is already applied: drizzle's migrator reads and
 *  hashes every migration file before it can tell, a tenth of a second at every start. */
async function upToDate(database: Database): Promise<boolean> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const newest = Math.max(...journal.entries.map((e) => e.when));
  try {
    const r = await database.db.execute(sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`);
    const at = (r as unknown as { rows: { at: string | null }[] }).rows[0]?.at;
    return at !== null && at !== undefined && Number(at) >= newest;
  } catch {
    return false; // a new database: no migrations table yet
  }
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (await upToDate(database)) return;
  if (database.engine === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, { migrationsFolder });
  }
}
