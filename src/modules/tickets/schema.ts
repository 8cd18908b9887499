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
}).meta({ id: 'TicketDetail' });

export const ticketWithBreach = ticketView.extend({ breach: breachVerdict }).meta({ id: 'TicketWithBreach' });
