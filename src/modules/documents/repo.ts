import { and, asc, count, desc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cases, customers, docCounters, documents } from '../../db/schema.js';
import { cappedCount, contains, customerSearch } from '../../db/search.js';

export type DocumentRow = typeof documents.$inferSelect;

/** The next number of a prefix and year. The counter row stays locked until the transaction
 *  ends, so numbers are unique, and a rolled-back submission gives its number back (gap-free). */
export async function nextSequence(tx: Tx, prefix: string, year: number): Promise<number> {
  const [row] = await tx.insert(docCounters).values({ prefix, year, last: 1 })
    .onConflictDoUpdate({ target: [docCounters.prefix, docCounters.year], set: { last: sql`${docCounters.last} + 1` } })
    .returning({ last: docCounters.last });
  return row.last;
}

export async function insertDocument(tx: Tx, row: typeof documents.$inferInsert) {
  return (await tx.insert(documents).values(row).returning())[0];
}
export async function findDocument(tx: Tx, id: string) {
  return (await tx.select().from(documents).where(eq(documents.id, id)))[0];
}
export async function updateDocumentFields(tx: Tx, id: string, fields: Record<string, unknown>, signedBy?: DocumentRow['signedBy']) {
  return (await tx.update(documents).set({ fields, ...(signedBy ? { signedBy } : {}), version: sql`${documents.version} + 1` }).where(eq(documents.id, id)).returning())[0];
}
export async function documentsOfCase(tx: Tx, caseId: string) {
  return tx.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(asc(documents.createdAt), asc(documents.number));
}
export async function documentOfCaseByForm(tx: Tx, caseId: string, form: string) {
  // the latest: documents made at one instant (a manual clock standing still) by their gap-free number
  return (await tx.select().from(documents).where(and(eq(documents.caseId, caseId), eq(documents.form, form))).orderBy(desc(documents.createdAt), desc(documents.number)).limit(1))[0];
}
export async function documentsOfCustomer(tx: Tx, customerId: string) {
  return tx.select().from(documents).where(eq(documents.customerId, customerId)).orderBy(desc(documents.createdAt));
}
export async function markArchived(tx: Tx, caseId: string, at: Date) {
  await tx.update(documents).set({ archivedAt: at }).where(and(eq(documents.caseId, caseId), isNull(documents.archivedAt)));
}

export interface DocumentSearch {
  number?: string; customer?: string; form?: string; from?: Date; to?: Date; department?: string;
  archived?: boolean; departments?: string[] | 'all'; limit: number; offset: number;
}

export async function searchDocuments(tx: Tx, f: DocumentSearch) {
  const byCustomer = f.customer ? await customerSearch(tx, f.customer, documents.customerId) : undefined;
  const where: SQL | undefined = and(
    f.number ? contains(documents.number, f.number) : undefined,
    byCustomer?.where,
    f.form ? eq(documents.form, f.form) : undefined,
    f.from ? gte(documents.createdAt, f.from) : undefined,
    f.to ? lt(documents.createdAt, f.to) : undefined,
    f.department ? sql`${documents.copies} @> ${JSON.stringify([f.department])}::jsonb` : undefined,
    f.archived === undefined ? undefined : f.archived ? sql`${documents.archivedAt} is not null` : isNull(documents.archivedAt),
    f.departments === 'all' || !f.departments ? undefined
      : f.departments.length ? or(...f.departments.map((d) => sql`${documents.copies} @> ${JSON.stringify([d])}::jsonb`)) : sql`false`,
  );
  // the case's number (SJ-/GD-; none for a revisit) comes with one join, whatever the case type
  const items = await tx.select({ doc: documents, customerName: customers.name, caseNumber: cases.number }).from(documents)
    .innerJoin(customers, eq(customers.id, documents.customerId))
    .innerJoin(cases, eq(cases.id, documents.caseId)).where(where)
    .orderBy(desc(documents.createdAt), desc(documents.number)).limit(f.limit).offset(f.offset);
  if (byCustomer?.broad) return { items, ...await cappedCount(tx, tx.select({ one: sql`1` }).from(documents).where(where).getSQL()) };
  const total = (await tx.select({ n: count() }).from(documents).where(where))[0].n;
  return { items, total };
}

/** Archives one document (paper filed, electronic copy searchable); null when it already was. */
export async function archiveDocumentById(tx: Tx, id: string, at: Date) {
  return (await tx.update(documents).set({ archivedAt: at }).where(and(eq(documents.id, id), isNull(documents.archivedAt))).returning())[0];
}
