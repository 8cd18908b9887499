// Time is injected. The manual clock (FANGYUAN_CLOCK=manual) keeps its instant in the
// database so that every app instance on one PostgreSQL sees the same time.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { settings } from '../db/schema.js';
import { conflict } from './errors.js';

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
      await clock.sync(d);
      if (next.getTime() < current.getTime()) throw conflict('the clock only moves forward');
      await d.update(settings).set({ value: next.toISOString(), updatedAt: new Date() }).where(eq(settings.key, KEY));
      current = next;
    },
  };
  return clock;
}
