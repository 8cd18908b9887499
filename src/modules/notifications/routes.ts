import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { conflict, notFound } from '../../server/errors.js';
import { pageQuery, paging } from '../../server/paging.js';
import { listNotifications, markRead } from './service.js';
import { okReply } from '../../server/replies.js';
import {
  notificationList, notificationSettingsBody, notificationSettingsView, outboxItem, outboxPage, testMessageBody, testMessageReply,
} from './schema.js';
import { notificationSettings, putNotificationSettings, sendTestMessage } from './settings.js';
import { findMessage, listOutbox, presentOutbox, retryMessage } from './outbox.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

export async function notificationRoutes(app: ZApp) {
  const { ctx } = app;
  app.get('/notifications', { config: { policy: 'account.notifications' }, schema: { tags: ['notifications'], querystring: z.object({ unread: z.enum(['true', 'false']).optional() }), response: { 200: notificationList } } }, async (req) => {
    return { items: await listNotifications(app.ctx.db, actorOf(req).id, req.query.unread === 'true') };
  });
  app.post('/notifications/:id/read', { config: { policy: 'account.notifications' }, schema: { tags: ['notifications'], params: idParams, response: { 200: okReply } } }, async (req) => {
    if (!(await markRead(app.ctx.db, actorOf(req).id, req.params.id))) throw notFound('notification');
    return { ok: true as const };
  });

  // issue 16: the channels and their routing; secrets are never returned
  app.get('/settings/notifications', { config: { policy: 'admin.notifications' }, schema: { tags: ['notifications'], response: { 200: notificationSettingsView } } }, async () => {
    return notificationSettings(ctx.db);
  });
  app.put('/settings/notifications', { config: { policy: 'admin.notifications' }, schema: { tags: ['notifications'], body: notificationSettingsBody, response: { 200: notificationSettingsView } } }, async (req) => {
    const actor = actorOf(req);
    return ctx.db.transaction((tx) => putNotificationSettings({ input: req.body, actor, now: ctx.clock.now() }, tx));
  });
  app.post('/settings/notifications/test', { config: { policy: 'admin.notifications' }, schema: { tags: ['notifications'], body: testMessageBody, response: { 200: testMessageReply } } }, async (req) => {
    return sendTestMessage({ ...req.body, actor: actorOf(req) }, ctx);
  });

  app.get('/outbox', {
    config: { policy: 'admin.notifications' },
    schema: { tags: ['notifications'], querystring: pageQuery.extend({ status: z.enum(['pending', 'failed', 'sent']).optional(), channel: z.enum(['email', 'dingtalk', 'wecom']).optional(), q: z.string().max(100).optional() }), response: { 200: outboxPage } },
  }, async (req) => {
    return listOutbox(ctx.db, { status: req.query.status, channel: req.query.channel, q: req.query.q, ...paging(req.query) });
  });
  app.post('/outbox/:id/retry', { config: { policy: 'admin.notifications' }, schema: { tags: ['notifications'], params: idParams, response: { 200: outboxItem } } }, async (req) => {
    const row = await retryMessage(ctx.db, req.params.id, ctx.clock.now());
    if (row) return presentOutbox(row);
    if (await findMessage(ctx.db, req.params.id)) throw conflict('outbox.retry_failed_only');
    throw notFound('message');
  });
}
