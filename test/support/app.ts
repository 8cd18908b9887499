// A fresh app on a fresh copy of the test-run database, with the demo company and a manual clock.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { createContext } from '../../src/server/bootstrap.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { buildApp, type App } from '../../src/server/app.js';
import type { AppContext } from '../../src/server/context.js';
import { runSweeps } from '../../src/server/jobs.js';
import { adminUrl, withDatabase } from './pg.js';
import { withDbName } from './global-setup.js';

export const DEFAULT_START = '2026-03-02T09:00:00+08:00'; // a Monday, opening time

export async function freshDatabase(): Promise<{ database: Database; url?: string; dir?: string }> {
  const t = inject('template');
  if (t.kind === 'postgres') {
    const name = `${t.runId}_${crypto.randomBytes(4).toString('hex')}`;
    for (let attempt = 0; ; attempt++) {
      try {
        await withDatabase(adminUrl(t.url), (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${t.name}`));
        break;
      } catch (e) {
        // two files copying the template at the same moment: try again
        if (attempt > 10) throw e;
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
      }
    }
    const url = withDbName(t.url, name);
    return { database: await openDatabase({ databaseUrl: url, migrate: false }), url };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-test-'));
  fs.cpSync(t.dir, dir, { recursive: true });
  return { database: await openDatabase({ dataDir: dir, lock: false, migrate: false }), dir };
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  /** bearer token of a demo user (username = role key) */
  login(username: string, password?: string): Promise<string>;
  call<T = any>(method: string, url: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: T; text: string; headers: Record<string, unknown> }>;
  setClock(iso: string): Promise<void>;
  close(): Promise<void>;
  url?: string;
}

/** `process`: a raw definition to run instead of the default (test/support/custom-process.ts). */
export async function testApp(opts: { clockStart?: string; config?: Partial<Config>; process?: unknown; logStream?: { write(line: string): void } } = {}): Promise<TestApp> {
  const { database, url, dir } = await freshDatabase();
  const config: Config = {
    ...loadConfig({}), demo: true, logLevel: 'silent', clockMode: 'manual', strictReplies: true,
    clockStart: new Date(opts.clockStart ?? DEFAULT_START), ...opts.config,
  };
  const ctx = await createContext(config, { database, process: opts.process });
  if (opts.logStream) ctx.logStream = opts.logStream;
  const app = await buildApp(ctx);
  await app.ready();
  const tokens = new Map<string, string>();
  const call: TestApp['call'] = async (method, u, o = {}) => {
    const res = await app.inject({
      method: method as 'GET', url: `/api/v1${u}`,
      headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...(o.headers ?? {}) },
      ...(o.body !== undefined ? { payload: o.body as object } : {}),
    });
    let body: any;
    try { body = res.json(); } catch { body = undefined; }
    return { status: res.statusCode, body, text: res.body, headers: res.headers };
  };
  return {
    app, ctx, call, url,
    async login(username, password = 'demo1234') {
      if (password === 'demo1234' && tokens.has(username)) return tokens.get(username)!;
      let r = await call('POST', '/auth/login', { body: { username, password } });
      // the login throttle counts sign-ins from one address; a test signing many users in at once
      // waits as a person would (the throttle's own tests call the route directly)
      for (let i = 0; r.status === 429 && i < 3; i++) {
        await new Promise((done) => setTimeout(done, 1000 * Number(r.body?.error?.params?.seconds ?? 1)));
        r = await call('POST', '/auth/login', { body: { username, password } });
      }
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
      tokens.set(username, r.body.token);
      return r.body.token;
    },
    async setClock(iso) {
      await ctx.clock.set(ctx.db, new Date(iso));
      await runSweeps(ctx);
    },
    async close() {
      await app.close();
      await database.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
