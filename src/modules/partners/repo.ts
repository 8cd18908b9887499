import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { partners } from '../../db/schema.js';

export type PartnerRow = typeof partners.$inferSelect;

export async function findPartner(tx: Tx, id: string) {
  return (await tx.select().from(partners).where(eq(partners.id, id)))[0];
}
export async function lockPartner(tx: Tx, id: string) {
  return (await tx.select().from(partners).where(eq(partners.id, id)).for('update'))[0];
}
export async function insertPartner(tx: Tx, row: typeof partners.$inferInsert) {
  return (await tx.insert(partners).values(row).returning())[0];
}
export async function updatePartner(tx: Tx, id: string, set: Partial<Pick<PartnerRow, 'name' | 'certifiedUntil' | 'ratePerRepairFen'>>) {
  return (await tx.update(partners).set(set).where(eq(partners.id, id)).returning())[0];
}
export async function listPartners(tx: Tx) {
  return tx.select().from(partners).orderBy(asc(partners.name));
}
