// The outbox across a kill -9 (issue 16): a worker process is killed in the middle of a
// delivery — after the robot received a message, before the worker marked it sent. Nothing is
// lost (every message is delivered after the restart) and nothing is doubled: the one message
// in flight is sent again under the same idempotency key, which the receiver keeps once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/app.js';
import { startRobots } from '../../../test/support/receivers.js';
import { openDatabase, type Database } from '../../db/client.js';
import { outbox } from '../../db/schema.js';
import { createContext } from '../../server/bootstrap.js';
import { loadConfig } from '../../server/config.js';
import { writeChannels } from './channels.js';
import { deliverOutbox, enqueue } from './outbox.js';

const N = 6;
const LEASE_MS = 400;
let robots: Awaited<ReturnType<typeof startRobots>> | undefined;
afterAll(async () => { await robots?.close(); });

describe('the outbox across a kill -9', () => {
  it('loses nothing and doubles nothing', async () => {
    let child: ReturnType<typeof spawn> | undefined;
    robots = await startRobots({
      onCall: () => {
        // the third message reaches the robot; the worker dies before it can mark it sent
        if (robots!.calls.length === 3 && child?.pid) child.kill('SIGKILL');
      },
    });
    const fresh = await freshDatabase();
    let database: Database = fresh.database;
    const config = { ...loadConfig({}), logLevel: 'silent', clockMode: 'manual' as const, demo: true, clockStart: new Date('2026-03-02T10:00:00+08:00'), outboxLeaseMs: LEASE_MS };
    try {
      const ctx = await createContext(config, { database });
      const now = ctx.clock.now();
      await ctx.db.transaction(async (tx) => {
        await writeChannels(tx, { dingtalk: { webhookUrl: robots!.dingtalkUrl } }, now);
        for (let i = 0; i < N; i++) {
          await enqueue(tx, { eventId: `crash:${i}`, channel: 'dingtalk', to: 'group', subject: `#${i}`, body: `### 消息 ${i}`, eventKind: 'overdue', caseId: null, notBefore: now, now });
        }
      });
      // the embedded database is one process's at a time
      if (fresh.dir) await database.close();

      child = spawn(process.execPath, ['--import', 'tsx', 'test/support/outbox-child.ts'], {
        env: { ...process.env, ...(fresh.url ? { DATABASE_URL: fresh.url } : { DATA_DIR: fresh.dir! }), OUTBOX_LEASE_MS: String(LEASE_MS), FANGYUAN_CLOCK: 'manual' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (d) => { stderr += d; });
      const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) => child!.on('exit', (code, signal) => resolve({ code, signal })));
      expect(exit.signal, stderr).toBe('SIGKILL');
      expect(robots.calls).toHaveLength(3);

      // restart: another worker takes over once the dead worker's lease has run out
      if (fresh.dir) database = await openDatabase({ dataDir: fresh.dir, migrate: false, lock: false });
      const ctx2 = await createContext(config, { database });
      await new Promise((r) => setTimeout(r, LEASE_MS + 100));
      for (let i = 0; i < 10; i++) if (!(await deliverOutbox(ctx2)).sent) break;

      const rows = await ctx2.db.select().from(outbox);
      expect(rows.filter((r) => r.status === 'sent')).toHaveLength(N);
      const keys = robots.calls.map((c) => c.key);
      // nothing lost: every message arrived; nothing doubled: the receiver keeps one per key
      expect(new Set(keys).size).toBe(N);
      expect(new Set(keys)).toEqual(new Set(rows.map((r) => r.idempotencyKey)));
      // only the message in flight at the kill was sent twice, under the same key
      expect(keys.length).toBe(N + 1);
      expect(keys.filter((k) => k === keys[2])).toHaveLength(2);
      const inFlight = rows.find((r) => r.idempotencyKey === keys[2])!;
      expect(inFlight.attempts).toBe(2);
    } finally {
      await database.close().catch(() => undefined);
      if (fresh.dir) fs.rmSync(fresh.dir, { recursive: true, force: true });
    }
  });
});
