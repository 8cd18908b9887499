import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { customers, deals, negotiationLog } from '../../db/schema.js';

export type DealRow = typeof deals.$inferSelect;

export async function insertDeal(tx: Tx, row: typeof deals.$inferInsert) {
  return (await tx.insert(deals).values(row).returning())[0];
}
export async function findDeal(tx: Tx, id: string) {
  return (await tx.select().from(deals).where(eq(deals.id, id)))[0];
}
export async function updateDeal(tx: Tx, id: string, set: Partial<typeof deals.$inferInsert>) {
  return (await tx.update(deals).set(set).where(eq(deals.id, id)).returning())[0];
}
export async function dealsOfCustomer(tx: Tx, customerId: string) {
  return tx.select().from(deals).where(eq(deals.customerId, customerId)).orderBy(desc(deals.createdAt));
}
export async function listDeals(tx: Tx, f: { state?: string; q?: string; ownerId?: string; limit: number; offset: number }) {
  const where: SQL | undefined = and(
    f.state ? eq(deals.state, f.state) : undefined,
    f.ownerId ? eq(deals.ownerId, f.ownerId) : undefined,
    f.q ? or(ilike(customers.name, `%${f.q}%`), ilike(deals.number, `%${f.q}%`)) : undefined,
  );
  const items = await tx.select({ deal: deals, customerName: customers.name }).from(deals)
    .innerJoin(customers, eq(customers.id, deals.customerId)).where(where)
    .orderBy(desc(deals.createdAt)).limit(f.limit).offset(f.offset);
  const total = (await tx.select({ n: count() }).from(deals).innerJoin(customers, eq(customers.id, deals.customerId)).where(where))[0].n;
  return { items, total };
}
export async function insertNegotiationEntry(tx: Tx, row: typeof negotiationLog.$inferInsert) {
  return (await tx.insert(negotiationLog).values(row).returning())[0];
}
export async function negotiationEntries(tx: Tx, dealId: string) {
  return tx.select().from(negotiationLog).where(eq(negotiationLog.dealId, dealId)).orderBy(asc(negotiationLog.at));
}
