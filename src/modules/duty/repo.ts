// Every SQL statement of the duty rotas (issue 14).
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { dutyDays } from '../../db/schema.js';

export type DutyRow = typeof dutyDays.$inferSelect;

export async function monthRows(tx: Tx, rota: string, month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return tx.select().from(dutyDays).where(and(eq(dutyDays.rota, rota), gte(dutyDays.date, `${month}-01`), lt(dutyDays.date, `${next}-01`))).orderBy(asc(dutyDays.date));
}

export async function replaceMonth(tx: Tx, rota: string, month: string, rows: (typeof dutyDays.$inferInsert)[]) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  await tx.delete(dutyDays).where(and(eq(dutyDays.rota, rota), gte(dutyDays.date, `${month}-01`), lt(dutyDays.date, `${next}-01`)));
  if (rows.length) await tx.insert(dutyDays).values(rows);
}

export async function onDuty(tx: Tx, rota: string, date: string) {
  return (await tx.select().from(dutyDays).where(and(eq(dutyDays.rota, rota), eq(dutyDays.date, date))))[0];
}

export async function lockDay(tx: Tx, rota: string, date: string) {
  return (await tx.select().from(dutyDays).where(and(eq(dutyDays.rota, rota), eq(dutyDays.date, date))).for('update'))[0];
}

export async function setDayUser(tx: Tx, rota: string, date: string, userId: string, now: Date) {
  await tx.update(dutyDays).set({ userId, updatedAt: now }).where(and(eq(dutyDays.rota, rota), eq(dutyDays.date, date)));
}
