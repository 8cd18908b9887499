import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { pageQuery, paging } from '../../server/paging.js';
import { findCustomer } from '../customers/repo.js';
import { definitionOfDocument, presentDocument, readDocument } from './service.js';
import { renderPrint } from './print.js';
import { ratingQr } from '../tickets/rating.js';
import { archiveFilters, toDocumentSearch } from './archive-routes.js';
import * as repo from './repo.js';
import { fileReply, HTML } from '../../server/replies.js';
import { archivePage, documentView } from './schema.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export async function documentRoutes(app: ZApp) {
  const { ctx } = app;
  app.get('/documents/:id', { config: { policy: 'document.read' }, schema: { tags: ['documents'], params: idParams, response: { 200: documentView } } }, async (req) => {
    return presentDocument(await readDocument({ id: req.params.id, actor: actorOf(req) }, ctx.db, ctx));
  });

  app.get('/documents/:id/print', { config: { policy: 'document.print' }, schema: { tags: ['documents'], params: idParams, response: { 200: fileReply(HTML, 'the printable A4 page') } } }, async (req, reply) => {
    const doc = await readDocument({ id: req.params.id, actor: actorOf(req) }, ctx.db, ctx);
    const customer = await findCustomer(ctx.db, doc.customerId);
    const def = await definitionOfDocument(doc, ctx.db, ctx.processes);
    // a repair's feedback form carries the customer's rating link as a QR code (issue 16)
    const qr = await ratingQr(ctx.db, doc.taskId, `${req.protocol}://${req.host}`);
    reply.type('text/html; charset=utf-8');
    return renderPrint({ doc, def, customer, qr });
  });

  // the archive: every document the actor may read, searchable
  app.get('/documents', {
    config: { policy: 'document.search' },
    schema: {
      tags: ['documents'],
      // the same filters as the Excel export (archive-routes.ts); impossible dates are a 400
      querystring: pageQuery.extend(archiveFilters.shape),
      response: { 200: archivePage },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const q = req.query;
    const { limit, offset } = paging(q);
    const { items, ...counted } = await repo.searchDocuments(ctx.db, { ...toDocumentSearch(q, actor), limit, offset });
    return { items: items.map((r) => ({ ...presentDocument(r.doc), customerName: r.customerName, caseNumber: r.caseNumber })), ...counted };
  });
}
