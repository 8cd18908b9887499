import { and, asc, count, desc, eq, ilike, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { assets, customers } from '../../db/schema.js';
import { containsPattern } from '../../db/like.js';

export type CustomerRow = typeof customers.$inferSelect;

/** The company itself, as the "customer" of its internal cases (the feedback reports): every case
 *  names a customer, and customer lists leave this one out. */
export const COMPANY_CUSTOMER_ID = 'company';

export const phoneDigits = (phone: string) => phone.replace(/\D/g, '');

/** A caller's number as typed or shown by caller ID: digits only, without the +86 / 0086 country code. */
export function callerDigits(q: string): string {
  const d = phoneDigits(q);
  const mobile = /^(?:0086|86)(1\d{10})$/.exec(d);
  if (mobile) return mobile[1];
  const landline = /^(?:0086|86)([2-9]\d{8,10})$/.exec(d);
  return landline ? `0${landline[1]}` : d;
}

export async function insertCustomer(tx: Tx, row: typeof customers.$inferInsert) {
  return (await tx.insert(customers).values(row).returning())[0];
}
/** A customer with the same name (case and spaces aside) and the same phone digits. */
export async function findSameCustomer(tx: Tx, name: string, phone: string) {
  return (await tx.select().from(customers)
    .where(and(eq(customers.phoneDigits, phoneDigits(phone)), sql`lower(trim(${customers.name})) = lower(trim(${name}))`))
    .orderBy(asc(customers.createdAt)).limit(1))[0];
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

/** Name, contact or phone; substring match so 2-character Chinese queries work.
 *  A caller's number finds its customer with or without dashes, spaces, +86, or the area code
 *  (caller ID 02188886666 finds a customer kept as 88886666); the exact number comes first. */
export async function searchCustomers(tx: Tx, f: { q?: string; tier?: string; limit: number; offset: number }) {
  const q = f.q?.trim();
  // a phone number is searched as one: digits with spaces, dashes, + and brackets; digits inside
  // words (a name with a number in it) are not a phone
  const digits = q && /^[\d\s()（）+\-.]+$/.test(q) ? callerDigits(q) : '';
  const isPhone = digits.length >= 3;
  const where = and(
    q ? or(
      ilike(customers.name, containsPattern(q)),
      ilike(customers.contactPerson, containsPattern(q)),
      ilike(customers.address, containsPattern(q)),
      isPhone ? sql`strpos(${customers.phoneDigits}, ${digits}) > 0` : undefined,
      // the stored number is the tail of the caller's (area code or country code in front)
      digits.length >= 7 ? sql`(length(${customers.phoneDigits}) >= 7 and right(${digits}, length(${customers.phoneDigits})) = ${customers.phoneDigits})` : undefined,
    ) : undefined,
    f.tier ? eq(customers.serviceTier, f.tier) : undefined,
    // the company itself, the "customer" of its internal cases (feedback reports), is no customer to list
    ne(customers.id, COMPANY_CUSTOMER_ID),
  );
  const items = await tx.select().from(customers).where(where)
    .orderBy(isPhone ? sql`(${customers.phoneDigits} = ${digits}) desc` : asc(customers.name), isPhone ? asc(customers.name) : desc(customers.createdAt), desc(customers.createdAt))
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
/** Claims customers in service whose revisit is due; other instances skip the claimed rows. */
export async function claimCustomersDueForRevisit(tx: Tx, now: Date, limit: number) {
  return tx.select().from(customers)
    .where(and(lte(customers.nextRevisitAt, now), sql`${customers.serviceTier} is not null`))
    .orderBy(asc(customers.nextRevisitAt)).limit(limit).for('update', { skipLocked: true });
}
export async function setNextRevisit(tx: Tx, id: string, at: Date) {
  await tx.update(customers).set({ nextRevisitAt: at }).where(eq(customers.id, id));
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
/** LIKE wildcards typed by the user match themselves (serial numbers often contain `_`). */

export async function assetHistory(tx: Tx, serialNumber: string) {
  return tx.select({ asset: assets, customerName: customers.name }).from(assets)
    .innerJoin(customers, eq(customers.id, assets.customerId))
    .where(ilike(assets.serialNumber, containsPattern(serialNumber)))
    // per serial number: oldest stay first, the one in service last
    .orderBy(asc(assets.serialNumber), asc(assets.installedAt), sql`${assets.replacedAt} asc nulls last`, asc(assets.id)).limit(200);
}

/** The device in service under this serial number, with the customer that has it. */
export async function inServiceAssetWithCustomer(tx: Tx, serialNumber: string) {
  return (await tx.select({ asset: assets, customerName: customers.name }).from(assets)
    .innerJoin(customers, eq(customers.id, assets.customerId))
    .where(and(eq(assets.serialNumber, serialNumber), isNull(assets.replacedAt))))[0];
}

export async function assetsByIds(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx.select().from(assets).where(inArray(assets.id, ids));
}

/** The devices that were replaced by the given ones (their predecessors). */
export async function assetsReplacedBy(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx.select().from(assets).where(inArray(assets.replacedById, ids));
}
