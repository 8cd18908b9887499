// The process is data: steps, owners, outcomes, deadlines, forms, copy lists and numbering.
// This schema validates a definition; the engine (engine.ts) interprets it.
import { z } from 'zod';
import { DEPARTMENTS, ROLES } from '../roles.js';
import { INPUT_SCHEMAS } from './forms.js';

const role = z.enum(ROLES);
const inputKey = z.string().refine((k) => k in INPUT_SCHEMAS, { message: 'unknown form input schema' });

/** Where a deadline is counted from and on which clock. */
export const deadlineRule = z.union([
  z.object({
    days: z.number().min(0).max(365),
    from: z.enum(['task_created', 'case_created']).default('task_created'),
    tier: z.enum(['standard', 'customer']).default('standard'),
  }),
  // the end of the working day given by a form field of the step before (installation: the scheduled date)
  z.object({ endOfDayOfField: z.string() }),
  z.object({ none: z.literal(true) }),
]);

const transition = z.object({
  /** the zod input schema for the form of this outcome (forms.ts) */
  input: inputKey.optional(),
  /** the numbered document this outcome writes (a key of `forms`) */
  document: z.string().optional(),
  next: z.array(z.string()).default([]),
  /** ends the case in this state */
  end: z.string().optional(),
  /** named effects the case module runs in the same transaction */
  effects: z.array(z.string()).default([]),
});

const step = z.object({
  caseType: z.enum(['deal', 'ticket', 'customer']),
  role,
  /** extra roles that may also be given this step (outsourced partners) */
  alsoRoles: z.array(role).default([]),
  label: z.string(),
  /** who gets the task: the case owner (same salesperson), the role pool, or the users named in a form field */
  assign: z.union([z.literal('case_owner'), z.literal('pool'), z.object({ fromField: z.string() })]).default('pool'),
  due: deadlineRule,
  /** steps without outcomes take the single `done` transition */
  outcomes: z.record(z.string(), transition),
  /** flags a task as long-running after this many working days (negotiation) */
  longAfterDays: z.number().optional(),
});

const form = z.object({
  title: z.string(),
  prefix: z.string().regex(/^[A-Z]{1,6}$/),
  copies: z.array(z.enum(DEPARTMENTS)).min(1),
});

export const processDefinitionSchema = z.object({
  version: z.number().int().positive(),
  name: z.string(),
  steps: z.record(z.string(), step),
  /** the first steps of each case type (tickets by kind) */
  starts: z.object({
    deal: z.array(z.string()),
    ticket_inquiry: z.array(z.string()),
    ticket_complaint: z.array(z.string()),
    customer_revisit: z.array(z.string()),
  }),
  forms: z.record(z.string(), form),
  /** case numbering prefixes */
  caseNumbering: z.object({ deal: z.string(), ticket: z.string() }),
  ticketCloseDays: z.number().positive(),
  /** seed step B: days after the survey when the second meeting is proposed (moved to a working day) */
  secondMeetingAfterDays: z.number().min(0).max(60).default(3),
  revisitIntervalDays: z.object({ standard: z.number().positive(), vip: z.number().positive() }),
}).superRefine((def, ctx) => {
  // every reference must resolve, so a bad definition fails at start-up, not mid-case
  const stepKeys = new Set(Object.keys(def.steps));
  for (const [key, s] of Object.entries(def.steps)) {
    for (const [outcome, t] of Object.entries(s.outcomes)) {
      for (const n of t.next) {
        if (!stepKeys.has(n)) ctx.addIssue({ code: 'custom', path: ['steps', key, 'outcomes', outcome, 'next'], message: `unknown step ${n}` });
      }
      if (t.document && !(t.document in def.forms)) {
        ctx.addIssue({ code: 'custom', path: ['steps', key, 'outcomes', outcome, 'document'], message: `unknown form ${t.document}` });
      }
      if (!t.end && t.next.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['steps', key, 'outcomes', outcome], message: 'needs next steps or an end state' });
      }
    }
  }
  for (const [k, list] of Object.entries(def.starts)) {
    for (const n of list) if (!stepKeys.has(n)) ctx.addIssue({ code: 'custom', path: ['starts', k], message: `unknown step ${n}` });
  }
});

export type ProcessDefinition = z.infer<typeof processDefinitionSchema>;
export type StepDefinition = ProcessDefinition['steps'][string];
export type Transition = StepDefinition['outcomes'][string];
export type DeadlineRule = z.infer<typeof deadlineRule>;

export function parseProcessDefinition(raw: unknown): ProcessDefinition {
  return processDefinitionSchema.parse(raw);
}
