// The audit trail: append-only (a database trigger refuses UPDATE/DELETE).
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { audit } from '../../db/schema.js';

export interface AuditEntry {
  at: Date; actorId: string | null; action: string; entity: string; entityId: string;
  caseId?: string | null; before?: unknown; after?: unknown;
}

export async function appendAudit(tx: Tx, e: AuditEntry) {
  await tx.insert(audit).values({
    at: e.at, actorId: e.actorId, action: e.action, entity: e.entity, entityId: e.entityId,
    caseId: e.caseId ?? null, before: e.before ?? null, after: e.after ?? null,
  });
}

export async function auditOfCase(tx: Tx, caseId: string) {
  const rows = await tx.select().from(audit).where(eq(audit.caseId, caseId)).orderBy(asc(audit.id));
  return rows.map((r) => ({
    at: r.at.toISOString(), actorId: r.actorId, action: r.action, entity: r.entity, entityId: r.entityId,
    ...(r.before != null ? { before: r.before } : {}), ...(r.after != null ? { after: r.after } : {}),
  }));
}
