// WORKERS on PostgreSQL (issue 12 §4): npm start's server runs as several processes on one port
// through node:cluster. A session made by one process is good on every other (sessions live in the
// database), and SIGTERM to the primary stops them all. PostgreSQL suite only: on PGlite WORKERS
// is ignored.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/app.js';

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const port = (s.address() as { port: number }).port;
    s.close(() => resolve(port));
  });
});
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
// the server processes the primary forked (not, say, a build helper)
const childrenOf = (pid: number) => spawnSync('pgrep', ['-P', String(pid), '-f', 'scripts/start.mjs'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);

describe('WORKERS: server processes sharing one port', () => {
  it.runIf(!!process.env.TEST_DATABASE_URL)('starts two processes that share sessions, and SIGTERM to the primary stops both', async () => {
    const { database, url } = await freshDatabase();
    await database.close();
    const port = await freePort();
    let output = '';
    const server = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, DATABASE_URL: url, WORKERS: '2', PORT: String(port), HOST: '127.0.0.1', DEMO: '1', LOG_LEVEL: 'error', FANGYUAN_CLOCK: 'manual', FANGYUAN_CLOCK_START: '2026-03-02T09:00:00+08:00' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d: Buffer) => (output += d));
    server.stderr!.on('data', (d: Buffer) => (output += d));
    const base = `http://127.0.0.1:${port}/api/v1`;
    try {
      for (let i = 0; ; i++) {
        const up = await fetch(`${base}/health`).then((r) => r.ok, () => false);
        if (up && childrenOf(server.pid!).length === 2) break;
        if (i > 600 || server.exitCode !== null) throw new Error(`not up:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(output).toContain('2 server processes');
      const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sales', password: 'demo1234' }) });
      const { token } = (await login.json()) as { token: string };
      // new connections each time: the primary hands them to either process
      const statuses = await Promise.all(Array.from({ length: 20 }, () =>
        fetch(`${base}/auth/me`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } }).then((r) => r.status)));
      expect(statuses.every((s) => s === 200)).toBe(true);
      const workers = childrenOf(server.pid!);
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      for (let i = 0; i < 50 && workers.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
      expect(workers.filter(alive)).toEqual([]);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
  }, 120_000);
});
