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

/** The ids of the cases (of one type, or any) whose number, or whose customer's name, contains
 *  `q`, and of any further `select id …` given: each branch served by its own index. */
export function casesMatching(q: string, type?: string, ...more: SQL[]): SQL {
  const ofType = type ? sql`k.type = ${type} and ` : sql``;
  return sql.join([
    sql`select k.id from cases k where ${ofType}k.customer_id in (select c.id from customers c where ${contains(sql`c.name`, q)})`,
    sql`select k.id from cases k where ${ofType}${contains(sql`k.number`, q)}`,
    ...more,
  ], sql` union `);
}

/** A search box's matches this many cases or fewer: they are collected first and the list reads
 *  just them. More: the list walks its own order and tests each case, stopping at the page. */
export const SEARCH_SET_MAX = 2000;
/** A broad search's total stops counting here (`totalCapped`). */
export const SEARCH_COUNT_CAP = 1000;

/** The condition a list puts on `cases` for a search box, and whether the search is broad. */
export async function caseSearch(tx: Tx, q: string, type: string, ...more: SQL[]): Promise<{ where: SQL; broad: boolean }> {
  const ofType = sql`k.type = ${type} and `;
  const branches = [
    sql`select k.id from cases k where ${ofType}k.customer_id in (select c.id from customers c where ${contains(sql`c.name`, q)})`,
    sql`select k.id from cases k where ${ofType}${contains(sql`k.number`, q)}`,
    ...more,
  ];
  const found = await tx.execute(sql`${sql.join(branches, sql` union all `)} limit ${SEARCH_SET_MAX + 1}`);
  const ids = [...new Set(((found as unknown as { rows: { id: string }[] }).rows).map((r) => r.id))];
  if (ids.length <= SEARCH_SET_MAX) return { where: ids.length ? sql`${cases.id} = any(${textArray(ids)}::text[])` : sql`false`, broad: false };
  return {
    broad: true,
    where: sql`(${cases.customerId} in (select c.id from customers c where ${contains(sql`c.name`, q)})
      or ${cases.id} in (select k.id from cases k where ${ofType}${contains(sql`k.number`, q)})
      ${sql.join(more.map((m) => sql` or ${cases.id} in (${m})`), sql``)})`,
  };
}

/** How many rows `query` (a select of anything) has, counting at most SEARCH_COUNT_CAP + 1. */
export async function cappedCount(tx: Tx, query: SQL): Promise<{ total: number; totalCapped: boolean }> {
  const r = await tx.execute(sql`select count(*)::int as n from (${query} limit ${SEARCH_COUNT_CAP + 1}) x`);
  const n = Number((r as unknown as { rows: { n: number }[] }).rows[0].n);
  return n > SEARCH_COUNT_CAP ? { total: SEARCH_COUNT_CAP, totalCapped: true } : { total: n, totalCapped: false };
}

/** The condition on a customer id column for a customer-name search box: the few matching
 *  customers' ids, or (more than SEARCH_SET_MAX of them) the per-row test. */
export async function customerSearch(tx: Tx, q: string, column: SQL | { getSQL(): SQL }): Promise<{ where: SQL; broad: boolean }> {
  const matching = sql`select c.id from customers c where ${contains(sql`c.name`, q)}`;
  const found = await tx.execute(sql`${matching} limit ${SEARCH_SET_MAX + 1}`);
  const ids = ((found as unknown as { rows: { id: string }[] }).rows).map((r) => r.id);
  if (ids.length <= SEARCH_SET_MAX) return { where: ids.length ? sql`${column} = any(${textArray(ids)}::text[])` : sql`false`, broad: false };
  return { where: sql`${column} in (${matching})`, broad: true };
}
