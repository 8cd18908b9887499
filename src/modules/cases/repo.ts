// Every SQL statement on the one `cases` table (issue 9 §4). Deals and tickets keep their own
// details in their tables and join these columns in (deals/repo.ts, tickets/repo.ts).
import { and, eq, sql, type Column } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cases, customers } from '../../db/schema.js';

export type CaseRow = typeof cases.$inferSelect;
export type CaseInsert = typeof cases.$inferInsert;

/** The columns a deal or ticket row carries in from its case (everything but `type`). */
const CASE_KEYS = ['number', 'customerId', 'ownerId', 'state', 'definitionVersion', 'partnerId', 'tier', 'createdAt', 'updatedAt', 'closedAt'] as const;
type CaseKey = (typeof CASE_KEYS)[number];

/** A nullable cases column read where the case type always sets it (a deal's number, a
 *  ticket's tier): typed non-null, decoded like the column. */
export function required<C extends Column>(col: C) {
  return sql<NonNullable<C['_']['data']>>`${col}`.mapWith(col);
}

/** Splits a deal/ticket row or patch into what goes to `cases` and what stays in its own table. */
export function splitCase<T extends Record<string, unknown>>(row: T): { onCase: Partial<CaseInsert>; own: Omit<T, CaseKey> } {
  const onCase: Record<string, unknown> = {};
  const own: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined) continue;
    if ((CASE_KEYS as readonly string[]).includes(k)) onCase[k] = v;
    else own[k] = v;
  }
  return { onCase: onCase as Partial<CaseInsert>, own: own as Omit<T, CaseKey> };
}

export async function insertCase(tx: Tx, row: CaseInsert) {
  return (await tx.insert(cases).values(row).returning())[0];
}

export async function updateCase(tx: Tx, id: string, set: Partial<CaseInsert>) {
  if (!Object.keys(set).length) return;
  await tx.update(cases).set(set).where(eq(cases.id, id));
}

/** A case with its service clock: a ticket's fixed tier, else the customer's current one. */
/** A case as findCase reads it (joined to its customer for the clock). */
export const caseColumns = {
  id: cases.id, type: cases.type, number: cases.number, customerId: cases.customerId, ownerId: cases.ownerId,
  state: cases.state, definitionVersion: cases.definitionVersion, partnerId: cases.partnerId,
  tier: sql<string | null>`coalesce(${cases.tier}, ${customers.serviceTier})`,
  createdAt: cases.createdAt, updatedAt: cases.updatedAt, closedAt: cases.closedAt,
};
export type FoundCase = Awaited<ReturnType<typeof findCase>>;

export async function findCase(tx: Tx, id: string, type?: string) {
  return (await tx.select(caseColumns).from(cases).innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.id, id), type ? eq(cases.type, type) : undefined)))[0];
}

/** Moves a case to a step or an end state; an end closes it, a step (re)opens it. */
export async function setState(tx: Tx, id: string, state: string, now: Date, ended: boolean) {
  await tx.update(cases).set({ state, updatedAt: now, closedAt: ended ? now : null }).where(eq(cases.id, id));
}

/** The revisit case of a customer (same id as the customer), created with its first revisit. */
export async function ensureCustomerCase(tx: Tx, customer: { id: string; createdAt: Date }) {
  await tx.insert(cases).values({
    id: customer.id, type: 'customer', customerId: customer.id, state: 'new', createdAt: customer.createdAt, updatedAt: customer.createdAt,
  }).onConflictDoNothing();
}

export { cases as casesTable };
