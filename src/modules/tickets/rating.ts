// The customer rates the repair (issue 16). Completing a repair step gives the ticket a rating
// link /r/{token}: 144 random bits, single use, valid `ratingLinkDays` (default 7). The public
// page shows the repair in plain words (the customer's problem, what was done; no internals,
// no prices) and takes 满意 / 不满意 and a comment, nothing else. The CS follow-up shows the
// rating; an unsatisfied rating sends the ticket back to repair as an unsatisfied call does.
import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { ratingLinks, tasks } from '../../db/schema.js';
import type { Actor, AppContext } from '../../server/context.js';
import { gone, notFound } from '../../server/errors.js';
import { stepsOfKind, type ProcessDefinition } from '../../domain/process/definition.js';
import { appendAudit } from '../audit/service.js';
import { findCustomer } from '../customers/repo.js';
import { completeTask } from '../tasks/service.js';
import { RATING_TEXT } from '../notifications/messages.js';
import * as repo from './repo.js';
import QRCode from 'qrcode';
import { organisationOf } from '../../domain/roles.js';
import { readChannels } from '../notifications/channels.js';

const TOKEN_BYTES = 18; // 144 bits
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export type RatingLinkRow = typeof ratingLinks.$inferSelect;

/** A new link for the repair round that just completed (the repair effect calls this). */
export async function createRatingLink(tx: Tx, o: { ticketId: string; taskId: string; resolution: string | null; now: Date; days: number }) {
  const token = crypto.randomBytes(TOKEN_BYTES).toString('base64url');
  const [row] = await tx.insert(ratingLinks).values({
    token, ticketId: o.ticketId, taskId: o.taskId, resolution: o.resolution, createdAt: o.now, expiresAt: new Date(o.now.getTime() + o.days * 86400_000),
  }).returning();
  return row;
}

export async function latestRatingLink(tx: Tx, ticketId: string) {
  return (await tx.select().from(ratingLinks).where(eq(ratingLinks.ticketId, ticketId)).orderBy(desc(ratingLinks.createdAt)).limit(1))[0];
}

export const ratingPath = (token: string) => `/r/${token}`;

/** What staff see on the ticket: the link, and the customer's own rating once given. */
export function presentRating(l: RatingLinkRow | undefined, now: Date) {
  if (!l) return { ratingUrl: null, rating: null };
  return {
    ratingUrl: ratingPath(l.token),
    rating: {
      status: l.usedAt ? 'rated' as const : l.expiresAt <= now ? 'expired' as const : 'waiting' as const,
      expiresAt: l.expiresAt.toISOString(),
      ...(l.usedAt ? { satisfied: !!l.satisfied, comment: l.comment, ratedAt: l.usedAt.toISOString() } : {}),
    },
  };
}

async function usableLink(tx: Tx, token: string, now: Date, lock: boolean) {
  if (!TOKEN_PATTERN.test(token)) throw notFound('rating link');
  const q = tx.select().from(ratingLinks).where(eq(ratingLinks.token, token));
  const [l] = lock ? await q.for('update') : await q;
  if (!l) throw notFound('rating link');
  if (l.usedAt) throw gone('rating.used');
  if (l.expiresAt <= now) throw gone('rating.expired');
  // a closed ticket was settled on the follow-up call: the link has nothing left to ask
  const t = await repo.findTicket(tx, l.ticketId);
  if (!t || t.closedAt) throw gone('rating.closed');
  return l;
}

/** The public page's facts: the repair in plain words. */
export async function ratingPage(token: string, tx: Tx, ctx: AppContext) {
  const now = ctx.clock.now();
  const l = await usableLink(tx, token, now, false);
  const t = (await repo.findTicket(tx, l.ticketId))!;
  const customer = await findCustomer(tx, t.customerId);
  return {
    number: t.number, customerName: customer?.name ?? '', problem: t.problem, resolution: l.resolution,
    resolvedAt: l.createdAt.toISOString(), expiresAt: l.expiresAt.toISOString(),
  };
}

/** The follow-up outcome that sends the ticket back to repair (found by tags, not by key). */
function backToRepair(def: ProcessDefinition, followUpStep: string) {
  const repairs = stepsOfKind(def, 'repair');
  return Object.entries(def.steps[followUpStep]?.outcomes ?? {}).find(([, o]) => o.next.some((n) => repairs.includes(n)))?.[0];
}

export async function submitRating(opts: { token: string; satisfied: boolean; comment?: string }, tx: Tx, ctx: AppContext) {
  const now = ctx.clock.now();
  const l = await usableLink(tx, opts.token, now, true);
  const comment = opts.comment?.trim() || null;
  await tx.update(ratingLinks).set({ usedAt: now, satisfied: opts.satisfied, comment }).where(and(eq(ratingLinks.token, l.token)));
  await appendAudit(tx, {
    at: now, actorId: null, action: 'ticket.rating', entity: 'ticket', entityId: l.ticketId, caseId: l.ticketId,
    after: { satisfied: opts.satisfied, comment },
  });
  if (!opts.satisfied) {
    // as an unsatisfied call does: the open follow-up goes back to repair
    const t = (await repo.findTicket(tx, l.ticketId))!;
    const def = await ctx.processes.get(t.definitionVersion, tx);
    const followUps = stepsOfKind(def, 'follow_up');
    const open = await tx.select().from(tasks).where(and(eq(tasks.caseId, t.id), eq(tasks.status, 'open')));
    const followUp = open.find((x) => followUps.includes(x.step));
    const outcome = followUp && backToRepair(def, followUp.step);
    if (followUp && outcome) {
      const customer: Actor = {
        id: 'customer', username: 'customer', displayName: RATING_TEXT.customerActor, roles: [def.steps[followUp.step].role],
        department: null, partnerId: null, org: organisationOf(def),
      };
      await completeTask({
        taskId: followUp.id, actor: customer, outcome, skipPolicy: true,
        form: { customerOpinion: comment ? `${RATING_TEXT.unsatisfiedOpinion}：${comment}` : RATING_TEXT.unsatisfiedOpinion },
      }, tx, ctx);
    }
  }
  return { ok: true as const, satisfied: opts.satisfied };
}

/** The QR code of the rating link a repair task made (printed on its feedback form), as inline SVG. */
export async function ratingQr(tx: Tx, taskId: string | null, origin: string) {
  if (!taskId) return undefined;
  const [l] = await tx.select().from(ratingLinks).where(eq(ratingLinks.taskId, taskId));
  if (!l) return undefined;
  const publicUrl = (await readChannels(tx)).publicUrl;
  const url = `${publicUrl ?? origin}${ratingPath(l.token)}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { svg, caption: RATING_TEXT.qrCaption, url };
}
