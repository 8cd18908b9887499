// What every service receives besides its transaction.
import type { Database, Db } from '../db/client.js';
import type { Organisation } from '../domain/roles.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { CalendarService } from '../modules/calendar/service.js';
import type { ProcessService } from '../modules/process/service.js';

export interface AppContext {
  database: Database;
  db: Db;
  clock: Clock;
  config: Config;
  calendars: CalendarService;
  processes: ProcessService;
  /** wall time for security timers (sessions, login back-off): never the manual business
   *  clock, which may stand still; tests replace it */
  wallNow: () => Date;
  /** where the request log goes instead of stdout (tests read it) */
  logStream?: { write(line: string): void };
}

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  department: string | null;
  partnerId: string | null;
  /** the current definition's roles and departments (set at sign-in to each request; without it
   *  the default process's) — policies read departments, managers and `like` from it */
  org?: Organisation;
}
