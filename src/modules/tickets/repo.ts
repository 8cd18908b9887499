import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { customers, tickets } from '../../db/schema.js';

export type TicketRow = typeof tickets.$inferSelect;

export async function insertTicket(tx: Tx, row: typeof tickets.$inferInsert) {
  return (await tx.insert(tickets).values(row).returning())[0];
}
export async function findTicket(tx: Tx, id: string) {
  return (await tx.select().from(tickets).where(eq(tickets.id, id)))[0];
}
export async function updateTicket(tx: Tx, id: string, set: Partial<typeof tickets.$inferInsert>) {
  return (await tx.update(tickets).set(set).where(eq(tickets.id, id)).returning())[0];
}
export async function ticketsOfCustomer(tx: Tx, customerId: string) {
  return tx.select().from(tickets).where(eq(tickets.customerId, customerId)).orderBy(desc(tickets.createdAt));
}
export async function listTickets(tx: Tx, f: { state?: string; kind?: string; q?: string; partnerId?: string; limit: number; offset: number }) {
  const where: SQL | undefined = and(
    f.state ? (f.state === 'open' ? or(eq(tickets.state, 'answer'), eq(tickets.state, 'resolve'), eq(tickets.state, 'follow_up')) : eq(tickets.state, f.state)) : undefined,
    f.kind ? eq(tickets.kind, f.kind) : undefined,
    f.partnerId ? eq(tickets.partnerId, f.partnerId) : undefined,
    f.q ? or(ilike(customers.name, `%${f.q}%`), ilike(tickets.number, `%${f.q}%`), ilike(tickets.problem, `%${f.q}%`)) : undefined,
  );
  const items = await tx.select({ ticket: tickets, customerName: customers.name }).from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId)).where(where)
    .orderBy(desc(tickets.createdAt)).limit(f.limit).offset(f.offset);
  const total = (await tx.select({ n: count() }).from(tickets).innerJoin(customers, eq(customers.id, tickets.customerId)).where(where))[0].n;
  return { items, total };
}
