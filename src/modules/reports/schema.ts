// Reply shapes of the weekly summary and the partner settlement (service.ts).
import { z } from 'zod';
import { day, instant } from '../../server/replies.js';
import { breachOwner } from '../tickets/schema.js';

/** 0–1, or null when there is nothing to count */
const rate = z.number().nullable();

export const weeklySummary = z.object({
  week: z.string(),
  from: instant,
  to: instant,
  generatedAt: instant,
  tickets: z.object({
    opened: z.number().int(), openedInquiries: z.number().int(), openedComplaints: z.number().int(),
    closed: z.number().int(), closedOnTime: z.number().int(), closedLate: z.number().int(),
    breaches: z.number().int(), excused: z.number().int(), overdueOpen: z.number().int(),
  }),
  breaches: z.array(z.object({
    ticketId: z.string(), number: z.string(), customerName: z.string(), kind: z.string(), dueAt: instant, closedAt: instant.nullable(),
    owner: breachOwner.nullable(),
  })),
  breachesByOwner: z.array(z.object({ key: z.string(), kind: z.string(), id: z.string(), name: z.string(), count: z.number().int() })),
  excused: z.array(z.object({ ticketId: z.string(), number: z.string(), reason: z.string() })),
  overdueOpen: z.array(z.object({
    ticketId: z.string(), number: z.string(), customerName: z.string(), kind: z.string(), state: z.string(), dueAt: instant,
  })),
  /** how many pre-sales and installation steps were open past their deadline at the week's end */
  overdueStepsTotal: z.number().int(),
  /** the oldest 200 of them (`overdueOpen` likewise lists the oldest 200 of `tickets.overdueOpen`) */
  overdueSteps: z.array(z.object({
    dealId: z.string(), number: z.string(), customerName: z.string(), step: z.string(), assigneeRole: z.string(),
    assigneeName: z.string().nullable(), dueAt: instant,
  })),
  satisfaction: z.object({ followUps: z.number().int(), satisfied: z.number().int(), unsatisfied: z.number().int(), rate }),
  revisits: z.object({ generated: z.number().int(), done: z.number().int(), problemsFound: z.number().int() }),
  opinions: z.array(z.object({
    source: z.enum(['follow_up', 'revisit']), at: instant, customerId: z.string(), customerName: z.string().nullable(),
    ticketNumber: z.string().nullable(), satisfied: z.boolean().nullable(), problemFound: z.boolean().nullable(),
    opinion: z.string(), by: z.string().nullable(),
  })),
  deals: z.object({
    won: z.number().int(), lost: z.number().int(),
    /** null when the reader does not read the contract */
    wonAmountFen: z.number().int().nullable(),
    items: z.array(z.object({
      dealId: z.string(), number: z.string(), customerName: z.string(), ownerName: z.string().nullable(),
      outcome: z.enum(['won', 'lost']), at: instant, amountFen: z.number().int().nullable(), paymentModel: z.string().nullable(),
      reason: z.string().nullable(), competitor: z.string().nullable(),
    })),
  }),
  /** the week's feedback report (客户反馈汇总: opinions, the GM's findings and adjustments), once opened */
  feedbackReport: z.object({ caseId: z.string(), number: z.string(), state: z.string() }).nullable(),
  /** SLA pauses that held a ticket's clock in the week (issue 16) */
  pauses: z.object({
    count: z.number().int(),
    /** working days held (closed pauses) */
    workingDays: z.number(),
    items: z.array(z.object({
      ticketId: z.string(), number: z.string(), reason: z.string(), pausedAt: instant, resumedAt: instant.nullable(), workingDays: z.number().nullable(),
    })),
  }),
}).meta({ id: 'WeeklySummary' });

export const partnerSettlement = z.object({
  partner: z.object({ id: z.string(), name: z.string(), certifiedUntil: day, ratePerRepairFen: z.number().int() }),
  month: z.string(),
  from: instant,
  to: instant,
  repairs: z.number().int(),
  onTime: z.number().int(),
  onTimeRate: rate,
  followedUp: z.number().int(),
  satisfied: z.number().int(),
  satisfactionRate: rate,
  ratePerRepairFen: z.number().int(),
  amountFen: z.number().int(),
  items: z.array(z.object({
    taskId: z.string(), ticketId: z.string(), ticketNumber: z.string().nullable(), customerName: z.string(), engineerName: z.string().nullable(),
    dueAt: instant.nullable(), completedAt: instant.nullable(), onTime: z.boolean(), satisfied: z.boolean().nullable(),
  })),
}).meta({ id: 'PartnerSettlement' });
