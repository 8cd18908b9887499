// Reply shapes of the feedback reports (the feedback cycle, issue 13).
import { z } from 'zod';
import { instant } from '../../server/replies.js';
import { taskView } from '../tasks/schema.js';

const task = taskView;

export const feedbackReportSummary = z.object({
  caseId: z.string(), number: z.string(), period: z.string(), from: instant, to: instant, state: z.string(), closedAt: instant.nullable(),
});

export const feedbackReportDetail = z.object({
  caseId: z.string(), number: z.string(), period: z.string(), from: instant, to: instant, state: z.string(), createdAt: instant, closedAt: instant.nullable(),
  opinions: z.array(z.object({
    customerId: z.string(), customerName: z.string(),
    items: z.array(z.object({
      source: z.enum(['follow_up', 'revisit', 'complaint']), tag: z.enum(['satisfied', 'unsatisfied', 'revisit', 'problem_found', 'complaint']),
      at: instant, ticketNumber: z.string().nullable(), text: z.string(), by: z.string().nullable(),
    })),
  })),
  compile: z.object({ task, summary: z.string().nullable(), keyIssues: z.array(z.object({ customerName: z.string().optional(), issue: z.string() })) }).nullable(),
  review: z.object({ task, findings: z.string().nullable() }).nullable(),
  adjustments: z.array(z.object({
    department: z.string(), departmentLabel: z.string(), what: z.string(), dueDays: z.number().nullable(), escalationLevel: z.number().int(), note: z.string().nullable(), task,
  })),
}).meta({ id: 'FeedbackReport' });

export const feedbackReportList = z.object({ items: z.array(feedbackReportSummary) });
