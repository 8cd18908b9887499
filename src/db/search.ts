// Substring search that an index serves, for Chinese as well as for numbers. A column searched
// this way has a GIN index on fy_bigrams(column) (its two-character pieces, migration 0017): the
// index finds the rows holding every piece of the query, and ILIKE keeps those where the pieces
// stand in order. A one-character query has no piece and is an ILIKE alone.
import { sql, type SQL } from 'drizzle-orm';
import { containsPattern } from './like.js';

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
