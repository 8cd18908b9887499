// Opens the database, migrates, seeds what an empty database needs, and builds the context.
import fs from 'node:fs';
import { openDatabase, type Database } from '../db/client.js';
import type { AppContext } from './context.js';
import { versionRecheckMs, type Config } from './config.js';
import { createManualClock, systemClock } from './clock.js';
import { createCalendarService, seedOfficialCalendar } from '../modules/calendar/service.js';
import { loadProcessService, validateDefinition } from '../modules/process/service.js';
import { DefinitionError } from '../domain/process/definition.js';
import { tierClocks } from '../domain/process/tiers.js';
import { isDemoCompany, seedUsers } from '../modules/users/service.js';

/** The definition of PROCESS_FILE (JSON); absent: the default. */
export function readProcessFile(file: string | undefined): unknown {
  if (!file) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new DefinitionError([{ path: 'PROCESS_FILE', message: `cannot read ${file}: ${(e as Error).message}` }]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DefinitionError([{ path: 'PROCESS_FILE', message: `${file} is not JSON: ${(e as Error).message}` }]);
  }
}

export async function createContext(config: Config, opts: { database?: Database; process?: unknown } = {}): Promise<AppContext & { seeded: string[]; demo: boolean }> {
  // a bad definition is refused before anything is opened
  const definition = opts.process ?? readProcessFile(config.processFile);
  if (definition !== undefined) validateDefinition(definition);
  const database = opts.database ?? await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { db } = database;
  const clock = config.clockMode === 'manual' ? await createManualClock(db, config.clockStart ?? new Date()) : systemClock;
  const now = clock.now();
  await seedOfficialCalendar(db, now);
  const processes = await loadProcessService(db, now, definition);
  const { created } = await db.transaction((tx) => seedUsers({ demo: config.demo, demoPassword: config.demoPassword, adminPassword: config.adminPassword, now }, tx));
  const ctx: AppContext & { seeded: string[]; demo: boolean } = {
    database, db, clock, config, processes, seeded: created,
    calendars: createCalendarService(() => tierClocks(processes.current()), { ms: versionRecheckMs(config), wallMs: () => ctx.wallNow().getTime() }),
    wallNow: () => new Date(), demo: await isDemoCompany(db),
  };
  return ctx;
}
