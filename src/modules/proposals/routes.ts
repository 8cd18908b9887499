// Proposal templates: every member of staff reads them (the proposal form offers them), the sysadmin edits them.
import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { fieldError } from '../../server/errors.js';
import { listTemplates, saveTemplates } from './templates.js';

const template = z.object({
  id: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ or - (at most 40)'),
  name: z.string().trim().min(1).max(100),
  content: z.string().max(20000),
}).strict();
const templateList = z.object({ items: z.array(template) }).meta({ id: 'ProposalTemplates' });

export async function proposalRoutes(app: ZApp) {
  app.get('/proposal-templates', { config: { policy: 'admin.templatesRead' }, schema: { tags: ['deals'], response: { 200: templateList } } }, async (req) => {
    actorOf(req);
    return { items: await listTemplates(app.ctx.db) };
  });

  app.put('/proposal-templates', {
    config: { policy: 'admin.templates' },
    schema: { tags: ['deals'], body: z.object({ items: z.array(template).max(50) }).strict(), response: { 200: templateList } },
  }, async (req) => {
    const actor = actorOf(req);
    const seen = new Set<string>();
    req.body.items.forEach((t, i) => {
      if (seen.has(t.id)) throw fieldError(`items.${i}.id`, 'field.listed_twice');
      seen.add(t.id);
    });
    const items = await app.ctx.db.transaction((tx) => saveTemplates({ templates: req.body.items, actor, now: app.ctx.clock.now() }, tx));
    return { items };
  });
}
