// Rewards and penalties (奖惩考核, PROCESS §6, issue 13): a manager records one for someone of their
// department or for a partner company; managers decide, nothing is automatic. Every record is audited.
import crypto from 'node:crypto';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cases, partners, reviews, users } from '../../db/schema.js';
import { authorize, denial } from '../../policies/index.js';
import { departmentsOf, orgOf, type Actor } from '../../policies/actor.js';
import { can } from '../../policies/index.js';
import type { ReviewSubject } from '../../policies/review.js';
import type { AppContext } from '../../server/context.js';
import { fieldError } from '../../server/errors.js';
import { appendAudit } from '../audit/service.js';
import type { Period } from '../reports/period.js';

export interface ReviewInput { userId?: string; partnerId?: string; kind: 'reward' | 'penalty'; points?: number; amountFen?: number; reason: string; caseId?: string }

async function subjectOf(tx: Tx, actor: Actor, s: { userId?: string; partnerId?: string }): Promise<ReviewSubject & { name: string } | undefined> {
  if (s.userId) {
    const [u] = await tx.select().from(users).where(eq(users.id, s.userId));
    return u && { userId: u.id, name: u.displayName, departments: departmentsOf({ ...actor, id: u.id, roles: u.roles, department: u.department, org: orgOf(actor) }) };
  }
  const [p] = s.partnerId ? await tx.select().from(partners).where(eq(partners.id, s.partnerId)) : [];
  return p && { partner: true, name: p.name };
}

const present = (r: typeof reviews.$inferSelect, names: { subject: string; author: string | null; caseNumber: string | null }) => ({
  id: r.id, userId: r.userId, partnerId: r.partnerId, subjectName: names.subject, kind: r.kind as 'reward' | 'penalty',
  points: r.points, amountFen: r.amountFen, reason: r.reason, caseId: r.caseId, caseNumber: names.caseNumber, authorId: r.authorId, authorName: names.author, createdAt: r.createdAt.toISOString(),
});

export async function recordReview(opts: { actor: Actor; input: ReviewInput }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'review.create');
  const { input } = opts;
  const subject = await subjectOf(tx, opts.actor, input);
  if (!subject) throw fieldError(input.userId ? 'userId' : 'partnerId', input.userId ? 'field.unknown_user' : 'field.unknown_partner');
  authorize(opts.actor, 'review.create', subject);
  // the case a record names must exist (the form picks it from a search; the API is checked too)
  const [c] = input.caseId ? await tx.select({ number: cases.number }).from(cases).where(eq(cases.id, input.caseId)) : [];
  if (input.caseId && !c) throw fieldError('caseId', 'field.unknown_case');
  const now = ctx.clock.now();
  const [row] = await tx.insert(reviews).values({
    id: crypto.randomUUID(), userId: input.userId ?? null, partnerId: input.partnerId ?? null, kind: input.kind,
    points: input.points ?? null, amountFen: input.amountFen ?? null, reason: input.reason, caseId: input.caseId ?? null,
    authorId: opts.actor.id, createdAt: now,
  }).returning();
  const view = present(row, { subject: subject.name, author: opts.actor.displayName, caseNumber: c?.number ?? null });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: `review.${input.kind}`, entity: 'review', entityId: row.id, caseId: input.caseId ?? null, after: view });
  return view;
}

/** Records of one subject (its manager, the GM, the subject), or every record the actor may read. */
export async function listReviews(opts: { actor: Actor; userId?: string; partnerId?: string; period?: Period }, tx: Tx) {
  authorize(opts.actor, 'review.read');
  const where: (SQL | undefined)[] = [opts.period ? and(gte(reviews.createdAt, opts.period.from), lt(reviews.createdAt, opts.period.to)) : undefined];
  let named: { userId: string | null; partnerId: string | null; name: string } | null = null;
  if (opts.userId || opts.partnerId) {
    const subject = await subjectOf(tx, opts.actor, opts);
    if (!subject || !can(opts.actor, 'review.read', subject)) throw denial(opts.actor, 'review.read', 'review');
    where.push(opts.userId ? eq(reviews.userId, opts.userId) : eq(reviews.partnerId, opts.partnerId!));
    named = { userId: opts.userId ?? null, partnerId: opts.userId ? null : opts.partnerId!, name: subject.name };
  }
  const rows = await tx.select({ r: reviews, userName: users.displayName, partnerName: partners.name, caseNumber: cases.number }).from(reviews)
    .leftJoin(users, eq(users.id, reviews.userId)).leftJoin(partners, eq(partners.id, reviews.partnerId)).leftJoin(cases, eq(cases.id, reviews.caseId))
    .where(and(...where)).orderBy(desc(reviews.createdAt)).limit(500);
  const authors = new Map((await tx.select({ id: users.id, name: users.displayName }).from(users)).map((u) => [u.id, u.name]));
  const items = [];
  for (const { r, userName, partnerName, caseNumber } of rows) {
    // without a subject named: only the records the actor may read one by one
    if (!(opts.userId || opts.partnerId)) {
      const subject = r.userId ? await subjectOf(tx, opts.actor, { userId: r.userId }) : { partner: true };
      if (!subject || !can(opts.actor, 'review.read', subject)) continue;
    }
    items.push(present(r, { subject: userName ?? partnerName ?? '', author: authors.get(r.authorId) ?? null, caseNumber: caseNumber ?? null }));
  }
  return { subject: named, items };
}
