// A second process running the outbox worker (the kill -9 test in src/modules/notifications/
// outbox-crash.test.ts kills it in the middle of a delivery). Database from DATABASE_URL or DATA_DIR.
import { openDatabase } from '../../src/db/client.js';
import { createContext } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { deliverOutbox } from '../../src/modules/notifications/outbox.js';

const config = { ...loadConfig(process.env), logLevel: 'silent', clockMode: 'manual' as const, demo: false };
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: false, lock: false });
const ctx = await createContext(config, { database });
process.stdout.write('ready\n');
for (;;) {
  // one message at a time, so the parent can kill the process between send and mark
  const r = await deliverOutbox(ctx, { limit: 1 });
  if (!r.sent && !r.retrying && !r.failed) break;
}
await database.close();
process.stdout.write('done\n');
