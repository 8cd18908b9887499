// One migrated, seeded database per test run; every test file then gets its own copy
// (a copied PGlite directory, or CREATE DATABASE … TEMPLATE on PostgreSQL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { createContext } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { adminUrl, withDatabase } from './pg.js';

declare module 'vitest' {
  export interface ProvidedContext { template: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string; name: string; runId: string } }
}

export default async function setup(project: TestProject) {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const config = { ...loadConfig({}), demo: true, logLevel: 'silent' };
  if (pgUrl) {
    const runId = `fy${Date.now().toString(36)}${process.pid}`;
    const name = `${runId}_tpl`;
    await withDatabase(adminUrl(pgUrl), async (c) => { await c.query(`CREATE DATABASE ${name}`); });
    const url = withDbName(pgUrl, name);
    const database = await openDatabase({ databaseUrl: url });
    await createContext(config, { database });
    await database.close();
    project.provide('template', { kind: 'postgres', url: pgUrl, name, runId });
    console.log(`[test] PostgreSQL template database ${name}`);
    return async () => {
      await withDatabase(adminUrl(pgUrl), async (c) => {
        const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${runId}%`]);
        for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      });
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-tpl-'));
  const database = await openDatabase({ dataDir: dir, lock: false });
  await createContext(config, { database });
  await database.close();
  project.provide('template', { kind: 'pglite', dir });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

export function withDbName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
