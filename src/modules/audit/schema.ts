// Reply shape of the audit trail (auditOfCase in service.ts), also a case page's history.
import { z } from 'zod';
import { instant, listOf } from '../../server/replies.js';

/** One audit entry. Loose: `before`/`after` carry what the action changed, and the case
 *  pages' history entries may carry more (step, outcome, note) as the policies filter them. */
export const auditEntry = z.looseObject({
  at: instant,
  actorId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
}).meta({ id: 'AuditEntry' });

export const auditList = listOf(auditEntry).meta({ id: 'AuditList' });
