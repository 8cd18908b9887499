// Reply shapes of numbered documents (presentDocument in service.ts) and the archive.
import { z } from 'zod';
import { abilities, instant, pageOf } from '../../server/replies.js';

export const signature = z.object({ userId: z.string(), displayName: z.string(), role: z.string(), at: z.string() });

export const documentView = z.object({
  id: z.string(),
  form: z.string(),
  number: z.string(),
  caseType: z.string(),
  caseId: z.string(),
  customerId: z.string(),
  /** the form's values; open: a definition may add fields */
  fields: z.record(z.string(), z.unknown()),
  signedBy: z.array(signature),
  copies: z.array(z.string()),
  archivedAt: instant.nullable(),
  createdAt: instant,
  /** in a case view: what the reader may do with it (print, archive) */
  abilities: abilities.optional(),
  /** in a deal's view: the number of the newer document of the same form that replaced this one
   *  (a proposal redrafted after 退回修改: FA-…001 is superseded by FA-…002) */
  supersededBy: z.string().optional(),
}).meta({ id: 'Document' });

export const archivePage = pageOf(documentView.extend({ customerName: z.string().nullable(), caseNumber: z.string().nullable() })).meta({ id: 'ArchivePage' });
