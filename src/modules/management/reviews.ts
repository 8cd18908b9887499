// Rewards and penalties (奖惩考核, PROCESS §6, issue 13): a manager records one for someone of their
// department or for a partner company; managers decide, nothing is automatic. Every record is audited.
import crypto from 'node:crypto';
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
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

/** a user as the review policy sees them: their departments, read with the actor's organisation */
const userSubject = (actor: Actor, u: { id: string; roles: string[]; department: string | null }): ReviewSubject =>
  ({ userId: u.id, departments: departmentsOf({ ...actor, id: u.id, roles: u.roles, department: u.department, org: orgOf(actor) }) });

async function subjectOf(tx: Tx, actor: Actor, s: { userId?: string; partnerId?: string }): Promise<ReviewSubject & { name: string } | undefined> {
  if (s.userId) {
    const [u] = await tx.select().from(users).where(eq(users.id, s.userId));
    return u && { ...userSubject(actor, u), name: u.displayName };
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

/** Who the actor may read (`review.read`) or record (`review.create`) records of, decided by the
 *  one review policy for every user and partner company (a company has dozens of each). */
export async function subjectsFor(tx: Tx, actor: Actor, rule: 'review.read' | 'review.create') {
  const [people, companies] = await Promise.all([
    tx.select({ id: users.id, name: users.displayName, roles: users.roles, department: users.department, partnerId: users.partnerId, active: users.active }).from(users).orderBy(asc(users.displayName)),
    tx.select({ id: partners.id, name: partners.name }).from(partners).orderBy(asc(partners.name)),
  ]);
  return {
    users: people.filter((u) => can(actor, rule, userSubject(actor, u))),
    partners: can(actor, rule, { partner: true }) ? companies : [],
  };
}

export interface ReviewQuery {
  actor: Actor; userId?: string; partnerId?: string; period?: Period;
  kind?: 'reward' | 'penalty';
  /** part of the subject's name, the reason or the case number */
  q?: string;
  limit: number; offset: number;
}

const author = alias(users, 'author');

/** Records of one subject (its manager, the GM, the subject), or every record the actor may read:
 *  a page, newest first, with the count and the sums of every matching record. */
export async function listReviews(opts: ReviewQuery, tx: Tx) {
  authorize(opts.actor, 'review.read');
  const where: (SQL | undefined)[] = [
    opts.period ? and(gte(reviews.createdAt, opts.period.from), lt(reviews.createdAt, opts.period.to)) : undefined,
    opts.kind ? eq(reviews.kind, opts.kind) : undefined,
  ];
  let named: { userId: string | null; partnerId: string | null; name: string } | null = null;
  if (opts.userId || opts.partnerId) {
    const subject = await subjectOf(tx, opts.actor, opts);
    if (!subject || !can(opts.actor, 'review.read', subject)) throw denial(opts.actor, 'review.read', 'review');
    where.push(opts.userId ? eq(reviews.userId, opts.userId) : eq(reviews.partnerId, opts.partnerId!));
    named = { userId: opts.userId ?? null, partnerId: opts.userId ? null : opts.partnerId!, name: subject.name };
  } else {
    // without a subject named: the records of the subjects the policy lets the actor read
    const readable = await subjectsFor(tx, opts.actor, 'review.read');
    const ids = readable.users.map((u) => u.id);
    where.push(or(
      ids.length ? inArray(reviews.userId, ids) : undefined,
      readable.partners.length ? isNotNull(reviews.partnerId) : undefined,
    ) ?? sql`false`);
  }
  const q = opts.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    where.push(or(ilike(users.displayName, pattern), ilike(partners.name, pattern), ilike(reviews.reason, pattern), ilike(cases.number, pattern)));
  }
  const joins = { users: eq(users.id, reviews.userId), partners: eq(partners.id, reviews.partnerId), cases: eq(cases.id, reviews.caseId) };
  const [rows, [sums]] = await Promise.all([
    tx.select({ r: reviews, userName: users.displayName, partnerName: partners.name, caseNumber: cases.number, authorName: author.displayName }).from(reviews)
      .leftJoin(users, joins.users).leftJoin(partners, joins.partners).leftJoin(cases, joins.cases).leftJoin(author, eq(author.id, reviews.authorId))
      .where(and(...where)).orderBy(desc(reviews.createdAt), desc(reviews.id)).limit(opts.limit).offset(opts.offset),
    tx.select({
      count: sql<number>`count(*)::int`,
      points: sql<number>`coalesce(sum(${reviews.points}), 0)::int`,
      rewardsFen: sql<number>`coalesce(sum(${reviews.amountFen}) filter (where ${reviews.kind} = 'reward'), 0)`.mapWith(Number),
      penaltiesFen: sql<number>`coalesce(sum(${reviews.amountFen}) filter (where ${reviews.kind} = 'penalty'), 0)`.mapWith(Number),
    }).from(reviews)
      .leftJoin(users, joins.users).leftJoin(partners, joins.partners).leftJoin(cases, joins.cases)
      .where(and(...where)),
  ]);
  return {
    subject: named,
    items: rows.map(({ r, userName, partnerName, caseNumber, authorName }) => present(r, { subject: userName ?? partnerName ?? '', author: authorName, caseNumber })),
    total: sums.count,
    totals: { points: sums.points, rewardsFen: sums.rewardsFen, penaltiesFen: sums.penaltiesFen },
  };
}
