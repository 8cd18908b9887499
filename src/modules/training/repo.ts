// Every SQL statement of the training rotation (issue 14).
import { and, asc, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { trainingSessions } from '../../db/schema.js';

export type SessionRow = typeof trainingSessions.$inferSelect;

export async function insertSession(tx: Tx, row: typeof trainingSessions.$inferInsert) {
  return (await tx.insert(trainingSessions).values(row).onConflictDoNothing().returning())[0];
}
/** The last session before a date (the rotation continues from it). */
export async function lastBefore(tx: Tx, date: string) {
  return (await tx.select().from(trainingSessions).where(lt(trainingSessions.date, date)).orderBy(desc(trainingSessions.date)).limit(1))[0];
}
export async function lastOfDirectionBefore(tx: Tx, direction: string, date: string) {
  return (await tx.select().from(trainingSessions).where(and(eq(trainingSessions.direction, direction), lt(trainingSessions.date, date))).orderBy(desc(trainingSessions.date)).limit(1))[0];
}
export async function onDate(tx: Tx, date: string) {
  return (await tx.select().from(trainingSessions).where(eq(trainingSessions.date, date)))[0];
}
export async function between(tx: Tx, from?: string, to?: string) {
  return tx.select().from(trainingSessions).where(and(from ? gte(trainingSessions.date, from) : undefined, to ? lt(trainingSessions.date, to) : undefined)).orderBy(asc(trainingSessions.date));
}
export async function findSession(tx: Tx, id: string) {
  return (await tx.select().from(trainingSessions).where(eq(trainingSessions.id, id)).for('update'))[0];
}
export async function updateSession(tx: Tx, id: string, set: Partial<typeof trainingSessions.$inferInsert>) {
  return (await tx.update(trainingSessions).set(set).where(eq(trainingSessions.id, id)).returning())[0]!;
}
/** Sessions a user taught or attended. */
export async function historyOf(tx: Tx, userId: string) {
  return tx.select().from(trainingSessions)
    .where(or(eq(trainingSessions.lecturerId, userId), sql`${trainingSessions.attendeeIds} @> ${JSON.stringify([userId])}::jsonb`))
    .orderBy(asc(trainingSessions.date));
}
