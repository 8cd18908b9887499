import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { loginAttempts, sessions, users } from '../../db/schema.js';

export async function findUserByUsername(tx: Tx, username: string) {
  const rows = await tx.select().from(users).where(eq(users.username, username));
  return rows[0];
}

export async function insertSession(tx: Tx, row: typeof sessions.$inferInsert) {
  await tx.insert(sessions).values(row);
}

export async function findSessionUser(tx: Tx, tokenHash: string, now: Date) {
  const rows = await tx
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), eq(users.active, true)));
  return rows[0]?.user;
}

export async function revokeSession(tx: Tx, tokenHash: string, now: Date) {
  await tx.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function getLoginAttempts(tx: Tx, username: string) {
  const rows = await tx.select().from(loginAttempts).where(eq(loginAttempts.username, username));
  return rows[0];
}

export async function saveLoginAttempts(tx: Tx, row: typeof loginAttempts.$inferInsert) {
  await tx.insert(loginAttempts).values(row).onConflictDoUpdate({
    target: loginAttempts.username,
    set: { failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil ?? null },
  });
}

export async function clearLoginAttempts(tx: Tx, username: string) {
  await tx.delete(loginAttempts).where(eq(loginAttempts.username, username));
}
