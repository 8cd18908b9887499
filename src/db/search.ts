// Substring search that an index serves, for Chinese as well as for numbers. A column searched
// this way has a GIN index on fy_bigrams(column) (its two-character pieces, migration 0017): the
// index finds the rows holding every piece of the query, and ILIKE keeps those where the pieces
// stand in order. A one-character query has no piece and is an ILIKE alone.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from './client.js';
import { containsPattern } from './like.js';
import { cases } from './schema.js';

/** A PostgreSQL text[] literal (one parameter, however many ids; drizzle spreads a JS array into
 *  one parameter per element). */
const textArray = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

/** `column` contains `q` (trimmed; % _ \ taken literally), case-insensitively. */
export function contains(column: SQL | { getSQL(): SQL }, q: string): SQL {
  const s = q.trim();
  const like = sql`${column} ilike ${containsPattern(s)}`;
  return s.length >= 2 ? sql`(fy_bigrams(${column}) @> fy_bigrams(${s}::text) and ${like})` : like;
}

const customersNamed = (q: string) => sql`select c.id from customers c where ${contains(sql`c.name`, q)}`;

/** `select id` branches, each served by its own index: the cases (of one type, or any) of the
 *  customers whose name contains `q`, those whose number does, and any further ones given. */
function caseBranches(q: string, type: string | undefined, more: SQL[]): { byCustomer: SQL; rest: SQL[] } {
  const ofType = type ? sql`k.type = ${type} and ` : sql``;
  return {
    byCustomer: sql`select k.id from cases k where ${ofType}k.customer_id in (${customersNamed(q)})`,
    rest: [sql`select k.id from cases k where ${ofType}${contains(sql`k.number`, q)}`, ...more],
  };
}

/** The ids of the cases (of one type, or any) whose number, or whose customer's name, contains
 *  `q`, and of any further `select id …` given. */
export function casesMatching(q: string, type?: string, ...more: SQL[]): SQL {
  const { byCustomer, rest } = caseBranches(q, type, more);
  return sql.join([byCustomer, ...rest], sql` union `);
}

/** A search box's matches this many cases or fewer: they are collected first and the list reads
 *  just them. More: the list walks its own order and tests each case, stopping at the page. */
export const SEARCH_SET_MAX = 2000;
/** A broad search's total stops counting here (`totalCapped`). */
export const SEARCH_COUNT_CAP = 1000;

const idsOf = (result: unknown) => ((result as { rows: { id: string }[] }).rows).map((r) => r.id);

/** `column` among the ids `ids` selects when there are at most SEARCH_SET_MAX of them; else the
 *  per-row test `broad` (the search is broad). */
async function narrowed(tx: Tx, ids: SQL, column: SQL | { getSQL(): SQL }, broad: SQL): Promise<{ where: SQL; broad: boolean }> {
  const unique = [...new Set(idsOf(await tx.execute(sql`${ids} limit ${SEARCH_SET_MAX + 1}`)))];
  if (unique.length > SEARCH_SET_MAX) return { where: broad, broad: true };
  return { where: unique.length ? sql`${column} = any(${textArray(unique)}::text[])` : sql`false`, broad: false };
}

/** The condition a list puts on `cases` for a search box, and whether the search is broad. The
 *  matching customers come first: more than SEARCH_SET_MAX of them (a common word of a name) and
 *  the search is broad at once, without collecting their cases. */
export async function caseSearch(tx: Tx, q: string, type: string, ...more: SQL[]): Promise<{ where: SQL; broad: boolean }> {
  const { rest } = caseBranches(q, type, more);
  const broad = sql`(${cases.customerId} in (${customersNamed(q)})${sql.join(rest.map((m) => sql` or ${cases.id} in (${m})`), sql``)})`;
  const customerIds = idsOf(await tx.execute(sql`${customersNamed(q)} limit ${SEARCH_SET_MAX + 1}`));
  if (customerIds.length > SEARCH_SET_MAX) return { where: broad, broad: true };
  const byCustomer = sql`select k.id from cases k where k.type = ${type} and k.customer_id = any(${textArray(customerIds)}::text[])`;
  return narrowed(tx, sql.join(customerIds.length ? [byCustomer, ...rest] : rest, sql` union all `), cases.id, broad);
}

/** The condition on a customer id column for a customer-name search box: the few matching
 *  customers' ids, or (more than SEARCH_SET_MAX of them) the per-row test. */
export function customerSearch(tx: Tx, q: string, column: SQL | { getSQL(): SQL }): Promise<{ where: SQL; broad: boolean }> {
  return narrowed(tx, customersNamed(q), column, sql`${column} in (${customersNamed(q)})`);
}

/** How many rows `query` (a select of anything) has, counting at most SEARCH_COUNT_CAP + 1. */
export async function cappedCount(tx: Tx, query: SQL): Promise<{ total: number; totalCapped: boolean }> {
  const r = await tx.execute(sql`select count(*)::int as n from (${query} limit ${SEARCH_COUNT_CAP + 1}) x`);
  const n = Number((r as unknown as { rows: { n: number }[] }).rows[0].n);
  return n > SEARCH_COUNT_CAP ? { total: SEARCH_COUNT_CAP, totalCapped: true } : { total: n, totalCapped: false };
}
