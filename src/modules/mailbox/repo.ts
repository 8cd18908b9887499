// Every SQL statement of the leadership mailbox (issue 14).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { mailboxLetters, mailboxQuota, users } from '../../db/schema.js';

export type LetterRow = typeof mailboxLetters.$inferSelect;

export async function insertLetter(tx: Tx, row: typeof mailboxLetters.$inferInsert) {
  return (await tx.insert(mailboxLetters).values(row).returning())[0]!;
}

/** Counts one more letter of the user on the day and returns the new count (the row holds no letter id). */
export async function bumpQuota(tx: Tx, userId: string, day: string) {
  const [row] = await tx.insert(mailboxQuota).values({ userId, day, count: 1 })
    .onConflictDoUpdate({ target: [mailboxQuota.userId, mailboxQuota.day], set: { count: sql`${mailboxQuota.count} + 1` } })
    .returning({ count: mailboxQuota.count });
  return row!.count;
}

export async function allLetters(tx: Tx) {
  return tx.select({ letter: mailboxLetters, authorName: users.displayName }).from(mailboxLetters)
    .leftJoin(users, eq(users.id, mailboxLetters.authorId)).orderBy(desc(mailboxLetters.writtenOn), desc(mailboxLetters.id));
}

export async function lettersOf(tx: Tx, authorId: string) {
  return tx.select().from(mailboxLetters).where(eq(mailboxLetters.authorId, authorId)).orderBy(desc(mailboxLetters.writtenOn));
}

export async function findLetter(tx: Tx, id: string) {
  return (await tx.select().from(mailboxLetters).where(eq(mailboxLetters.id, id)).for('update'))[0];
}

export async function letterByCode(tx: Tx, hash: string) {
  return (await tx.select().from(mailboxLetters).where(and(eq(mailboxLetters.replyCodeHash, hash))))[0];
}

export async function updateLetter(tx: Tx, id: string, set: Partial<typeof mailboxLetters.$inferInsert>) {
  return (await tx.update(mailboxLetters).set(set).where(eq(mailboxLetters.id, id)).returning())[0]!;
}
