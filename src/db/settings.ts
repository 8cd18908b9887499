// Company settings: one JSON value per key (channels, business hours, proposal templates, …).
import { eq } from 'drizzle-orm';
import type { Tx } from './client.js';
import { settings } from './schema.js';

export async function getSetting<T = unknown>(tx: Tx, key: string): Promise<T | undefined> {
  return (await tx.select().from(settings).where(eq(settings.key, key)))[0]?.value as T | undefined;
}

export async function putSetting(tx: Tx, key: string, value: unknown, now: Date) {
  await tx.insert(settings).values({ key, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}
