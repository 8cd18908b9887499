import { sql } from 'drizzle-orm';

/** An instant as a timestamptz parameter in raw SQL (drizzle sends a Date in a sql`` template as
 *  text without a type). */
export const instant = (d: Date) => sql`${d.toISOString()}::timestamptz`;
