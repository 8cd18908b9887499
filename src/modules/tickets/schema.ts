// Reply shapes of tickets (presenters in service.ts, the verdict in breach.ts).
import { z } from 'zod';
import { abilities, instant, pageOf, tier } from '../../server/replies.js';
import { auditEntry } from '../audit/schema.js';
import { assetView, customerView } from '../customers/schema.js';
import { documentView } from '../documents/schema.js';
import { taskView } from '../tasks/schema.js';

export const ticketView = z.object({
  id: z.string(),
  number: z.string(),
  customerId: z.string(),
  kind: z.enum(['inquiry', 'complaint']),
  problem: z.string(),
  contact: z.string().nullable(),
  /** the open step's key, or closed */
  state: z.string(),
  tier,
  partnerId: z.string().nullable(),
  /** the close deadline */
  dueAt: instant,
  closedAt: instant.nullable(),
  overdue: z.boolean(),
  specialReason: z.string().nullable(),
  sourceTaskId: z.string().nullable(),
  definitionVersion: z.number().int(),
  /** SLA pause (issue 16): since when the ticket waits, and why (a `ticketPause.reasons` value) */
  pausedAt: instant.nullable(),
  pauseReason: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
}).meta({ id: 'Ticket' });

export const breachOwner = z.object({
  key: z.string(), kind: z.enum(['partner', 'user', 'role']), id: z.string(), name: z.string(), step: z.string(), taskId: z.string(),
}).meta({ id: 'BreachOwner' });

export const breachVerdict = z.union([
  z.object({ status: z.enum(['open', 'on_time']) }),
  z.object({ status: z.literal('excused'), reason: z.string() }),
  z.object({ status: z.literal('breach'), owner: breachOwner.nullable() }),
]).meta({ id: 'BreachVerdict' });

export const ticketPause = z.object({
  id: z.string(), reason: z.string(), note: z.string().nullable(), pausedAt: instant, pausedBy: z.string(),
  resumedAt: instant.nullable(), resumedBy: z.string().nullable(),
  /** working days the pause held on the ticket's clock (null while paused) */
  workingDays: z.number().nullable(),
}).meta({ id: 'TicketPause' });

export const ratingStatus = z.object({
  status: z.enum(['waiting', 'rated', 'expired']),
  expiresAt: instant,
  satisfied: z.boolean().optional(),
  comment: z.string().nullable().optional(),
  ratedAt: instant.optional(),
}).meta({ id: 'CustomerRating' });

export const ticketCreated = ticketView.extend({
  customerName: z.string(),
  task: taskView.nullable(),
  tasks: z.array(taskView),
  documents: z.array(documentView),
}).meta({ id: 'TicketCreated' });

export const ticketListReply = pageOf(ticketView.extend({
  customerName: z.string().nullable(),
  openTasks: z.array(z.object({
    id: z.string(), step: z.string(), assigneeRole: z.string(), assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable(), partnerId: z.string().nullable(), partnerName: z.string().nullable(),
    dueAt: instant.nullable(), overdue: z.boolean(),
  })),
})).meta({ id: 'TicketPage' });

export const ticketDetail = ticketView.extend({
  customerName: z.string().nullable(),
  partnerName: z.string().nullable(),
  breach: breachVerdict,
  customer: customerView.extend({ assets: z.array(assetView) }).nullable(),
  documents: z.array(documentView),
  tasks: z.array(taskView),
  history: z.array(auditEntry),
  abilities: abilities.optional(),
  /** SLA pauses, oldest first (issue 16) */
  pauses: z.array(ticketPause),
  /** the customer's rating link of the latest repair (a path /r/{token}); null before the repair */
  ratingUrl: z.string().nullable(),
  rating: ratingStatus.nullable(),
}).meta({ id: 'TicketDetail' });

export const pauseBody = z.object({
  /** a value of the definition's ticketPause.reasons (default waiting_customer, waiting_parts) */
  reason: z.string().trim().min(1).max(64),
  note: z.string().trim().max(2000).optional(),
}).strict();

/** GET /ratings/{token}: the repair in plain words, for the customer's page */
export const ratingPageView = z.object({
  number: z.string(),
  customerName: z.string(),
  problem: z.string(),
  resolution: z.string().nullable(),
  resolvedAt: instant.nullable(),
  expiresAt: instant,
}).meta({ id: 'RatingPage' });

export const ratingBody = z.object({ satisfied: z.boolean(), comment: z.string().trim().max(1000).optional() }).strict();
export const ratingReply = z.object({ ok: z.literal(true), satisfied: z.boolean() }).meta({ id: 'RatingResult' });

export const ticketWithBreach = ticketView.extend({ breach: breachVerdict }).meta({ id: 'TicketWithBreach' });
