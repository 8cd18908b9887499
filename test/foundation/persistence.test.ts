// Data survives a restart on the same DATA_DIR, and a second process on a DATA_DIR in use refuses.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { customers } from '../../src/db/schema.js';
import { DataDirInUseError, processStart } from '../../src/db/dir-lock.js';

const pglite = inject('template').kind === 'pglite';

describe.runIf(pglite)('embedded database directory', () => {
  it('keeps data across a restart and refuses a second opener', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-persist-'));
    fs.cpSync((inject('template') as { dir: string }).dir, dir, { recursive: true });
    const first = await openDatabase({ dataDir: dir, migrate: false });
    const now = new Date();
    await first.db.insert(customers).values({ id: 'persist-1', name: '持久客户', address: 'a', contactPerson: 'b', phone: '1', phoneDigits: '1', createdAt: now, updatedAt: now });
    await expect(openDatabase({ dataDir: dir, migrate: false })).rejects.toBeInstanceOf(DataDirInUseError);

    // another process on the same directory exits with a clear message
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, DATA_DIR: dir, PORT: '0', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(out).toMatch(/in use by another Fangyuan process/);

    await first.close();
    const again = await openDatabase({ dataDir: dir });
    const rows = await again.db.select().from(customers);
    expect(rows.map((r) => r.name)).toContain('持久客户');
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('starts over a lock left by an earlier life of its own pid or its parent (container restart), not over a live one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-lock-'));
    fs.cpSync((inject('template') as { dir: string }).dir, dir, { recursive: true });
    const lock = path.join(dir, 'fangyuan.lock');
    const opensOver = async (content: string) => {
      fs.writeFileSync(lock, content);
      const db = await openDatabase({ dataDir: dir, migrate: false });
      expect(fs.readFileSync(lock, 'utf8')).toBe(`${process.pid} ${processStart(process.pid)}`.trim());
      await db.close();
      expect(fs.existsSync(lock)).toBe(false);
    };
    try {
      await opensOver(String(process.pid)); // PID 1 again after a restart, old format
      await opensOver(`${process.pid} ${processStart(process.pid)}`); // the same pid, not held in this process
      await opensOver(String(process.ppid)); // the previous life was our parent's pid
      if (processStart(process.ppid)) await opensOver(`${process.ppid} boot:1`); // a live pid that started later than the lock's owner

      // the live parent really holding it: refused
      fs.writeFileSync(lock, `${process.ppid} ${processStart(process.ppid)}`);
      if (processStart(process.ppid)) await expect(openDatabase({ dataDir: dir, migrate: false })).rejects.toBeInstanceOf(DataDirInUseError);
      fs.rmSync(lock);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
