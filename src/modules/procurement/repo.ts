// Every SQL statement of procurement: the purchase list of a deal and its lines.
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { purchaseLines, purchaseLists } from '../../db/schema.js';

export type PurchaseListRow = typeof purchaseLists.$inferSelect;
export type PurchaseLineRow = typeof purchaseLines.$inferSelect;

export async function findPurchaseList(tx: Tx, dealId: string) {
  return (await tx.select().from(purchaseLists).where(eq(purchaseLists.dealId, dealId)))[0];
}

/** Creates the list unless the deal already has one; returns whether it was created. */
export async function insertPurchaseList(tx: Tx, row: typeof purchaseLists.$inferInsert) {
  return (await tx.insert(purchaseLists).values(row).onConflictDoNothing().returning())[0];
}

export async function insertPurchaseLines(tx: Tx, rows: (typeof purchaseLines.$inferInsert)[]) {
  if (!rows.length) return [];
  return tx.insert(purchaseLines).values(rows).returning();
}

export async function linesOfDeal(tx: Tx, dealId: string) {
  return tx.select().from(purchaseLines).where(eq(purchaseLines.dealId, dealId)).orderBy(asc(purchaseLines.lineNo));
}

/** Locks the lines while procurement is closed, so none is un-received meanwhile. */
export async function lockLinesOfDeal(tx: Tx, dealId: string) {
  return tx.select().from(purchaseLines).where(eq(purchaseLines.dealId, dealId)).orderBy(asc(purchaseLines.lineNo)).for('update');
}

export async function lockLine(tx: Tx, id: string) {
  return (await tx.select().from(purchaseLines).where(eq(purchaseLines.id, id)).for('update'))[0];
}

export async function updateLine(
  tx: Tx, id: string, expectedVersion: number,
  set: Partial<Pick<PurchaseLineRow, 'supplier' | 'orderedAt' | 'receivedAt'>> & { updatedAt: Date },
) {
  return (await tx.update(purchaseLines).set({ ...set, version: expectedVersion + 1 })
    .where(and(eq(purchaseLines.id, id), eq(purchaseLines.version, expectedVersion))).returning())[0];
}

export async function closePurchaseList(tx: Tx, dealId: string, set: { closedAt: Date; closedBy: string; exception: string | null }) {
  return (await tx.update(purchaseLists).set(set).where(eq(purchaseLists.dealId, dealId)).returning())[0];
}
