import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { notFound } from '../../server/errors.js';
import { listNotifications, markRead } from './service.js';
import { okReply } from '../../server/replies.js';
import { notificationList } from './schema.js';

export async function notificationRoutes(app: ZApp) {
  app.get('/notifications', { config: { policy: 'account.notifications' }, schema: { tags: ['notifications'], querystring: z.object({ unread: z.enum(['true', 'false']).optional() }), response: { 200: notificationList } } }, async (req) => {
    return { items: await listNotifications(app.ctx.db, actorOf(req).id, req.query.unread === 'true') };
  });
  app.post('/notifications/:id/read', { config: { policy: 'account.notifications' }, schema: { tags: ['notifications'], params: z.object({ id: z.string().min(1).max(100) }), response: { 200: okReply } } }, async (req) => {
    if (!(await markRead(app.ctx.db, actorOf(req).id, req.params.id))) throw notFound('notification');
    return { ok: true as const };
  });
}
