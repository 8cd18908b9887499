import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { users } from '../../db/schema.js';
import { containsPattern } from '../../db/like.js';

export async function insertUser(tx: Tx, row: typeof users.$inferInsert) {
  const [u] = await tx.insert(users).values(row).returning();
  return u;
}

export async function findUser(tx: Tx, id: string) {
  return (await tx.select().from(users).where(eq(users.id, id)))[0];
}

export async function usernameTaken(tx: Tx, username: string) {
  return (await tx.select({ id: users.id }).from(users).where(eq(users.username, username))).length > 0;
}

export async function countUsers(tx: Tx) {
  return (await tx.select({ n: count() }).from(users))[0].n;
}

export async function listUsers(tx: Tx, f: { role?: string; q?: string; limit: number; offset: number }) {
  const where = and(
    eq(users.active, true),
    f.role ? sql`${users.roles} @> ${JSON.stringify([f.role])}::jsonb` : undefined,
    f.q ? or(ilike(users.username, containsPattern(f.q)), ilike(users.displayName, containsPattern(f.q))) : undefined,
  );
  const items = await tx.select().from(users).where(where).orderBy(asc(users.username)).limit(f.limit).offset(f.offset);
  const total = (await tx.select({ n: count() }).from(users).where(where))[0].n;
  return { items, total };
}

/** Active users holding a role (escalations go to them). */
export async function usersWithRole(tx: Tx, role: string) {
  return tx.select().from(users).where(and(eq(users.active, true), sql`${users.roles} @> ${JSON.stringify([role])}::jsonb`));
}
