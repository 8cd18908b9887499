import { and, asc, count, desc, eq, ilike, isNull, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { assets, customers } from '../../db/schema.js';

export type CustomerRow = typeof customers.$inferSelect;

export const phoneDigits = (phone: string) => phone.replace(/\D/g, '');

export async function insertCustomer(tx: Tx, row: typeof customers.$inferInsert) {
  return (await tx.insert(customers).values(row).returning())[0];
}
export async function findCustomer(tx: Tx, id: string) {
  return (await tx.select().from(customers).where(eq(customers.id, id)))[0];
}
export async function lockCustomer(tx: Tx, id: string) {
  return (await tx.select().from(customers).where(eq(customers.id, id)).for('update'))[0];
}
export async function updateCustomer(tx: Tx, id: string, expectedVersion: number | undefined, set: Partial<typeof customers.$inferInsert>) {
  const where = expectedVersion === undefined ? eq(customers.id, id) : and(eq(customers.id, id), eq(customers.version, expectedVersion));
  return (await tx.update(customers).set({ ...set, version: sql`${customers.version} + 1` }).where(where).returning())[0];
}

/** Name, contact or phone; substring match so 2-character Chinese queries work. */
export async function searchCustomers(tx: Tx, f: { q?: string; tier?: string; limit: number; offset: number }) {
  const q = f.q?.trim();
  const digits = q ? phoneDigits(q) : '';
  const where = and(
    q ? or(
      ilike(customers.name, `%${q}%`),
      ilike(customers.contactPerson, `%${q}%`),
      ilike(customers.address, `%${q}%`),
      digits.length >= 3 ? ilike(customers.phoneDigits, `%${digits}%`) : undefined,
    ) : undefined,
    f.tier ? eq(customers.serviceTier, f.tier) : undefined,
  );
  const items = await tx.select().from(customers).where(where)
    .orderBy(q && digits.length >= 3 ? sql`(${customers.phoneDigits} = ${digits}) desc` : asc(customers.name), desc(customers.createdAt))
    .limit(f.limit).offset(f.offset);
  const total = (await tx.select({ n: count() }).from(customers).where(where))[0].n;
  return { items, total };
}

export async function assetsOfCustomer(tx: Tx, customerId: string) {
  return tx.select().from(assets).where(eq(assets.customerId, customerId)).orderBy(asc(assets.installedAt), asc(assets.serialNumber));
}

export async function customersDueForRevisit(tx: Tx, now: Date) {
  return tx.select().from(customers).where(and(lte(customers.nextRevisitAt, now), sql`${customers.serviceTier} is not null`));
}

export async function inServiceAsset(tx: Tx, serialNumber: string) {
  return (await tx.select().from(assets).where(and(eq(assets.serialNumber, serialNumber), isNull(assets.replacedAt))))[0];
}
export async function insertAsset(tx: Tx, row: typeof assets.$inferInsert) {
  return (await tx.insert(assets).values(row).returning())[0];
}
export async function markAssetReplaced(tx: Tx, id: string, replacedAt: Date, replacedById: string) {
  await tx.update(assets).set({ replacedAt, replacedById }).where(eq(assets.id, id));
}
export async function assetHistory(tx: Tx, serialNumber: string) {
  return tx.select({ asset: assets, customerName: customers.name }).from(assets)
    .innerJoin(customers, eq(customers.id, assets.customerId))
    .where(ilike(assets.serialNumber, `%${serialNumber}%`)).orderBy(asc(assets.installedAt)).limit(200);
}
