import { and, asc, count, desc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
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

export const USER_SORTS = ['username_asc', 'username_desc', 'name_asc', 'name_desc', 'created_asc', 'created_desc'] as const;
const USER_ORDER: Record<(typeof USER_SORTS)[number], SQL[]> = {
  username_asc: [asc(users.username)], username_desc: [desc(users.username)],
  name_asc: [asc(users.displayName), asc(users.username)], name_desc: [desc(users.displayName), asc(users.username)],
  created_asc: [asc(users.createdAt), asc(users.username)], created_desc: [desc(users.createdAt), asc(users.username)],
};

export async function listUsers(tx: Tx, f: { role?: string; q?: string; status?: 'active' | 'inactive' | 'all'; sort?: (typeof USER_SORTS)[number]; limit: number; offset: number }) {
  const where = and(
    f.status === 'all' ? undefined : eq(users.active, f.status !== 'inactive'),
    f.role ? sql`${users.roles} @> ${JSON.stringify([f.role])}::jsonb` : undefined,
    f.q ? or(ilike(users.username, containsPattern(f.q)), ilike(users.displayName, containsPattern(f.q))) : undefined,
  );
  const items = await tx.select().from(users).where(where).orderBy(...USER_ORDER[f.sort ?? 'username_asc']).limit(f.limit).offset(f.offset);
  const total = (await tx.select({ n: count() }).from(users).where(where))[0].n;
  return { items, total };
}

/** Active users holding a role (escalations go to them). */
export async function usersWithRole(tx: Tx, role: string) {
  return tx.select().from(users).where(and(eq(users.active, true), sql`${users.roles} @> ${JSON.stringify([role])}::jsonb`));
}

export async function updateUser(tx: Tx, id: string, patch: Partial<typeof users.$inferInsert>) {
  const [u] = await tx.update(users).set(patch).where(eq(users.id, id)).returning();
  return u;
}

/** active sysadmins other than the given user (the last one may not be disabled or demoted) */
export async function otherActiveSysadmins(tx: Tx, id: string) {
  return (await tx.select({ id: users.id }).from(users)
    .where(and(eq(users.active, true), ne(users.id, id), sql`${users.roles} @> '["sysadmin"]'::jsonb`))).length;
}

export { getSetting, putSetting } from '../../db/settings.js';
