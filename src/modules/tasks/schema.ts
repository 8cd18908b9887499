// Reply shapes of the task engine (presentTask in service.ts).
import { z } from 'zod';
import { abilities, instant, pageOf } from '../../server/replies.js';
import { documentView } from '../documents/schema.js';

export const taskView = z.object({
  id: z.string(),
  step: z.string(),
  caseType: z.string().meta({ description: 'deal | ticket | customer' }),
  caseId: z.string(),
  assigneeRole: z.string(),
  assigneeId: z.string().nullable(),
  assigneeIds: z.array(z.string()),
  partnerId: z.string().nullable(),
  createdAt: instant,
  dueAt: instant.nullable(),
  tier: z.string(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
  outcome: z.string().nullable(),
  completedAt: instant.nullable(),
  completedBy: z.string().nullable(),
  /** open tasks with a deadline: the working hours left (negative when late) */
  remainingWorkingHours: z.number().optional(),
  /** inbox rows: the case's customer and number */
  customerName: z.string().nullable().optional(),
  caseNumber: z.string().nullable().optional(),
  abilities: abilities.optional(),
  /** in case views: the step's label (zh) and its labels in every language, from the definition */
  label: z.string().optional(),
  labels: z.object({ zh: z.string(), en: z.string() }).nullable().optional(),
}).meta({ id: 'Task' });

export const taskListReply = pageOf(taskView).extend({ totalCapped: z.literal(true).optional() }).meta({ id: 'TaskPage' });

export const completeTaskReply = z.object({
  task: taskView,
  next: z.array(taskView),
  document: documentView.optional(),
}).meta({ id: 'CompleteTaskReply' });
