// Time is injected. The manual clock (FANGYUAN_CLOCK=manual) keeps its instant in the
// database so that every app instance on one PostgreSQL sees the same time.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { settings } from '../db/schema.js';
import { conflict, fieldError } from './errors.js';
import { MAX_YEAR, MIN_YEAR } from '../domain/iso.js';

export interface Clock {
  readonly mode: 'system' | 'manual';
  now(): Date;
  /** refresh from the database (manual clock only) */
  sync(db: Db): Promise<void>;
  set(db: Db, now: Date): Promise<void>;
}

export const systemClock: Clock = {
  mode: 'system',
  now: () => new Date(),
  sync: async () => {},
  set: async () => { throw new Error('the system clock cannot be set'); },
};

const KEY = 'clock.now';

export async function createManualClock(db: Db, start: Date): Promise<Clock> {
  let current = start;
  const rows = await db.select().from(settings).where(eq(settings.key, KEY));
  if (rows[0]) current = new Date(rows[0].value as string);
  else await db.insert(settings).values({ key: KEY, value: start.toISOString(), updatedAt: new Date() }).onConflictDoNothing();
  const clock: Clock = {
    mode: 'manual',
    now: () => new Date(current.getTime()),
    async sync(d) {
      const r = await d.select().from(settings).where(eq(settings.key, KEY));
      if (r[0]) current = new Date(r[0].value as string);
    },
    async set(d, next) {
      if (!(next.getUTCFullYear() >= MIN_YEAR && next.getUTCFullYear() <= MAX_YEAR)) {
        throw fieldError('now', 'field.year_range', { min: MIN_YEAR, max: MAX_YEAR });
      }
      // conditional in SQL: of two instances moving it at once, the clock keeps the later time
      const moved = await d.update(settings)
        .set({ value: next.toISOString(), updatedAt: next })
        .where(and(eq(settings.key, KEY), sql`(${settings.value} #>> '{}')::timestamptz <= ${next.toISOString()}::timestamptz`))
        .returning({ key: settings.key });
      await clock.sync(d);
      if (!moved.length) throw conflict('clock.forward_only');
    },
  };
  return clock;
}
