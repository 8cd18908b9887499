// The outbox (issue 16). A message is a row written in the transaction of the event that
// causes it, so it is never lost; the worker claims due rows with FOR UPDATE SKIP LOCKED
// (one instance per row), sends them, and marks them sent or schedules a retry with
// exponential back-off. A claim is a lease on wall time: a worker killed mid-send leaves the
// row `sending`, and after the lease another worker sends it again under the same
// idempotency key (the e-mail's Message-ID, the robots' X-Idempotency-Key / msgUuid), so the
// receiver keeps one copy. The row is marked sent only by the claim that holds it (attempts
// is the fencing token), so a late worker cannot overwrite a newer claim.
import crypto from 'node:crypto';
import { and, asc, count, desc, eq, ilike, inArray, lte, or, lt, sql } from 'drizzle-orm';
import { containsPattern } from '../../db/like.js';
import type { Db, Tx } from '../../db/client.js';
import { outbox } from '../../db/schema.js';
import type { AppContext } from '../../server/context.js';
import { readChannels, sendMessage } from './channels.js';
import type { Channel } from './messages.js';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** After this many failed attempts a message is `failed` and waits for the sysadmin's retry. */
export const MAX_ATTEMPTS = 6;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_CAP_MS = 3600_000;
/** how long a claim holds a row before another worker may take it over */
export const DEFAULT_LEASE_MS = 120_000;

/** The wait before attempt n+1 after n failures: 1 min, 2, 4, 8 … capped at one hour. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
}

/** The idempotency key of one delivery: the event, the channel and the recipient. */
export function idempotencyKey(eventId: string, channel: Channel, to: string): string {
  return crypto.createHash('sha256').update(`${eventId}\u0000${channel}\u0000${to}`).digest('hex').slice(0, 40);
}

/** Writes a message in the caller's transaction; the same event twice is one message. */
export async function enqueue(tx: Tx, m: {
  eventId: string; channel: Channel; to: string; subject: string | null; body: string; eventKind: string;
  caseId: string | null; notBefore: Date; now: Date;
}) {
  const key = idempotencyKey(m.eventId, m.channel, m.to);
  const [row] = await tx.insert(outbox).values({
    id: crypto.randomUUID(), idempotencyKey: key, channel: m.channel, to: m.to, subject: m.subject, body: m.body,
    eventKind: m.eventKind, caseId: m.caseId, status: 'pending', attempts: 0, nextAttemptAt: m.notBefore, createdAt: m.now,
  }).onConflictDoNothing({ target: outbox.idempotencyKey }).returning();
  return row;
}

/** Claims due messages (or ones whose claim's lease ran out) for this worker. */
export async function claimDue(db: Db, opts: { now: Date; wallNow: Date; limit: number; leaseMs: number; ids?: string[] }) {
  return db.transaction(async (tx) => {
    const due = tx.select({ id: outbox.id }).from(outbox)
      .where(and(
        opts.ids ? inArray(outbox.id, opts.ids) : undefined,
        or(
          and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, opts.now)),
          and(eq(outbox.status, 'sending'), lt(outbox.leaseUntil, opts.wallNow)),
        ),
      ))
      .orderBy(asc(outbox.nextAttemptAt)).limit(opts.limit)
      .for('update', { skipLocked: true });
    return tx.update(outbox)
      .set({ status: 'sending', leaseUntil: new Date(opts.wallNow.getTime() + opts.leaseMs), attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.id, due))
      .returning();
  });
}

async function markSent(db: Db, row: OutboxRow, now: Date) {
  await db.update(outbox).set({ status: 'sent', sentAt: now, leaseUntil: null, lastError: null })
    .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.attempts, row.attempts)));
}

async function markFailed(db: Db, row: OutboxRow, error: string, now: Date) {
  const final = row.attempts >= MAX_ATTEMPTS;
  await db.update(outbox).set({
    status: final ? 'failed' : 'pending', lastError: error.slice(0, 1000), leaseUntil: null,
    nextAttemptAt: final ? row.nextAttemptAt : new Date(now.getTime() + backoffMs(row.attempts)),
  }).where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.attempts, row.attempts)));
}

export interface DeliveryReport { sent: number; retrying: number; failed: number; errors: { id: string; error: string }[] }

/** One pass of the worker: claim, send, mark. `ids`: only these messages (the test message). */
export async function deliverOutbox(ctx: AppContext, opts: { limit?: number; leaseMs?: number; ids?: string[]; onSent?: (row: OutboxRow) => Promise<void> | void } = {}): Promise<DeliveryReport> {
  const claimed = await claimDue(ctx.db, {
    now: ctx.clock.now(), wallNow: ctx.wallNow(), limit: opts.limit ?? 50, leaseMs: opts.leaseMs ?? ctx.config.outboxLeaseMs ?? DEFAULT_LEASE_MS, ids: opts.ids,
  });
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, errors: [] };
  if (!claimed.length) return report;
  const settings = await readChannels(ctx.db);
  for (const row of claimed) {
    try {
      await sendMessage(settings, { channel: row.channel as Channel, to: row.to, subject: row.subject, body: row.body, idempotencyKey: row.idempotencyKey }, ctx.wallNow);
      await opts.onSent?.(row);
      await markSent(ctx.db, row, ctx.clock.now());
      report.sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await markFailed(ctx.db, row, message, ctx.clock.now());
      report.errors.push({ id: row.id, error: message });
      if (row.attempts >= MAX_ATTEMPTS) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

export function presentOutbox(r: OutboxRow) {
  return {
    id: r.id, channel: r.channel, to: r.to, subject: r.subject, attempts: r.attempts, lastError: r.lastError,
    status: r.status as OutboxStatus, eventKind: r.eventKind, caseId: r.caseId, idempotencyKey: r.idempotencyKey,
    createdAt: r.createdAt.toISOString(), nextAttemptAt: r.nextAttemptAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null,
  };
}

/** The sysadmin's list; `pending` includes messages being sent right now. */
export async function listOutbox(tx: Tx, f: { status?: 'pending' | 'failed' | 'sent'; channel?: string; q?: string; limit: number; offset: number }) {
  const where = and(
    f.status === 'pending' ? inArray(outbox.status, ['pending', 'sending']) : f.status ? eq(outbox.status, f.status) : undefined,
    f.channel ? eq(outbox.channel, f.channel) : undefined,
    f.q ? or(ilike(outbox.subject, containsPattern(f.q)), ilike(outbox.to, containsPattern(f.q))) : undefined,
  );
  const rows = await tx.select().from(outbox).where(where).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(f.limit).offset(f.offset);
  const total = (await tx.select({ n: count() }).from(outbox).where(where))[0].n;
  return { items: rows.map(presentOutbox), total };
}

/** A failed message goes back to the queue with a fresh series of attempts. */
export async function retryMessage(tx: Tx, id: string, now: Date) {
  const [row] = await tx.update(outbox).set({ status: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'failed'))).returning();
  return row;
}

export async function findMessage(tx: Tx, id: string) {
  return (await tx.select().from(outbox).where(eq(outbox.id, id)))[0];
}
