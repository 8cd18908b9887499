import { and, asc, count, eq, gte, lte } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { calendarDays } from '../../db/schema.js';

export async function allDays(tx: Tx) {
  return tx.select().from(calendarDays).orderBy(asc(calendarDays.date));
}
export async function daysBetween(tx: Tx, from: string, to: string) {
  return tx.select().from(calendarDays).where(and(gte(calendarDays.date, from), lte(calendarDays.date, to))).orderBy(asc(calendarDays.date));
}
export async function countDays(tx: Tx) {
  return (await tx.select({ n: count() }).from(calendarDays))[0].n;
}
export async function insertDays(tx: Tx, rows: (typeof calendarDays.$inferInsert)[]) {
  if (rows.length) await tx.insert(calendarDays).values(rows).onConflictDoNothing();
}
export async function upsertDay(tx: Tx, row: typeof calendarDays.$inferInsert) {
  await tx.insert(calendarDays).values(row).onConflictDoUpdate({ target: calendarDays.date, set: { kind: row.kind, name: row.name, source: row.source } });
}
export async function deleteDay(tx: Tx, date: string) {
  return (await tx.delete(calendarDays).where(eq(calendarDays.date, date)).returning()).length > 0;
}
export { getSetting, putSetting } from '../../db/settings.js';
