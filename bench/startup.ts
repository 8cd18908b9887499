// Cold start: `npm start` to the first answer of GET /api/v1/health, on a new DATA_DIR and then
// again on the same (existing) one; the web build is skipped when web/dist is up to date.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface StartFigure { what: string; seconds: number; load: number }

async function firstAnswer(env: Record<string, string>): Promise<number> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], { env: { ...process.env, PORT: String(port), LOG_LEVEL: 'error', ...env }, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}`);
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        if (r.ok) return (performance.now() - started) / 1000;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function runStartupBench(): Promise<StartFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-start-'));
  const load = () => Math.round(os.loadavg()[0] * 100) / 100;
  try {
    const env = { DATA_DIR: dir, DATABASE_URL: '' };
    // the web build once, so both figures are with an up-to-date web/dist
    await firstAnswer({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'fy-start-warm-')), DATABASE_URL: '' });
    const l1 = load();
    const fresh = await firstAnswer(env);
    const l2 = load();
    const existing = await firstAnswer(env);
    return [{ what: 'new DATA_DIR', seconds: fresh, load: l1 }, { what: 'existing DATA_DIR', seconds: existing, load: l2 }];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
