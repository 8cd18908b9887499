// Opens the database, migrates, seeds what an empty database needs, and builds the context.
import { openDatabase, type Database } from '../db/client.js';
import type { AppContext } from './context.js';
import type { Config } from './config.js';
import { createManualClock, systemClock } from './clock.js';
import { createCalendarService, seedOfficialCalendar } from '../modules/calendar/service.js';
import { loadProcessService } from '../modules/process/service.js';
import { isDemoCompany, seedUsers } from '../modules/users/service.js';

export async function createContext(config: Config, opts: { database?: Database } = {}): Promise<AppContext & { seeded: string[]; demo: boolean }> {
  const database = opts.database ?? await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { db } = database;
  const clock = config.clockMode === 'manual' ? await createManualClock(db, config.clockStart ?? new Date()) : systemClock;
  const now = clock.now();
  await seedOfficialCalendar(db, now);
  const processes = await loadProcessService(db, now);
  const { created } = await db.transaction((tx) => seedUsers({ demo: config.demo, demoPassword: config.demoPassword, adminPassword: config.adminPassword, now }, tx));
  return {
    database, db, clock, config, calendars: createCalendarService(), processes, seeded: created,
    wallNow: () => new Date(), demo: await isDemoCompany(db),
  };
}
