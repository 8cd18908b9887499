// Comments and attachments of a case (deal, ticket or customer).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { attachments, comments, customers, users } from '../../db/schema.js';

export type CommentRow = typeof comments.$inferSelect;
export type AttachmentMeta = Omit<typeof attachments.$inferSelect, 'data' | 'seq'>;

export async function insertComment(tx: Tx, row: typeof comments.$inferInsert) {
  return (await tx.insert(comments).values(row).returning())[0];
}

export async function commentsOf(tx: Tx, caseId: string) {
  return tx.select().from(comments).where(eq(comments.caseId, caseId)).orderBy(asc(comments.seq));
}

const meta = {
  id: attachments.id, caseId: attachments.caseId, name: attachments.name, contentType: attachments.contentType,
  size: attachments.size, uploadedBy: attachments.uploadedBy, createdAt: attachments.createdAt,
};

export async function insertAttachment(tx: Tx, row: typeof attachments.$inferInsert): Promise<AttachmentMeta> {
  return (await tx.insert(attachments).values(row).returning(meta))[0];
}

export async function attachmentsOf(tx: Tx, caseId: string): Promise<AttachmentMeta[]> {
  return tx.select(meta).from(attachments).where(eq(attachments.caseId, caseId)).orderBy(asc(attachments.seq));
}

export async function attachmentMeta(tx: Tx, id: string): Promise<AttachmentMeta | undefined> {
  return (await tx.select(meta).from(attachments).where(eq(attachments.id, id)))[0];
}

export async function attachmentData(tx: Tx, id: string) {
  return (await tx.select({ data: attachments.data }).from(attachments).where(eq(attachments.id, id)))[0]?.data;
}

export async function findCustomerRow(tx: Tx, id: string) {
  return (await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, id)))[0];
}

export async function activeUsers(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx.select().from(users).where(and(inArray(users.id, ids), eq(users.active, true)));
}
