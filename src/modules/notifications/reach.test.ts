// Issue 16 end to end against real local receivers: an SMTP server and an HTTP server standing
// in for the DingTalk (signature checked) and WeCom robots. Runs on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createCustomer } from '../../../test/support/factories.js';
import { startRobots, startSmtp } from '../../../test/support/receivers.js';
import { openDatabase } from '../../db/client.js';
import { outbox } from '../../db/schema.js';
import { createContext } from '../../server/bootstrap.js';
import type { AppContext } from '../../server/context.js';
import { runSweeps } from '../../server/jobs.js';
import { deliverOutbox, enqueue, MAX_ATTEMPTS } from './outbox.js';
import { openTicket } from '../tickets/testing.js';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let robots: Awaited<ReturnType<typeof startRobots>>;
const SECRET = 'SEC-test-signing-secret-0123456789';

beforeAll(async () => {
  t = await testApp({ clockStart: '2026-02-27T09:00:00+08:00' });
  smtp = await startSmtp();
  robots = await startRobots({ secret: SECRET });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await robots?.close();
});

const iso = (s: string) => new Date(s).toISOString();

async function configure() {
  const admin = await t.login('sysadmin');
  const r = await t.call('PUT', '/settings/notifications', {
    token: admin,
    body: {
      email: { smtpUrl: `${smtp.url.replace('smtp://', 'smtp://mailer:pa55word@')}`, from: '方圆 <noreply@example.com>' },
      dingtalk: { webhookUrl: robots.dingtalkUrl, secret: SECRET },
      wecom: { webhookUrl: robots.wecomUrl },
      publicUrl: 'https://fy.example.com/',
    },
  });
  expect(r.status).toBe(200);
  return r;
}

async function outboxRows(caseId: string) {
  return t.ctx.db.select().from(outbox).where(eq(outbox.caseId, caseId));
}

describe('channels and the test message', () => {
  it('stores the channels, never shows a secret again, and refuses bad input naming the field', async () => {
    const put = await configure();
    const admin = await t.login('sysadmin');
    const got = await t.call('GET', '/settings/notifications', { token: admin });
    expect(got.status).toBe(200);
    for (const secret of [SECRET, 'pa55word', 'access_token', 'tok-', 'key-']) {
      expect(put.text).not.toContain(secret);
      expect(got.text).not.toContain(secret);
    }
    expect(got.body).toMatchObject({ email: { configured: true, from: '方圆 <noreply@example.com>' }, dingtalk: { configured: true, signed: true }, wecom: { configured: true }, publicUrl: 'https://fy.example.com' });
    expect(got.body.routing.overdue).toEqual({ email: true, dingtalk: true, wecom: true });
    // a new webhook without a secret keeps the secret set before
    const again = await t.call('PUT', '/settings/notifications', { token: admin, body: { dingtalk: { webhookUrl: robots.dingtalkUrl } } });
    expect(again.body.dingtalk.signed).toBe(true);

    const bad = await t.call('PUT', '/settings/notifications', { token: admin, body: { email: { smtpUrl: 'http://x', from: 'a@b.c' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('email.smtpUrl');
    expect((await t.call('GET', '/settings/notifications', { token: await t.login('gm') })).status).toBe(403);
    expect((await t.call('GET', '/outbox', { token: await t.login('gm') })).status).toBe(403);
  });

  it('sends a signed DingTalk test message, a WeCom one and an e-mail through the outbox', async () => {
    await configure();
    const admin = await t.login('sysadmin');
    const before = robots.calls.length;
    const ding = await t.call('POST', '/settings/notifications/test', { token: admin, body: { channel: 'dingtalk' } });
    expect(ding.body).toMatchObject({ ok: true });
    const call = robots.calls.at(-1)!;
    expect(call).toMatchObject({ robot: 'dingtalk', signed: true });
    expect(call.body.markdown.text).toContain('测试消息');
    expect((await t.call('POST', '/settings/notifications/test', { token: admin, body: { channel: 'wecom' } })).body.ok).toBe(true);
    expect(robots.calls.length).toBe(before + 2);
    const mail = await t.call('POST', '/settings/notifications/test', { token: admin, body: { channel: 'email', to: 'ops@example.com' } });
    expect(mail.body).toMatchObject({ ok: true });
    expect(smtp.mails.at(-1)).toMatchObject({ to: ['ops@example.com'] });
    expect(smtp.mails.at(-1)!.subject).toContain('测试消息');
    const sent = await t.call('GET', '/outbox?status=sent', { token: admin });
    expect(sent.body.items.filter((i: { eventKind: string }) => i.eventKind === 'test').length).toBeGreaterThanOrEqual(3);
    expect(robots.rejected).toEqual([]);
  });
});

describe('working hours and the escalation chain', () => {
  it('holds a standard-tier overdue message at 20:00 Friday until the next opening — a make-up Saturday counts', async () => {
    await configure();
    // Friday 27 Feb 2026; Saturday 28 Feb is a make-up working day (调休上班)
    await t.setClock('2026-02-27T09:00:00+08:00');
    const customer = await createCustomer(t, await t.login('cs_agent'));
    const ticket = await openTicket(t, customer.id);
    expect(iso(ticket.task.dueAt)).toBe(iso('2026-02-27T18:00:00+08:00'));
    await t.setClock('2026-02-27T20:00:00+08:00');
    const rows = await outboxRows(ticket.id);
    const overdue = rows.filter((r) => r.eventKind === 'overdue');
    // the tech manager's e-mail, DingTalk, WeCom
    expect(overdue.map((r) => r.channel).sort()).toEqual(['dingtalk', 'email', 'wecom']);
    for (const r of overdue) expect(r.nextAttemptAt.toISOString()).toBe(iso('2026-02-28T09:00:00+08:00'));
    expect(overdue.find((r) => r.channel === 'email')!.to).toBe('tech_manager@example.com');
    // the in-app notification is immediate
    const bell = await t.call('GET', '/notifications', { token: await t.login('tech_manager') });
    const line = bell.body.items.find((n: { kind: string; caseId?: string }) => n.kind === 'overdue' && n.caseId === ticket.id);
    // the bell names the case and the customer, as the e-mail does (issue 15 §6)
    expect(line.message).toContain(ticket.number);
    expect(line.message).toContain(customer.name);

    const mailsBefore = smtp.mails.length;
    await deliverOutbox(t.ctx);
    expect((await outboxRows(ticket.id)).filter((r) => r.eventKind === 'overdue' && r.status === 'sent')).toHaveLength(0);
    await t.setClock('2026-02-28T09:00:00+08:00');
    await deliverOutbox(t.ctx);
    expect((await outboxRows(ticket.id)).filter((r) => r.eventKind === 'overdue').every((r) => r.status === 'sent')).toBe(true);
    const mail = smtp.mails.slice(mailsBefore).find((m) => m.text.includes(ticket.number))!;
    expect(mail.subject).toContain('任务逾期');
    expect(mail.subject).toContain(customer.name);
    expect(mail.text).toContain(`https://fy.example.com/tickets/${ticket.id}`);
    const ding = robots.calls.find((c) => c.robot === 'dingtalk' && c.body.markdown.text.includes(ticket.number))!;
    expect(ding.signed).toBe(true);
    expect(ding.body.markdown.text).toContain(customer.name);
  });

  it('holds an ordinary Friday-night message until Monday 09:00', async () => {
    await configure();
    await t.setClock('2026-03-06T09:00:00+08:00');
    const customer = await createCustomer(t, await t.login('cs_agent'));
    const ticket = await openTicket(t, customer.id);
    await t.setClock('2026-03-06T20:00:00+08:00');
    const rows = (await outboxRows(ticket.id)).filter((r) => r.eventKind === 'overdue');
    expect(rows.length).toBe(3);
    for (const r of rows) expect(r.nextAttemptAt.toISOString()).toBe(iso('2026-03-09T09:00:00+08:00'));
  });

  it('fires level 1 (department manager) at the deadline and level 2 (GM) ½ working day later, each once with two instances', async () => {
    await configure();
    await t.setClock('2026-03-10T09:00:00+08:00'); // Tuesday
    const customer = await createCustomer(t, await t.login('cs_agent'));
    const ticket = await openTicket(t, customer.id);
    expect(iso(ticket.task.dueAt)).toBe(iso('2026-03-10T18:00:00+08:00'));
    const database2 = t.url ? await openDatabase({ databaseUrl: t.url, migrate: false }) : t.ctx.database;
    const ctx2: AppContext = await createContext(t.ctx.config, { database: database2 });
    try {
      const both = async (at: string) => {
        await t.ctx.clock.set(t.ctx.db, new Date(at));
        await ctx2.clock.sync(ctx2.db);
        await Promise.all([runSweeps(t.ctx), runSweeps(ctx2)]);
      };
      await both('2026-03-10T18:30:00+08:00');
      const gm = await t.login('gm');
      const tm = await t.login('tech_manager');
      const of = async (token: string, kind: string) => (await t.call('GET', '/notifications', { token })).body.items
        .filter((n: { kind: string; caseId?: string }) => n.kind === kind && n.caseId === ticket.id);
      expect(await of(tm, 'overdue')).toHaveLength(1);
      expect(await of(gm, 'escalated')).toHaveLength(0);
      // ½ working day after 18:00 Tuesday = Wednesday 09:00–12:00 + 13:00–14:00
      await both('2026-03-11T13:59:00+08:00');
      expect(await of(gm, 'escalated')).toHaveLength(0);
      await both('2026-03-11T14:00:00+08:00');
      await both('2026-03-11T15:00:00+08:00');
      const level2 = await of(gm, 'escalated');
      expect(level2).toHaveLength(1);
      expect(level2[0].message).toContain('第 2 级');
      expect(level2[0].message).toContain(ticket.number);
      const rows = (await outboxRows(ticket.id)).filter((r) => r.eventKind === 'escalated');
      expect(rows.map((r) => `${r.channel}:${r.to}`).sort()).toEqual(['dingtalk:group', 'email:gm@example.com', 'wecom:group']);
    } finally {
      if (t.url) await database2.close();
    }
  });
});

describe('the outbox', () => {
  it('retries with exponential back-off, lists the failed for the sysadmin, and retries on request', async () => {
    await configure();
    const now = new Date('2026-03-12T10:00:00+08:00');
    await t.setClock(now.toISOString());
    const customer = await createCustomer(t, await t.login('cs_agent'));
    const ticket = await openTicket(t, customer.id);
    const row = await t.ctx.db.transaction((tx) => enqueue(tx, {
      eventId: `retry-test:${ticket.id}`, channel: 'wecom', to: 'group', subject: 's', body: '### 重试', eventKind: 'overdue', caseId: ticket.id, notBefore: now, now,
    }));
    robots.failNext(1);
    const first = await deliverOutbox(t.ctx, { ids: [row!.id] });
    expect(first.retrying).toBe(1);
    let [r] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, row!.id));
    expect(r).toMatchObject({ status: 'pending', attempts: 1 });
    expect(r.lastError).toContain('503');
    expect(r.nextAttemptAt.toISOString()).toBe(new Date(now.getTime() + 60_000).toISOString());
    // not before its time
    expect((await deliverOutbox(t.ctx, { ids: [row!.id] })).sent).toBe(0);
    // fail every attempt up to the last: 1, 2, 4, 8, 16 minutes apart
    robots.failNext(MAX_ATTEMPTS);
    let at = now.getTime();
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      at += 60_000 * 2 ** (attempt - 2);
      await t.setClock(new Date(at).toISOString());
      await deliverOutbox(t.ctx, { ids: [row!.id] });
      [r] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, row!.id));
      expect(r.attempts).toBe(attempt);
    }
    expect(r.status).toBe('failed');
    const admin = await t.login('sysadmin');
    const failed = await t.call('GET', '/outbox?status=failed', { token: admin });
    expect(failed.body.items.find((i: { id: string }) => i.id === row!.id)).toMatchObject({ attempts: MAX_ATTEMPTS, channel: 'wecom' });
    expect(failed.body.items.find((i: { id: string }) => i.id === row!.id).lastError).toContain('503');
    robots.failNext(0);
    const retried = await t.call('POST', `/outbox/${row!.id}/retry`, { token: admin });
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await t.call('POST', `/outbox/${row!.id}/retry`, { token: admin })).status).toBe(409);
    expect((await t.call('POST', '/outbox/nope/retry', { token: admin })).status).toBe(404);
    expect((await deliverOutbox(t.ctx, { ids: [row!.id] })).sent).toBe(1);
  });

  it('delivers each message once with two instances working at the same moment', async () => {
    await configure();
    const now = t.ctx.clock.now();
    const customer = await createCustomer(t, await t.login('cs_agent'));
    const ticket = await openTicket(t, customer.id);
    const ids: string[] = [];
    await t.ctx.db.transaction(async (tx) => {
      for (let i = 0; i < 12; i++) {
        const row = await enqueue(tx, { eventId: `pair:${ticket.id}:${i}`, channel: 'dingtalk', to: 'group', subject: `#${i}`, body: `### 消息 ${i}`, eventKind: 'overdue', caseId: ticket.id, notBefore: now, now });
        ids.push(row!.id);
      }
    });
    const database2 = t.url ? await openDatabase({ databaseUrl: t.url, migrate: false }) : t.ctx.database;
    const ctx2: AppContext = await createContext(t.ctx.config, { database: database2 });
    try {
      const before = robots.calls.length;
      const [a, b] = await Promise.all([deliverOutbox(t.ctx, { ids, limit: 5 }), deliverOutbox(ctx2, { ids, limit: 5 })]);
      const [c, d] = await Promise.all([deliverOutbox(t.ctx, { ids }), deliverOutbox(ctx2, { ids })]);
      expect(a.sent + b.sent + c.sent + d.sent).toBe(12);
      const calls = robots.calls.slice(before);
      expect(calls).toHaveLength(12);
      expect(new Set(calls.map((x) => x.key)).size).toBe(12);
    } finally {
      if (t.url) await database2.close();
    }
  });
});
