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
  /** some form values were left out: the reader is not on their copy list */
  withheld: z.literal(true).optional(),
  /** a completed step: which, how it ended, and the words it left for the next person */
  step: z.string().optional(),
  outcome: z.string().optional(),
  note: z.string().optional(),
  comments: z.array(z.object({ field: z.string(), label: z.object({ zh: z.string(), en: z.string() }), value: z.string() })).optional(),
}).meta({ id: 'AuditEntry' });

export const auditList = listOf(auditEntry).meta({ id: 'AuditList' });
