import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { loginThrottle, sessions, users } from '../../db/schema.js';
import { forgetSessions } from './session-cache.js';

export async function findUserByUsername(tx: Tx, username: string) {
  const rows = await tx.select().from(users).where(eq(users.username, username));
  return rows[0];
}

export async function insertSession(tx: Tx, row: typeof sessions.$inferInsert) {
  await tx.insert(sessions).values(row);
}

export async function findSessionUser(tx: Tx, tokenHash: string, now: Date) {
  const rows = await tx
    .select({ user: users, sessionId: sessions.id, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), eq(users.active, true)));
  return rows[0];
}

export async function revokeSession(tx: Tx, tokenHash: string, now: Date) {
  forgetSessions();
  await tx.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

const live = (now: Date) => and(isNull(sessions.revokedAt), gt(sessions.expiresAt, now));

export async function listLiveSessions(tx: Tx, userId: string, now: Date) {
  return tx.select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, ip: sessions.ip, userAgent: sessions.userAgent })
    .from(sessions).where(and(eq(sessions.userId, userId), live(now))).orderBy(asc(sessions.createdAt));
}

/** ends one live session of the user; false when the user has no such session */
export async function revokeSessionById(tx: Tx, userId: string, id: string, now: Date) {
  forgetSessions();
  const rows = await tx.update(sessions).set({ revokedAt: now })
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), live(now))).returning({ id: sessions.id });
  return rows.length > 0;
}

/** ends every live session of the user, but the one to keep (the caller's own) */
export async function revokeUserSessions(tx: Tx, userId: string, now: Date, keepId?: string) {
  forgetSessions();
  await tx.update(sessions).set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), live(now), keepId ? ne(sessions.id, keepId) : undefined));
}

/** dead sessions (expired, or revoked) leave the table */
export async function purgeDeadSessions(tx: Tx, now: Date) {
  const rows = await tx.delete(sessions).where(or(lte(sessions.expiresAt, now), isNotNull(sessions.revokedAt))).returning({ id: sessions.id });
  return rows.length;
}

export async function setPassword(tx: Tx, userId: string, passwordHash: string, mustChangePassword: boolean) {
  forgetSessions();
  await tx.update(users).set({ passwordHash, mustChangePassword }).where(eq(users.id, userId));
}

/** Creates the missing counters and locks all of them, in key order (no deadlocks). */
export async function lockThrottleRows(tx: Tx, keys: string[], now: Date) {
  const sorted = [...keys].sort();
  await tx.insert(loginThrottle).values(sorted.map((key) => ({ key, failures: 0, lastFailureAt: now, nextAllowedAt: now }))).onConflictDoNothing();
  return tx.select().from(loginThrottle).where(inArray(loginThrottle.key, sorted)).orderBy(asc(loginThrottle.key)).for('update');
}

export async function saveThrottleRow(tx: Tx, row: typeof loginThrottle.$inferSelect) {
  await tx.update(loginThrottle).set({ failures: row.failures, lastFailureAt: row.lastFailureAt, nextAllowedAt: row.nextAllowedAt })
    .where(eq(loginThrottle.key, row.key));
}

export async function deleteThrottleRows(tx: Tx, keys: string[]) {
  await tx.delete(loginThrottle).where(inArray(loginThrottle.key, keys));
}

export async function uncountThrottleFailure(tx: Tx, key: string) {
  await tx.update(loginThrottle).set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` }).where(eq(loginThrottle.key, key));
}

/** idle counters (no failure for a while, not backing off) leave the table */
export async function pruneThrottle(tx: Tx, idleBefore: Date, now: Date) {
  const rows = await tx.delete(loginThrottle)
    .where(and(lt(loginThrottle.lastFailureAt, idleBefore), lte(loginThrottle.nextAllowedAt, now))).returning({ key: loginThrottle.key });
  return rows.length;
}

export async function countThrottleRows(tx: Tx) {
  return (await tx.select({ n: sql<number>`count(*)::int` }).from(loginThrottle))[0].n;
}
