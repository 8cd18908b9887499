// Reply shapes of deals (presenters in service.ts).
import { z } from 'zod';
import { abilities, instant, listOf, pageOf } from '../../server/replies.js';
import { auditEntry } from '../audit/schema.js';
import { customerView } from '../customers/schema.js';
import { documentView } from '../documents/schema.js';
import { taskView } from '../tasks/schema.js';

export const dealView = z.object({
  id: z.string(),
  number: z.string(),
  /** the open step's key, or installed / dropped / lost at the end */
  state: z.string(),
  customerId: z.string(),
  ownerId: z.string(),
  definitionVersion: z.number().int(),
  secondMeetingAt: instant.nullable(),
  endReason: z.string().nullable(),
  competitor: z.string().nullable(),
  paymentModel: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  createdAt: instant,
  updatedAt: instant,
}).meta({ id: 'Deal' });

export const dealCreated = dealView.extend({
  documents: z.array(documentView),
  tasks: z.array(taskView),
}).meta({ id: 'DealCreated' });

export const negotiationEntry = z.object({
  id: z.string(), kind: z.string(), note: z.string(), actorId: z.string(), at: instant,
}).meta({ id: 'NegotiationEntry' });

export const dealDetail = dealView.extend({
  customer: customerView.nullable(),
  documents: z.array(documentView),
  /** `label`: the step's Chinese label; `labels`: both languages (null for a step the definition no longer has) */
  tasks: z.array(taskView.extend({ label: z.string(), labels: z.object({ zh: z.string(), en: z.string() }).nullable() })),
  history: z.array(auditEntry),
  negotiationLog: z.array(negotiationEntry),
  longNegotiation: z.boolean(),
  negotiationSince: instant.nullable(),
  /** user id → display name, for everyone on the timeline */
  people: z.record(z.string(), z.string()),
  abilities: abilities.optional(),
}).meta({ id: 'DealDetail' });

export const dealListReply = pageOf(dealView.extend({
  customerName: z.string().nullable(),
  longNegotiation: z.boolean(),
})).meta({ id: 'DealPage' });

export const upcomingMeetingsReply = listOf(z.object({
  dealId: z.string(), number: z.string(), state: z.string(), ownerId: z.string(),
  customerId: z.string(), customerName: z.string(), contactPerson: z.string(), phone: z.string(), address: z.string(),
  secondMeetingAt: instant,
  today: z.boolean(),
  past: z.boolean(),
})).meta({ id: 'UpcomingMeetings' });

const endedDeal = z.object({
  dealId: z.string(), number: z.string(), customerId: z.string(), customerName: z.string(),
  ownerId: z.string(), ownerName: z.string(), step: z.string().nullable(), reason: z.string().nullable(), competitor: z.string().nullable(),
  endedAt: instant,
});

export const pipelineReply = z.object({
  asOf: instant,
  salespeople: z.array(z.object({
    ownerId: z.string(), displayName: z.string(), byState: z.record(z.string(), z.number().int()),
    total: z.number().int(), open: z.number().int(), lost: z.number().int(), dropped: z.number().int(), longNegotiations: z.number().int(),
  })),
  /** how many deals negotiate too long; `longNegotiations` lists the 200 longest */
  longNegotiationsTotal: z.number().int(),
  longNegotiations: z.array(z.object({
    dealId: z.string(), number: z.string(), customerId: z.string(), customerName: z.string(),
    ownerId: z.string(), ownerName: z.string(), since: instant, workingDays: z.number(),
  })),
  lostDeals: z.array(endedDeal),
  droppedDeals: z.array(endedDeal),
  competitors: z.array(z.object({ competitor: z.string(), lost: z.number().int() })),
}).meta({ id: 'PipelineReport' });
