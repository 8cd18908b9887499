import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { departmentsOf, hasRole, requireStaff } from '../../server/policy.js';
import { pageQuery, paging } from '../../server/paging.js';
import { findCustomer } from '../customers/repo.js';
import { presentDocument, readDocument } from './service.js';
import { renderPrint } from './print.js';
import * as repo from './repo.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export async function documentRoutes(app: ZApp) {
  const { ctx } = app;
  app.get('/documents/:id', { schema: { tags: ['documents'], params: idParams } }, async (req) => {
    return presentDocument(await readDocument({ id: req.params.id, actor: actorOf(req) }, ctx.db));
  });

  app.get('/documents/:id/print', { schema: { tags: ['documents'], params: idParams } }, async (req, reply) => {
    const doc = await readDocument({ id: req.params.id, actor: actorOf(req) }, ctx.db);
    const customer = await findCustomer(ctx.db, doc.customerId);
    const title = ctx.processes.current().forms[doc.form]?.title ?? doc.form;
    reply.type('text/html; charset=utf-8');
    return renderPrint({ doc, title, customer });
  });

  // the archive: every document the actor may read, searchable
  app.get('/documents', {
    schema: {
      tags: ['documents'],
      querystring: pageQuery.extend({
        number: z.string().max(50).optional(), customer: z.string().max(100).optional(), form: z.string().max(50).optional(),
        from: day.optional(), to: day.optional(), department: z.string().max(50).optional(), archived: z.enum(['true', 'false']).optional(),
      }),
    },
  }, async (req) => {
    const actor = actorOf(req);
    requireStaff(actor);
    const q = req.query;
    const { limit, offset } = paging(q);
    const { items, total } = await repo.searchDocuments(ctx.db, {
      number: q.number, customer: q.customer, form: q.form, department: q.department,
      from: q.from ? new Date(`${q.from}T00:00:00+08:00`) : undefined,
      to: q.to ? new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000) : undefined,
      archived: q.archived === undefined ? undefined : q.archived === 'true',
      departments: hasRole(actor, 'gm', 'sysadmin') ? 'all' : departmentsOf(actor),
      limit, offset,
    });
    return { items: items.map((r) => ({ ...presentDocument(r.doc), customerName: r.customerName })), total };
  });
}
