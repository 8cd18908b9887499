// The archive beyond plain search (routes.ts GET /documents): archiving one document and
// exporting a search result to Excel.
import { z } from 'zod';
import { isoDate, shanghaiDate, shanghaiMidnight } from '../../domain/iso.js';
import type { ZApp } from '../../server/routes.js';
import type { Actor } from '../../server/context.js';
import { actorOf } from '../auth/plugin.js';
import { departmentsOf, hasRole } from '../../policies/actor.js';
import { archiveDocument } from './archive.js';
import { exportDocuments } from './export.js';
import type { DocumentSearch } from './repo.js';
import { fileReply, XLSX } from '../../server/replies.js';
import { documentView } from './schema.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

/** The filters of the archive search (GET /documents) and its export. */
export const archiveFilters = z.object({
  number: z.string().max(50).optional(), customer: z.string().max(100).optional(), form: z.string().max(50).optional(),
  from: isoDate.optional(), to: isoDate.optional(), department: z.string().max(50).optional(),
  archived: z.enum(['true', 'false']).optional(),
});

const DAY_MS = 86_400_000;

/** Filters → repository search; `to` is inclusive (the whole Asia/Shanghai day); copy lists enforced. */
export function toDocumentSearch(q: z.infer<typeof archiveFilters>, actor: Actor): Omit<DocumentSearch, 'limit' | 'offset'> {
  return {
    number: q.number, customer: q.customer, form: q.form, department: q.department,
    from: q.from ? shanghaiMidnight(q.from) : undefined,
    to: q.to ? new Date(shanghaiMidnight(q.to).getTime() + DAY_MS) : undefined,
    archived: q.archived === undefined ? undefined : q.archived === 'true',
    departments: hasRole(actor, 'gm') ? 'all' : departmentsOf(actor),
  };
}

export async function archiveRoutes(app: ZApp) {
  const { ctx } = app;
  app.get('/documents/export.xlsx', { config: { policy: 'document.export' }, schema: { tags: ['documents'], querystring: archiveFilters, response: { 200: fileReply(XLSX, 'the matching documents as an Excel workbook') } } }, async (req, reply) => {
    const actor = actorOf(req);
    const now = ctx.clock.now();
    const { buffer, total } = await exportDocuments({ search: toDocumentSearch(req.query, actor), def: ctx.processes.current(), now }, ctx.db);
    const day = shanghaiDate(now).replaceAll('-', '');
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="archive-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`档案-${day}.xlsx`)}`)
      .header('x-total-count', String(total));
    return buffer;
  });

  // admin view: GET /documents?archived=false lists what waits; this files one of them
  app.post('/documents/:id/archive', { config: { policy: 'document.archive' }, schema: { tags: ['documents'], params: idParams, response: { 200: documentView } } }, async (req) => {
    const actor = actorOf(req);
    return ctx.db.transaction((tx) => archiveDocument({ id: req.params.id, actor, now: ctx.clock.now() }, tx, ctx));
  });
}
