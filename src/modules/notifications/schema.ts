// Reply shape of the in-app notifications (listNotifications in service.ts).
import { z } from 'zod';
import { instant, listOf } from '../../server/replies.js';
import { CHANNELS, EVENT_KINDS } from './messages.js';

export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  taskId: z.string().optional(),
  caseId: z.string().optional(),
  /** deal | ticket | customer, so the web links straight to the case */
  caseType: z.string().nullable().optional(),
  message: z.string(),
  createdAt: instant,
  read: z.boolean(),
}).meta({ id: 'Notification' });

export const notificationList = listOf(notificationView).meta({ id: 'NotificationList' });

// ---- issue 16: channels, routing, the outbox

const channelFlags = z.object({ email: z.boolean(), dingtalk: z.boolean(), wecom: z.boolean() });
export const routingView = z.object(Object.fromEntries(EVENT_KINDS.map((k) => [k, channelFlags])) as Record<(typeof EVENT_KINDS)[number], typeof channelFlags>).meta({ id: 'NotificationRouting' });

/** GET /settings/notifications: what is set up, never a secret (no password, token or signing secret). */
export const notificationSettingsView = z.object({
  email: z.object({ configured: z.boolean(), server: z.string().optional(), from: z.string().optional() }),
  dingtalk: z.object({ configured: z.boolean(), server: z.string().optional(), signed: z.boolean().optional() }),
  wecom: z.object({ configured: z.boolean(), server: z.string().optional() }),
  publicUrl: z.string().nullable(),
  onDutyEngineerId: z.string().nullable(),
  routing: routingView,
}).meta({ id: 'NotificationSettings' });

const partialFlags = channelFlags.partial().strict();
const httpUrl = z.string().trim().max(1000).url().regex(/^https?:\/\//i, 'must be an http(s) address');
export const notificationSettingsBody = z.object({
  /** null removes the channel; an absent key leaves it as it is */
  email: z.object({
    smtpUrl: z.string().trim().max(1000).url().regex(/^smtps?:\/\//i, 'must be an smtp:// or smtps:// address'),
    from: z.string().trim().min(3).max(200),
  }).strict().nullable().optional(),
  dingtalk: z.object({
    webhookUrl: httpUrl,
    /** absent: keep the secret set before; "": unsigned */
    secret: z.string().trim().max(200).optional(),
  }).strict().nullable().optional(),
  wecom: z.object({ webhookUrl: httpUrl }).strict().nullable().optional(),
  publicUrl: httpUrl.nullable().optional(),
  onDutyEngineerId: z.string().min(1).max(100).nullable().optional(),
  routing: z.object(Object.fromEntries(EVENT_KINDS.map((k) => [k, partialFlags.optional()])) as Record<(typeof EVENT_KINDS)[number], z.ZodOptional<typeof partialFlags>>).strict().optional(),
}).strict();

export const testMessageBody = z.object({
  channel: z.enum(CHANNELS),
  /** e-mail: the address (default: the sysadmin's own) */
  to: z.email().max(200).optional(),
}).strict();

export const testMessageReply = z.object({ ok: z.boolean(), id: z.string(), error: z.string().optional() }).meta({ id: 'TestMessageResult' });

export const outboxItem = z.object({
  id: z.string(),
  channel: z.string(),
  to: z.string(),
  subject: z.string().nullable(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  eventKind: z.string(),
  caseId: z.string().nullable(),
  idempotencyKey: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: instant,
  nextAttemptAt: instant,
  sentAt: instant.nullable(),
}).meta({ id: 'OutboxMessage' });

export const outboxPage = z.object({ items: z.array(outboxItem), total: z.number().int() }).meta({ id: 'OutboxPage' });
