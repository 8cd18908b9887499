// Announcing an event (issue 16): in the event's own transaction, an in-app notification for
// each recipient (immediate) and, per the routing setting of the event kind, outbox rows for
// the configured channels: the recipient's e-mail, and one message to each group robot.
// Standard-tier work waits for the next opening of the working calendar (no 2 a.m. pings);
// VIP work is announced at once.
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cases, customers, settings, users } from '../../db/schema.js';
import type { Tier } from '../../domain/calendar/index.js';
import type { AppContext } from '../../server/context.js';
import { CHANNELS_KEY, ROUTING_KEY, routingOf, type ChannelSettings, type Routing } from './channels.js';
import { renderMessage, shanghaiTime, type EventKind, type MessageParams, type MESSAGES } from './messages.js';
import { enqueue } from './outbox.js';
import { notifyUsers } from './service.js';

export interface Recipient { id: string; email: string | null }

export interface AppEvent {
  /** the routing setting that decides the channels */
  routeAs: EventKind;
  /** the message template (and the in-app kind); defaults to routeAs */
  kind?: keyof typeof MESSAGES;
  recipients: Recipient[];
  caseId: string;
  taskId?: string | null;
  /** the clock of the work: a message waits for the tier's working time (7×24 goes at once) */
  tier: Tier;
  /** same id ⇒ the same messages (an event fired twice is sent once) */
  eventId?: string;
  params: Omit<MessageParams, 'number' | 'customer' | 'link'>;
  now: Date;
}

/** What every message needs, in one statement: the channel and routing settings, and the case's
 *  number, customer and link. */
async function eventSettingsAndFacts(tx: Tx, caseId: string) {
  const setting = (key: string) => sql`(select ${settings.value} from ${settings} where ${settings.key} = ${key})`;
  const [row] = await tx.select({
    channels: sql<ChannelSettings | null>`${setting(CHANNELS_KEY)}`, routing: sql<Partial<Routing> | null>`${setting(ROUTING_KEY)}`,
    type: cases.type, number: cases.number, customer: customers.name,
  }).from(sql`(select 1) as one`)
    .leftJoin(cases, eq(cases.id, caseId))
    .leftJoin(customers, eq(customers.id, cases.customerId));
  const channels = row?.channels ?? {};
  const path = row?.type === 'deal' ? `/deals/${caseId}` : row?.type === 'ticket' ? `/tickets/${caseId}` : `/customers/${caseId}`;
  const publicUrl = channels.publicUrl;
  return {
    channels, routing: routingOf(row?.routing),
    facts: { number: row?.number ?? caseId.slice(0, 8), customer: row?.customer ?? '', link: publicUrl ? `${publicUrl.replace(/\/+$/, '')}${path}` : '' },
  };
}

/** When an external message about work on this clock may go out. */
export async function deliveryTime(tx: Tx, ctx: AppContext, tier: Tier, now: Date): Promise<Date> {
  return (await ctx.calendars.get(tx)).nextWorkingInstant(now, tier);
}

export async function announce(tx: Tx, ctx: AppContext, e: AppEvent) {
  const kind = e.kind ?? e.routeAs;
  const { channels, routing, facts } = await eventSettingsAndFacts(tx, e.caseId);
  const msg = renderMessage(kind, { ...e.params, ...facts });
  const seen = new Set<string>();
  const recipients = e.recipients.filter((r) => !seen.has(r.id) && seen.add(r.id));
  await notifyUsers(tx, recipients.map((r) => ({ userId: r.id, kind, taskId: e.taskId ?? null, caseId: e.caseId, message: msg.inApp, now: e.now })));
  const route = routing[e.routeAs];
  const wanted = [
    ...(route.email && channels.email ? recipients.filter((r) => r.email).map((r) => ({ channel: 'email' as const, to: r.email! })) : []),
    ...(route.dingtalk && channels.dingtalk ? [{ channel: 'dingtalk' as const, to: 'group' }] : []),
    ...(route.wecom && channels.wecom ? [{ channel: 'wecom' as const, to: 'group' }] : []),
  ];
  if (!wanted.length) return [];
  const notBefore = await deliveryTime(tx, ctx, e.tier, e.now);
  const eventId = e.eventId ?? crypto.randomUUID();
  const rows = [];
  for (const w of wanted) {
    rows.push(await enqueue(tx, {
      eventId, channel: w.channel, to: w.to, subject: msg.subject, body: msg.markdown, eventKind: kind,
      caseId: e.caseId, notBefore, now: e.now,
    }));
  }
  return rows.filter(Boolean);
}

/** An event about one task (assigned, returned) to named users. */
export async function announceTask(tx: Tx, ctx: AppContext, e: {
  routeAs: 'assigned' | 'returned'; userIds: string[]; task: { id: string; step: string; caseId: string; dueAt: Date | null; tier: string };
  stepLabel: string; now: Date;
  /** the words the previous step left for this person (note, revise comments…), one line */
  text?: string;
}) {
  const recipients: Recipient[] = [];
  for (const id of new Set(e.userIds)) {
    const [u] = await tx.select({ id: users.id, email: users.email, active: users.active }).from(users).where(eq(users.id, id));
    if (u?.active) recipients.push(u);
  }
  if (!recipients.length) return;
  await announce(tx, ctx, {
    routeAs: e.routeAs, recipients, caseId: e.task.caseId, taskId: e.task.id, tier: e.task.tier,
    params: { step: e.stepLabel, ...(e.task.dueAt ? { dueAt: shanghaiTime(e.task.dueAt) } : {}), ...(e.text ? { text: e.text } : {}) }, now: e.now,
  });
}
