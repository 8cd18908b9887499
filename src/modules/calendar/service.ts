// The working-time calendar as the company keeps it: official data seeded from the
// chinese-days package, corrected by the sysadmin; business hours in settings.
// Instances cache the built calendar and rebuild when the stored version moves.
import type { Db, Tx } from '../../db/client.js';
import {
  createWorkCalendar, officialCalendarData, DEFAULT_HOURS,
  type BusinessHours, type CalendarData, type TierClock, type WorkCalendar,
} from '../../domain/calendar/index.js';
import * as repo from './repo.js';
import { tierClocks as clocksOf } from '../../domain/process/tiers.js';
import type { ProcessDefinition } from '../../domain/process/definition.js';

const VERSION_KEY = 'calendar.version';
const HOURS_KEY = 'calendar.hours';
const YEARS_KEY = 'calendar.officialYears';

export interface CalendarService {
  /** The calendar with the tier clocks of the current process, or of `def` — a running case's own
   *  version, so a tier's clock changed later does not move that case's future deadlines. */
  get(tx: Tx, def?: Pick<ProcessDefinition, 'version' | 'tiers'>): Promise<WorkCalendar>;
  /** call after any change of days or hours */
  bump(tx: Tx, now: Date): Promise<void>;
}

export async function seedOfficialCalendar(db: Db, now: Date) {
  if ((await repo.countDays(db)) > 0) return;
  const data = officialCalendarData();
  await repo.insertDays(db, data.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null, source: 'official' })));
  await repo.putSetting(db, YEARS_KEY, data.officialYears, now);
  await repo.putSetting(db, VERSION_KEY, 1, now);
}

export async function loadCalendarData(tx: Tx): Promise<{ data: CalendarData; hours: BusinessHours }> {
  const days = await repo.allDays(tx);
  const officialYears = (await repo.getSetting<number[]>(tx, YEARS_KEY)) ?? [];
  const hours = (await repo.getSetting<BusinessHours>(tx, HOURS_KEY)) ?? DEFAULT_HOURS;
  return {
    data: { days: days.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'makeup_workday', ...(d.name ? { name: d.name } : {}) })), officialYears },
    hours,
  };
}

/** Each tier's clock, from the current process definition (standard/vip by default). */
export type TierClocks = () => { version: number; clocks: Record<string, TierClock> };

/** `recheck`: for how long (ms of `wallMs` time) the stored version is trusted without asking
 *  the database again — a change made on another instance shows here within it; a change made
 *  here shows at once. 0: ask on every call. */
export function createCalendarService(tierClocks?: TierClocks, recheck: { ms: number; wallMs: () => number } = { ms: 0, wallMs: () => 0 }): CalendarService {
  let cached: { version: number; process: number | undefined; calendar: WorkCalendar; checkedAt: number; data: CalendarData; hours: BusinessHours } | undefined;
  /** calendars of other process versions, by `<calendar version>:<process version>` */
  const older = new Map<string, WorkCalendar>();
  const service: CalendarService = {
    async get(tx, def) {
      const current = await currentCalendar(tx);
      if (!def || !cached || def.version === cached.process) return current;
      const key = `${cached.version}:${def.version}`;
      let cal = older.get(key);
      if (!cal) {
        if (older.size > 20) older.clear();
        cal = createWorkCalendar({ data: cached.data, hours: cached.hours, clocks: clocksOf(def).clocks });
        older.set(key, cal);
      }
      return cal;
    },
    async bump(tx, now) {
      cached = undefined;
      older.clear();
      const v = (await repo.getSetting<number>(tx, VERSION_KEY)) ?? 0;
      await repo.putSetting(tx, VERSION_KEY, v + 1, now);
    },
  };
  return service;

  async function currentCalendar(tx: Tx): Promise<WorkCalendar> {
      const tiers = tierClocks?.();
      const wall = recheck.wallMs();
      if (cached && recheck.ms > 0 && cached.process === tiers?.version && wall >= cached.checkedAt && wall - cached.checkedAt < recheck.ms) return cached.calendar;
      const version = (await repo.getSetting<number>(tx, VERSION_KEY)) ?? 0;
      if (cached?.version === version && cached.process === tiers?.version) {
        cached.checkedAt = wall;
        return cached.calendar;
      }
      const { data, hours } = await loadCalendarData(tx);
      const calendar = createWorkCalendar({ data, hours, clocks: tiers?.clocks });
      cached = { version, process: tiers?.version, calendar, checkedAt: wall, data, hours };
      return calendar;
  }
}

export { HOURS_KEY, YEARS_KEY };
