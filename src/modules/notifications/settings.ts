// The sysadmin's notification settings (issue 16): channels, routing per event kind, the test message.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { fieldError } from '../../server/errors.js';
import { appendAudit } from '../audit/service.js';
import { findUser } from '../users/repo.js';
import {
  presentChannels, readChannels, readRouting, withoutSecrets, writeChannels, writeRouting, type ChannelSettings, type Routing,
} from './channels.js';
import { EVENT_KINDS, renderMessage, type Channel, type EventKind } from './messages.js';
import { deliverOutbox, enqueue } from './outbox.js';

export interface SettingsInput {
  email?: { smtpUrl: string; from: string } | null;
  dingtalk?: { webhookUrl: string; secret?: string } | null;
  wecom?: { webhookUrl: string } | null;
  publicUrl?: string | null;
  onDutyEngineerId?: string | null;
  routing?: Partial<Record<EventKind, Partial<Record<Channel, boolean>> | undefined>>;
}

export async function notificationSettings(tx: Tx) {
  return presentChannels(await readChannels(tx), await readRouting(tx));
}

/** A key left out keeps its value; null removes it. The DingTalk secret is kept unless replaced. */
export async function putNotificationSettings(opts: { input: SettingsInput; actor: Actor; now: Date }, tx: Tx) {
  const before = await readChannels(tx);
  const next: ChannelSettings = { ...before };
  const { input } = opts;
  const apply = <K extends keyof ChannelSettings>(key: K, value: ChannelSettings[K] | null | undefined) => {
    if (value === undefined) return;
    if (value === null) delete next[key];
    else next[key] = value;
  };
  apply('email', input.email);
  if (input.dingtalk !== undefined) {
    const secret = input.dingtalk?.secret === undefined ? before.dingtalk?.secret : input.dingtalk.secret || undefined;
    apply('dingtalk', input.dingtalk && { webhookUrl: input.dingtalk.webhookUrl, ...(secret ? { secret } : {}) });
  }
  apply('wecom', input.wecom);
  apply('publicUrl', input.publicUrl?.replace(/\/+$/, '') ?? input.publicUrl);
  if (input.onDutyEngineerId) {
    const u = await findUser(tx, input.onDutyEngineerId);
    if (!u || !u.active || !u.roles.includes('engineer')) throw fieldError('onDutyEngineerId', 'field.user_lacks_role', { role: 'engineer' });
  }
  apply('onDutyEngineerId', input.onDutyEngineerId);
  await writeChannels(tx, next, opts.now);
  let routing: Routing = await readRouting(tx);
  if (input.routing) {
    routing = Object.fromEntries(EVENT_KINDS.map((k) => [k, { ...routing[k], ...(input.routing?.[k] ?? {}) }])) as Routing;
    await writeRouting(tx, routing, opts.now);
  }
  // the audit names what changed, never a secret
  await appendAudit(tx, {
    at: opts.now, actorId: opts.actor.id, action: 'settings.notifications', entity: 'settings', entityId: 'notifications',
    after: {
      email: next.email ? withoutSecrets(next.email.smtpUrl) : null, dingtalk: next.dingtalk ? withoutSecrets(next.dingtalk.webhookUrl) : null,
      wecom: next.wecom ? withoutSecrets(next.wecom.webhookUrl) : null, publicUrl: next.publicUrl ?? null, routing,
    },
  });
  return presentChannels(next, routing);
}

/** A test message through the outbox, delivered at once: the reply says whether it arrived. */
export async function sendTestMessage(opts: { channel: Channel; to?: string; actor: Actor }, ctx: AppContext) {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const channels = await readChannels(tx);
    if (!channels[opts.channel]) throw fieldError('channel', 'notify.channel_not_configured', { channel: opts.channel });
    let to = 'group';
    if (opts.channel === 'email') {
      const self = await findUser(tx, opts.actor.id);
      to = opts.to ?? self?.email ?? '';
      if (!to) throw fieldError('to', 'notify.no_email');
    }
    const msg = renderMessage('test', { number: '—', customer: opts.actor.displayName, text: now.toISOString(), link: channels.publicUrl ?? '' });
    return enqueue(tx, {
      eventId: `test:${crypto.randomUUID()}`, channel: opts.channel, to, subject: msg.subject, body: msg.markdown,
      eventKind: 'test', caseId: null, notBefore: now, now,
    });
  });
  const report = await deliverOutbox(ctx, { ids: [row!.id] });
  const error = report.errors.find((e) => e.id === row!.id)?.error;
  return { ok: report.sent === 1, id: row!.id, ...(error ? { error } : {}) };
}
