// Archiving a document (seed chapter 2: administration files every form, paper and electronic).
// `contract_archive` archives every document of a deal at once; later ones (the installation
// order, ticket forms) wait in the admin view until archived here.
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { appendAudit } from '../audit/service.js';
import { presentDocument, readDocument, type DocumentContext } from './service.js';
import * as repo from './repo.js';

export async function archiveDocument(opts: { id: string; actor: Actor; now: Date }, tx: Tx, ctx: DocumentContext) {
  const doc = await readDocument({ id: opts.id, actor: opts.actor }, tx, ctx);
  const archived = await repo.archiveDocumentById(tx, doc.id, opts.now);
  // archiving twice changes nothing
  if (!archived) return presentDocument(doc);
  await appendAudit(tx, {
    at: opts.now, actorId: opts.actor.id, action: 'document.archive', entity: 'document', entityId: doc.id, caseId: doc.caseId,
    before: { archivedAt: null }, after: { number: archived.number, archivedAt: opts.now.toISOString() },
  });
  return presentDocument(archived);
}
