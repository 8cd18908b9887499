// The external channels (issue 16): e-mail over SMTP (nodemailer), the DingTalk group robot
// (signed when a secret is set) and the WeCom group robot. Their settings live in `settings`;
// secrets (the SMTP password, the robots' access tokens, the DingTalk secret) are never shown again.
import crypto from 'node:crypto';
import type nodemailer from 'nodemailer';
import type { Tx } from '../../db/client.js';
import { getSetting, putSetting } from '../users/repo.js';
import { CHANNELS, EVENT_KINDS, markdownToText, type Channel, type EventKind } from './messages.js';

export const CHANNELS_KEY = 'notifications.channels';
export const ROUTING_KEY = 'notifications.routing';

export interface ChannelSettings {
  email?: { smtpUrl: string; from: string };
  dingtalk?: { webhookUrl: string; secret?: string };
  wecom?: { webhookUrl: string };
  /** the product's public address, for links in messages (https://fangyuan.example.com) */
  publicUrl?: string;
  /** the engineer on duty, told of VIP tickets opened outside business hours (else every engineer) */
  onDutyEngineerId?: string;
}

export type Routing = Record<EventKind, Record<Channel, boolean>>;

/** API.md defaults: overdue and escalations to the manager's e-mail and the group robots;
 *  assigned/returned/mentioned to the user's e-mail; VIP after hours like an escalation. */
export const DEFAULT_ROUTING: Routing = {
  assigned: { email: true, dingtalk: false, wecom: false },
  returned: { email: true, dingtalk: false, wecom: false },
  mentioned: { email: true, dingtalk: false, wecom: false },
  overdue: { email: true, dingtalk: true, wecom: true },
  escalated: { email: true, dingtalk: true, wecom: true },
  vip_after_hours: { email: true, dingtalk: true, wecom: true },
};

export async function readChannels(tx: Tx): Promise<ChannelSettings> {
  return ((await getSetting(tx, CHANNELS_KEY)) as ChannelSettings | undefined) ?? {};
}

export async function readRouting(tx: Tx): Promise<Routing> {
  return routingOf((await getSetting(tx, ROUTING_KEY)) as Partial<Routing> | undefined);
}

/** The stored routing over the defaults. */
export function routingOf(stored: Partial<Routing> | null | undefined): Routing {
  return Object.fromEntries(EVENT_KINDS.map((k) => [k, { ...DEFAULT_ROUTING[k], ...(stored?.[k] ?? {}) }])) as Routing;
}

export async function writeChannels(tx: Tx, value: ChannelSettings, now: Date) {
  await putSetting(tx, CHANNELS_KEY, value, now);
}

export async function writeRouting(tx: Tx, value: Routing, now: Date) {
  await putSetting(tx, ROUTING_KEY, value, now);
}

/** An address with its secrets left out: scheme, host and path only (no user, password, query). */
export function withoutSecrets(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '';
  }
}

/** The settings as GET shows them: whether each channel is set up, never a secret. */
export function presentChannels(s: ChannelSettings, routing: Routing) {
  return {
    email: s.email ? { configured: true, server: withoutSecrets(s.email.smtpUrl), from: s.email.from } : { configured: false },
    dingtalk: s.dingtalk ? { configured: true, server: withoutSecrets(s.dingtalk.webhookUrl), signed: !!s.dingtalk.secret } : { configured: false },
    wecom: s.wecom ? { configured: true, server: withoutSecrets(s.wecom.webhookUrl) } : { configured: false },
    publicUrl: s.publicUrl ?? null,
    onDutyEngineerId: s.onDutyEngineerId ?? null,
    routing,
  };
}

/** DingTalk's robot signature: Base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)). */
export function dingtalkSign(secret: string, timestamp: number): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

/** The robot's address with `timestamp` and `sign` (URL-encoded) when a secret is set. */
export function dingtalkUrl(webhookUrl: string, secret: string | undefined, timestamp: number): string {
  if (!secret) return webhookUrl;
  const u = new URL(webhookUrl);
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', dingtalkSign(secret, timestamp));
  return u.toString();
}

export interface OutgoingMessage {
  channel: Channel;
  to: string;
  subject: string | null;
  body: string;
  idempotencyKey: string;
}

const TIMEOUT_MS = 10_000;

/** The robots answer 200 with `{errcode, errmsg}`; anything but errcode 0 is a failure. */
async function postRobot(url: string, payload: unknown, idempotencyKey: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-idempotency-key': idempotencyKey },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  let body: { errcode?: number; errmsg?: string } = {};
  try { body = JSON.parse(text); } catch { throw new Error(`not JSON: ${text.slice(0, 200)}`); }
  if (body.errcode !== 0) throw new Error(`errcode ${body.errcode}: ${body.errmsg ?? ''}`);
}

/** Sends one message on its channel; throws with a readable reason when it fails. */
export async function sendMessage(settings: ChannelSettings, m: OutgoingMessage, wallNow: () => Date): Promise<void> {
  if (m.channel === 'email') {
    if (!settings.email) throw new Error('e-mail is not configured');
    const { default: mailer } = await import('nodemailer'); // loaded with the first e-mail, not at start
    const transport = mailer.createTransport({ url: settings.email.smtpUrl, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS } as Parameters<typeof nodemailer.createTransport>[0]);
    try {
      await transport.sendMail({
        from: settings.email.from, to: m.to, subject: m.subject ?? '', text: markdownToText(m.body),
        // the idempotency key: a receiver that saw this Message-ID already drops the copy
        messageId: `<${m.idempotencyKey}@fangyuan>`,
        headers: { 'X-Idempotency-Key': m.idempotencyKey },
      });
    } finally {
      transport.close();
    }
    return;
  }
  if (m.channel === 'dingtalk') {
    if (!settings.dingtalk) throw new Error('DingTalk is not configured');
    const url = dingtalkUrl(settings.dingtalk.webhookUrl, settings.dingtalk.secret, wallNow().getTime());
    await postRobot(url, { msgtype: 'markdown', markdown: { title: m.subject ?? '', text: m.body }, msgUuid: m.idempotencyKey }, m.idempotencyKey);
    return;
  }
  if (m.channel === 'wecom') {
    if (!settings.wecom) throw new Error('WeCom is not configured');
    await postRobot(settings.wecom.webhookUrl, { msgtype: 'markdown', markdown: { content: m.body } }, m.idempotencyKey);
    return;
  }
  throw new Error(`unknown channel ${String(m.channel)}`);
}

export const isChannel = (c: string): c is Channel => (CHANNELS as readonly string[]).includes(c);
