// The process is data: steps, owners, outcomes, deadlines, forms with their fields, copy lists,
// numbering, labels. This schema validates a definition; the engine (engine.ts) interprets it,
// fields.ts turns a form's fields into its input schema, print renders a document from it.
import { z } from 'zod';
import { DEPARTMENTS, ORG_KEY, ROLES } from '../roles.js';
import { CODECS, PACKET_INTERVALS_MS } from '../engineering/bandwidth.js';
import { RATINGS } from '../engineering/emodel.js';
import { DEFAULT_SIZING, DEFAULT_TARIFFS } from '../engineering/sizing.js';

/** A text in both languages of the product. */
export const i18n = z.object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }).strict();
export type I18n = z.infer<typeof i18n>;

// Role and department keys: the ten built-in roles and the definition's own (issue 10); that each
// one named exists in `roles` / `departments` is checked with the whole definition (superRefine).
const orgKey = (what: string) => z.string({ error: (iss) => (iss.input === undefined ? `has no ${what}` : `${what} must be a key`) })
  .regex(ORG_KEY, `${what} must be lowercase letters, digits and _ (2–41 characters, a letter first)`);
const role = orgKey('owner role');
const department = orgKey('department');

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const tierKey = z.string().regex(ORG_KEY, 'a tier key must be lowercase letters, digits and _ (2–41 characters, a letter first)');
/** A tier's working clock: 7×24, the calendar's business hours, or its own opening hours on the
 *  calendar's working days (e.g. 5×12: [{start:'08:00', end:'20:00'}]). */
export const tierClock = z.union([
  z.literal('24x7'), z.literal('business'),
  z.object({
    periods: z.array(z.object({ start: z.string().regex(HHMM, 'start must be HH:MM'), end: z.string().regex(HHMM, 'end must be HH:MM (24:00 allowed)') }).strict()).min(1).max(6),
    days: z.literal('workdays').optional(),
  }).strict().superRefine((c, ctx) => {
    let last = '';
    c.periods.forEach((p, i) => {
      if (p.start >= p.end) ctx.addIssue({ code: 'custom', path: ['periods', i], message: `period ${i + 1} must end after it starts` });
      else if (p.start < last) ctx.addIssue({ code: 'custom', path: ['periods', i], message: `period ${i + 1} overlaps the one before` });
      last = p.end;
    });
  }),
]);
const serviceTier = z.object({
  label: i18n,
  clock: tierClock,
  /** contract payment models (the contract form's paymentModel options) that put the customer on this tier */
  paymentModels: z.array(z.string().min(1).max(40)).max(20).default([]),
  revisitIntervalDays: z.number().positive().max(3650),
}).strict();

export const FIELD_TYPES = [
  'text', 'longtext', 'int', 'decimal', 'money', 'percent', 'bool', 'date', 'datetime',
  'select', 'user', 'lines', 'signature', 'group',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** What kind of work a step is: code and reports find steps by this tag, never by key. */
export const STEP_KINDS = [
  'qualify', 'assessment', 'proposal', 'approval', 'delivery', 'negotiation', 'archive', 'procurement',
  'dispatch', 'installation', 'answer', 'repair', 'follow_up', 'revisit', 'lead_contact',
  // the feedback cycle (issue 13): CS compiles the period's customer opinions, the GM reviews, departments adjust
  'feedback_compile', 'feedback_review', 'adjustment',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** One field of a form. `lines` has `columns` (each row an object), `group` has `fields` (a nested
 *  object on the wire, stored flat in the document). `computed` fields are produced by the named
 *  effect, never typed in; `print:false` keeps a field off the paper. */
export interface FieldSpec {
  key: string;
  type: FieldType;
  label: I18n;
  required?: boolean;
  /** text: length; int/decimal/money/percent: value; lines and multiple users: number of rows */
  min?: number;
  max?: number;
  help?: I18n;
  /** select: the values allowed; text: values offered, typing another is allowed */
  options?: { value: string; label: I18n }[];
  /** user: offer the users of this role */
  role?: string;
  /** user: several users */
  multiple?: boolean;
  columns?: FieldSpec[];
  fields?: FieldSpec[];
  /** the roles that fill this field; anyone else sending it is refused */
  filledBy?: string[];
  print?: false | { section?: I18n; half?: boolean };
  /** lines: the form field printed as the table's footer (the total) */
  footer?: string;
  /** the effect that produces this value */
  computed?: string;
  /** a scanner-friendly text (serial numbers) */
  serial?: boolean;
  /** where the form offers the value from: `customer.assets` = the serial numbers of the case
   *  customer's devices in service (a scanner may still type one); `proposal.templates` = the
   *  company's proposal templates (a text names one, a long text starts from one) */
  choices?: 'customer.assets' | 'proposal.templates';
  /** the effect that suggests this value: taken when the form leaves it out, and an entered
   *  value that differs is recorded as an overwrite (the step's history) */
  default?: string;
  /** where the web form starts from, the first that has a value: `<form>.<path>` (the newest document of
   *  that form on the case; `-1` is a list's last row), `case.<field>` (the case itself); `units:<path>`
   *  makes lines of one row per unit (`quantity`) of the lines at `<path>`. Also the current value shown
   *  for a field another role fills. Only the web reads it; the server never fills a field. */
  prefill?: string[];
  /** no longer asked for: documents that carry it keep their value (a field in use is hidden, never deleted) */
  hidden?: boolean;
}

const fieldKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be a letter then letters, digits or _');

export const fieldSpec: z.ZodType<FieldSpec> = z.lazy(() => z.object({
  key: fieldKey,
  type: z.enum(FIELD_TYPES),
  label: i18n,
  required: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  help: i18n.optional(),
  options: z.array(z.object({ value: z.string().min(1).max(100), label: i18n }).strict()).min(1).optional(),
  role: role.optional(),
  multiple: z.boolean().optional(),
  columns: z.array(fieldSpec).min(1).optional(),
  fields: z.array(fieldSpec).min(1).optional(),
  filledBy: z.array(role).min(1).optional(),
  print: z.union([z.literal(false), z.object({ section: i18n.optional(), half: z.boolean().optional() }).strict()]).optional(),
  footer: z.string().optional(),
  computed: z.string().min(1).optional(),
  serial: z.boolean().optional(),
  choices: z.enum(['customer.assets', 'proposal.templates']).optional(),
  default: z.string().min(1).optional(),
  prefill: z.array(z.string().regex(/^(units:)?[A-Za-z_][A-Za-z0-9_]*(\.(-1|\d+|[A-Za-z_][A-Za-z0-9_]*))+$/, 'must be <form>.<field>, case.<field> or units:<form>.<lines>')).min(1).max(5).optional(),
  hidden: z.boolean().optional(),
}).strict().superRefine((f, ctx) => {
  if (f.type === 'select' && !f.options) ctx.addIssue({ code: 'custom', path: ['options'], message: `select field ${f.key} needs options` });
  if (f.type === 'lines' && !f.columns) ctx.addIssue({ code: 'custom', path: ['columns'], message: `lines field ${f.key} needs columns` });
  if (f.type === 'group' && !f.fields) ctx.addIssue({ code: 'custom', path: ['fields'], message: `group field ${f.key} needs fields` });
  for (const list of [f.columns, f.fields]) duplicateKeys(list ?? [], ctx, f.type === 'lines' ? ['columns'] : ['fields']);
}));

function duplicateKeys(fields: { key: string }[], ctx: z.RefinementCtx, path: (string | number)[]) {
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: [...path, i, 'key'], message: `field ${f.key} appears twice` });
    seen.add(f.key);
  });
}

/** Where a deadline is counted from and on which clock. */
export const deadlineRule = z.union([
  z.object({
    days: z.number().min(0).max(365),
    from: z.enum(['task_created', 'case_created']).default('task_created'),
    tier: z.enum(['standard', 'customer']).default('standard'),
    /** the number of days is this field of the step before's form when it has one (an adjustment's `dueDays`) */
    daysFromField: z.string().optional(),
  }).strict(),
  // the end of the working day given by a form field of the step before (installation: the scheduled date)
  z.object({ endOfDayOfField: z.string() }).strict(),
  z.object({ none: z.literal(true) }).strict(),
]);

/** What an outcome means to reports: they find outcomes by this tag, never by key. */
export const OUTCOME_MEANINGS = ['won', 'lost', 'satisfied', 'unsatisfied'] as const;
export type OutcomeMeaning = (typeof OUTCOME_MEANINGS)[number];

const transition = z.object({
  label: i18n,
  /** the form filled to take this outcome (a key of `forms`); a form with a `prefix` becomes a numbered document */
  form: z.string().optional(),
  next: z.array(z.string()).default([]),
  /** ends the case in this state */
  end: z.string().optional(),
  /** named effects (the registry of src/modules/process/effects.ts) run in the same transaction */
  effects: z.array(z.string()).default([]),
  /** a lines field of the form: the next steps open once per row, each reading that row as the form
   *  before it (the GM's adjustments); with no rows the case ends in `end` */
  forEach: z.string().optional(),
  /** `end` only once no other task of the case is open (parallel adjustments: the last one done closes it) */
  join: z.boolean().optional(),
  /** what taking this outcome means to reports and scores (a deal won or lost, a customer satisfied or not) */
  means: z.enum(OUTCOME_MEANINGS).optional(),
}).strict();

/** VoIP sizing settings of the technical assessment (issue 17): Erlang B target, busy hour,
 *  codec preference, packetisation, traffic-light share, the network assumed when not measured. */
export const sizingSettings = z.object({
  targetBlocking: z.number().gt(0).lt(1).default(DEFAULT_SIZING.targetBlocking),
  busyHourFraction: z.number().gt(0).max(1).default(DEFAULT_SIZING.busyHourFraction),
  workingDaysPerMonth: z.number().min(1).max(31).default(DEFAULT_SIZING.workingDaysPerMonth),
  codecPreference: z.array(z.enum(CODECS)).min(1).default(DEFAULT_SIZING.codecPreference),
  minRating: z.enum(RATINGS).default(DEFAULT_SIZING.minRating),
  packetMs: z.union(PACKET_INTERVALS_MS.map((n) => z.literal(n)) as [z.ZodLiteral<10>, z.ZodLiteral<20>, z.ZodLiteral<30>, z.ZodLiteral<40>]).default(DEFAULT_SIZING.packetMs),
  layer: z.enum(['ip', 'ethernet']).default(DEFAULT_SIZING.layer),
  vad: z.boolean().default(DEFAULT_SIZING.vad),
  opusKbps: z.number().min(6).max(510).default(DEFAULT_SIZING.opusKbps),
  greenShare: z.number().gt(0).max(1).default(DEFAULT_SIZING.greenShare),
  assumedUtilisationPct: z.number().min(0).max(100).default(DEFAULT_SIZING.assumedUtilisationPct),
  assumedNetwork: z.object({ rttMs: z.number().min(0).max(5000), jitterMs: z.number().min(0).max(1000), lossPct: z.number().min(0).max(100) }).strict().default(DEFAULT_SIZING.assumedNetwork),
  jitterBufferFactor: z.number().min(0).max(10).default(DEFAULT_SIZING.jitterBufferFactor),
  gatewayPortSizes: z.array(z.number().int().min(1).max(10000)).min(1).default(DEFAULT_SIZING.gatewayPortSizes),
}).strict();

/** Per-minute tariffs of the proposal's saving (fen, decimals allowed) and a VoIP channel's monthly rent. */
export const savingSettings = z.object({
  currentFenPerMinute: z.number().gt(0).max(10000).default(DEFAULT_TARIFFS.currentFenPerMinute),
  voipFenPerMinute: z.number().min(0).max(10000).default(DEFAULT_TARIFFS.voipFenPerMinute),
  channelMonthlyFen: z.number().int().min(0).max(1e9).default(DEFAULT_TARIFFS.channelMonthlyFen),
}).strict();

const step = z.object({
  caseType: z.enum(['deal', 'ticket', 'customer', 'lead', 'feedback']),
  role,
  /** extra roles that may also be given this step (outsourced partners) */
  alsoRoles: z.array(role).default([]),
  label: i18n,
  kind: z.enum(STEP_KINDS).optional(),
  /** the owning department's manager may give this step to an outsourced partner company */
  partnerAllowed: z.boolean().default(false),
  /** what the step counts as in management scores */
  scoreAs: z.string().max(64).optional(),
  /** who gets the task: the case owner (same salesperson), the role pool, or the users named in a form field */
  assign: z.union([z.literal('case_owner'), z.literal('pool'), z.object({ fromField: z.string() }).strict()]).default('pool'),
  /** the task goes to the manager of the department named in this field of the form before (an
   *  adjustment to its department's manager), and belongs to that department; `role` when it has none */
  managerOfField: z.string().optional(),
  due: deadlineRule,
  /** a step with one outcome takes it when none is named */
  outcomes: z.record(z.string(), transition),
  /** flags a task as long-running after this many working days (negotiation) */
  longAfterDays: z.number().optional(),
  /** the forms this step works on: its owners read those documents of the case even when their
   *  department is not on the copy list (the survey for the assessing engineer); the access is audited */
  reads: z.array(z.string()).default([]),
  /** the technical assessment's VoIP sizing settings */
  sizing: sizingSettings.optional(),
  /** the proposal's tariffs for the customer's saving */
  saving: savingSettings.optional(),
}).strict();

const form = z.object({
  title: i18n,
  /** numbering prefix: present ⇒ a numbered document with `copies` */
  prefix: z.string().regex(/^[A-Z]{1,6}$/).optional(),
  /** the departments that receive a copy (第一联, 第二联 …) and may read it */
  copies: z.array(department).min(1).optional(),
  signLabel: i18n.optional(),
  fields: z.array(fieldSpec).default([]),
}).strict();

export const processDefinitionSchema = z.object({
  version: z.number().int().positive(),
  name: z.string(),
  /** the ten built-in roles and any the company adds: a new role is in a department and has the
   *  capabilities (src/policies) of the built-in role it is `like` */
  roles: z.record(role, z.object({ label: i18n, department, like: z.enum(ROLES, { error: (iss) => `like must be one of the built-in roles (${ROLES.join(', ')}), not ${String(iss.input)}` }).optional() }).strict()),
  /** the departments; `manager` receives escalations and assigns the department's work */
  departments: z.record(department, z.object({ label: i18n, manager: role.optional() }).strict()),
  /** the service tiers (issue 10): `standard` must exist (customers not in service, contracts no
   *  tier claims); each has its working clock, the contract payment models that give it, its
   *  revisit interval */
  tiers: z.record(tierKey, serviceTier),
  steps: z.record(z.string(), step),
  /** the first steps of each case type (tickets by kind) */
  starts: z.object({
    deal: z.array(z.string()),
    ticket_inquiry: z.array(z.string()),
    ticket_complaint: z.array(z.string()),
    customer_revisit: z.array(z.string()),
    /** a lead the sales manager accepts (issue 14): the salesperson's first contact */
    lead: z.array(z.string()).default([]),
    /** the feedback report the sweep opens each period (issue 13) */
    feedback_report: z.array(z.string()).default([]),
  }).strict(),
  forms: z.record(z.string(), form),
  /** the forms a case opens with: the deal's survey (form 1, POST /deals `survey`), the complaint's
   *  record (form 5, started from the problem CS wrote down) */
  openingForms: z.object({ deal: z.string(), ticket_complaint: z.string().optional() }).strict(),
  /** case numbering prefixes */
  caseNumbering: z.object({ deal: z.string(), ticket: z.string(), lead: z.string().regex(/^[A-Z]{1,6}$/).default('XS') }).strict(),
  ticketCloseDays: z.number().positive(),
  /** seed step B: days after the survey when the second meeting is proposed (moved to a working day) */
  secondMeetingAfterDays: z.number().min(0).max(60).default(3),
  /** the escalation chain of an overdue task (issue 16): level 1 fires at `dueAt`, each further
   *  level `escalateAfterDays` of working time (the task's clock) after the one before */
  escalation: z.object({
    escalateAfterDays: z.number().min(0).max(30).default(0.5),
    /** who each level goes to: the owning department's manager, or every holder of a role */
    levels: z.array(z.union([z.literal('department_manager'), role])).min(1).max(5).default(['department_manager', 'gm']),
  }).strict().default({ escalateAfterDays: 0.5, levels: ['department_manager', 'gm'] }),
  /** SLA pause of tickets (issue 16): who may pause and resume, and the reasons offered */
  ticketPause: z.object({
    roles: z.array(role).min(1).default(['cs_agent', 'engineer', 'partner_engineer']),
    reasons: z.array(z.object({ value: z.string().min(1).max(64), label: i18n }).strict()).min(1).default([
      { value: 'waiting_customer', label: { zh: '等待客户', en: 'Waiting for the customer' } },
      { value: 'waiting_parts', label: { zh: '等待备件', en: 'Waiting for parts' } },
    ]),
  }).strict().default({
    roles: ['cs_agent', 'engineer', 'partner_engineer'],
    reasons: [
      { value: 'waiting_customer', label: { zh: '等待客户', en: 'Waiting for the customer' } },
      { value: 'waiting_parts', label: { zh: '等待备件', en: 'Waiting for parts' } },
    ],
  }),
  /** the customer's rating link of a repair (/r/{token}): days it stays valid */
  ratingLinkDays: z.number().positive().max(90).default(7),
}).strict().superRefine((def, ctx) => {
  // every reference must resolve, so a bad definition fails at start-up, not mid-case
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  organisationIssues(def, issue);
  tierIssues(def, issue);
  const stepKeys = new Set(Object.keys(def.steps));
  for (const [key, s] of Object.entries(def.steps)) {
    if (s.partnerAllowed && !s.alsoRoles.includes('partner_engineer')) {
      issue(['steps', key, 'partnerAllowed'], `step ${key} is partnerAllowed but partner_engineer is not in its alsoRoles`);
    }
    for (const [outcome, t] of Object.entries(s.outcomes)) {
      const at = ['steps', key, 'outcomes', outcome];
      for (const n of t.next) if (!stepKeys.has(n)) issue([...at, 'next'], `step ${key}: unknown next step ${n}`);
      if (t.form !== undefined && !Object.hasOwn(def.forms, t.form)) issue([...at, 'form'], `step ${key}: unknown form ${t.form}`);
      if (!t.end && t.next.length === 0) issue(at, `step ${key}: outcome ${outcome} needs next steps or an end state`);
      if (t.forEach !== undefined) {
        const lines = t.form ? def.forms[t.form]?.fields.find((f) => f.key === t.forEach) : undefined;
        if (lines?.type !== 'lines') issue([...at, 'forEach'], `step ${key}: forEach ${t.forEach} is not a lines field of form ${t.form ?? '(none)'}`);
        if (!t.end) issue([...at, 'end'], `step ${key}: outcome ${outcome} opens a step per row of ${t.forEach} and needs an end state for no rows`);
      }
    }
    if (!Object.keys(s.outcomes).length) issue(['steps', key, 'outcomes'], `step ${key} has no outcomes`);
    s.reads.forEach((f, i) => { if (!Object.hasOwn(def.forms, f)) issue(['steps', key, 'reads', i], `step ${key} reads unknown form ${f}`); });
  }
  for (const [k, f] of Object.entries(def.openingForms)) {
    if (f !== undefined && !Object.hasOwn(def.forms, f)) issue(['openingForms', k], `unknown opening form ${f}`);
  }
  for (const [k, list] of Object.entries(def.starts)) {
    for (const n of list) if (!stepKeys.has(n)) issue(['starts', k], `unknown start step ${n}`);
  }
  for (const [k, f] of Object.entries(def.forms)) {
    if (!!f.prefix !== !!f.copies) issue(['forms', k], `form ${k}: a numbered document needs both prefix and copies`);
    duplicateKeys(f.fields, ctx, ['forms', k, 'fields']);
    for (const field of f.fields) {
      if (field.footer && !f.fields.some((x) => x.key === field.footer)) issue(['forms', k, 'fields'], `form ${k}: footer ${field.footer} is not a field`);
    }
  }
  // every step can be reached from a start
  const reached = new Set<string>();
  const queue = Object.values(def.starts).flat().filter((s) => stepKeys.has(s));
  while (queue.length) {
    const s = queue.pop()!;
    if (reached.has(s)) continue;
    reached.add(s);
    for (const t of Object.values(def.steps[s].outcomes)) queue.push(...t.next.filter((n) => stepKeys.has(n)));
  }
  for (const key of stepKeys) if (!reached.has(key)) issue(['steps', key], `step ${key} is unreachable from the starts`);
  // every step has a way out: some chain of outcomes from it reaches an end state
  const out = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const [key, s] of Object.entries(def.steps)) {
      if (out.has(key)) continue;
      if (Object.values(s.outcomes).some((t) => t.end || t.next.some((n) => out.has(n)))) { out.add(key); grew = true; }
    }
  }
  for (const key of stepKeys) {
    if (!out.has(key) && Object.keys(def.steps[key].outcomes).length) issue(['steps', key, 'outcomes'], `step ${key} is in a loop with no way out: no outcome leads to an end state`);
  }
});

/** Roles and departments: the built-in ones stay, every role and department named anywhere exists. */
function tierIssues(def: ProcessDefinition, issue: (path: (string | number)[], message: string) => void) {
  if (!Object.hasOwn(def.tiers, 'standard')) issue(['tiers'], 'the tier standard is required (customers not in service, payment models no tier names)');
  const givenBy = new Map<string, string>();
  for (const [key, t] of Object.entries(def.tiers)) {
    t.paymentModels.forEach((m, i) => {
      const other = givenBy.get(m);
      if (other !== undefined) issue(['tiers', key, 'paymentModels', i], `payment model ${m} already gives the tier ${other}`);
      else givenBy.set(m, key);
    });
  }
}

function organisationIssues(def: ProcessDefinition, issue: (path: (string | number)[], message: string) => void) {
  const hasRole = (r: string) => Object.hasOwn(def.roles, r);
  const hasDepartment = (d: string) => Object.hasOwn(def.departments, d);
  for (const r of ROLES) if (!hasRole(r)) issue(['roles', r], `built-in role ${r} cannot be removed`);
  for (const d of DEPARTMENTS) if (!hasDepartment(d)) issue(['departments', d], `built-in department ${d} cannot be removed`);
  for (const [key, r] of Object.entries(def.roles)) {
    if (!hasDepartment(r.department)) issue(['roles', key, 'department'], `role ${key}: unknown department ${r.department}`);
    if (r.like && (ROLES as readonly string[]).includes(key)) issue(['roles', key, 'like'], `built-in role ${key} cannot be like another role`);
  }
  for (const [key, d] of Object.entries(def.departments)) {
    if (d.manager && !hasRole(d.manager)) issue(['departments', key, 'manager'], `department ${key}: unknown manager role ${d.manager}`);
  }
  const roleAt = (path: (string | number)[], r: string) => { if (!hasRole(r)) issue(path, `unknown role ${r}`); };
  const fieldRoles = (fields: FieldSpec[], at: (string | number)[]) => fields.forEach((f, i) => {
    if (f.role) roleAt([...at, i, 'role'], f.role);
    f.filledBy?.forEach((r, j) => roleAt([...at, i, 'filledBy', j], r));
    if (f.columns) fieldRoles(f.columns, [...at, i, 'columns']);
    if (f.fields) fieldRoles(f.fields, [...at, i, 'fields']);
  });
  for (const [key, s] of Object.entries(def.steps)) {
    roleAt(['steps', key, 'role'], s.role);
    s.alsoRoles.forEach((r, i) => roleAt(['steps', key, 'alsoRoles', i], r));
  }
  for (const [key, f] of Object.entries(def.forms)) {
    f.copies?.forEach((d, i) => { if (!hasDepartment(d)) issue(['forms', key, 'copies', i], `form ${key}: unknown department ${d}`); });
    fieldRoles(f.fields, ['forms', key, 'fields']);
  }
  def.escalation.levels.forEach((l, i) => { if (l !== 'department_manager') roleAt(['escalation', 'levels', i], l); });
  def.ticketPause.roles.forEach((r, i) => roleAt(['ticketPause', 'roles', i], r));
}

export type ProcessDefinition = z.infer<typeof processDefinitionSchema>;
export type RawProcessDefinition = z.input<typeof processDefinitionSchema>;
export type StepDefinition = ProcessDefinition['steps'][string];
export type Transition = StepDefinition['outcomes'][string];
export type FormDefinition = ProcessDefinition['forms'][string];
export type DeadlineRule = z.infer<typeof deadlineRule>;
export type SizingSettingsDef = z.infer<typeof sizingSettings>;
export type SavingSettingsDef = z.infer<typeof savingSettings>;

/** What the definition needs to know of an effect: the fields it reads from the step's form, the
 *  forms it writes besides, the fields of the step's form it copies into case records, and whether
 *  it suggests default values. */
export type EffectSignatures = Record<string, { reads: readonly string[]; writes?: readonly string[]; exposes?: readonly string[]; suggests?: boolean }>;

export interface DefinitionIssue { path: string; message: string }

/** A definition refused at start-up (or as a draft): each issue names the step and field. */
export class DefinitionError extends Error {
  constructor(readonly issues: DefinitionIssue[]) {
    super(`invalid process definition:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  }
}

/** The field a dotted path (`feasibility.operatingMode`, `equipment.quantity`) names in a form. */
export function findField(fields: FieldSpec[], path: string): FieldSpec | undefined {
  const [head, ...rest] = path.split('.');
  const f = fields.find((x) => x.key === head);
  if (!f || !rest.length) return f;
  return findField(f.fields ?? f.columns ?? [], rest.join('.'));
}

/** Checks the parts zod cannot see: named effects exist, and read only fields their form has. */
function effectIssues(def: ProcessDefinition, effects: EffectSignatures): DefinitionIssue[] {
  const out: DefinitionIssue[] = [];
  for (const [key, s] of Object.entries(def.steps)) {
    for (const [outcome, t] of Object.entries(s.outcomes)) {
      const path = `steps.${key}.outcomes.${outcome}.effects`;
      for (const name of t.effects) {
        const effect = effects[name];
        if (!effect) { out.push({ path, message: `step ${key} names unknown effect ${name}` }); continue; }
        const fields = t.form ? def.forms[t.form]?.fields ?? [] : [];
        for (const read of effect.reads) {
          if (!findField(fields, read)) out.push({ path, message: `step ${key}: effect ${name} reads field ${read} that form ${t.form ?? '(none)'} lacks` });
        }
      }
    }
  }
  const computed = (fields: FieldSpec[], at: string) => {
    for (const f of fields) {
      if (f.computed && !effects[f.computed]) out.push({ path: `${at}.${f.key}`, message: `field ${f.key} is computed by unknown effect ${f.computed}` });
      if (f.default && !effects[f.default]?.suggests) out.push({ path: `${at}.${f.key}`, message: `field ${f.key} takes its default from ${f.default}, which suggests no values` });
      computed([...(f.columns ?? []), ...(f.fields ?? [])], `${at}.${f.key}`);
    }
  };
  for (const [k, f] of Object.entries(def.forms)) computed(f.fields, `forms.${k}.fields`);
  return out;
}

/** A definition stored before tiers carried their clock (tiers {standard, vip} with labels only and
 *  a top-level `revisitIntervalDays`) reads as the same tiers with today's behaviour. */
function upgradeTiers(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || !('revisitIntervalDays' in raw)) return raw;
  const { revisitIntervalDays, ...rest } = raw as Record<string, unknown> & { revisitIntervalDays: Record<string, number> };
  const tiers = (rest.tiers ?? {}) as Record<string, Record<string, unknown>>;
  const old: Record<string, { clock: string; paymentModels: string[] }> = { standard: { clock: 'business', paymentModels: [] }, vip: { clock: '24x7', paymentModels: ['one_time'] } };
  return {
    ...rest,
    tiers: Object.fromEntries(Object.entries(tiers).map(([k, t]) => [k, 'clock' in t ? t : { ...old[k], ...t, revisitIntervalDays: revisitIntervalDays?.[k] }])),
  };
}

/** Validates a definition; with `effects`, also that every named effect exists and reads fields its form has. */
export function parseProcessDefinition(raw: unknown, effects?: EffectSignatures): ProcessDefinition {
  const parsed = processDefinitionSchema.safeParse(upgradeTiers(raw));
  if (!parsed.success) {
    throw new DefinitionError(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })));
  }
  const issues = effects ? effectIssues(parsed.data, effects) : [];
  if (issues.length) throw new DefinitionError(issues);
  return parsed.data;
}

/** The steps of a definition with the given tag. */
export function stepsOfKind(def: ProcessDefinition, kind: StepKind): string[] {
  return Object.entries(def.steps).filter(([, s]) => s.kind === kind).map(([k]) => k);
}

/** The forms the steps of a kind fill (the assessment's form 2, the revisit's HF …). */
export function formsOfKind(def: ProcessDefinition, kind: StepKind): string[] {
  const forms = stepsOfKind(def, kind).flatMap((k) => Object.values(def.steps[k].outcomes).map((t) => t.form));
  return [...new Set(forms.filter((f): f is string => !!f))];
}

/** The outcome keys that carry a meaning (on any step): `satisfied`, `won` … as the definition names them. */
export function outcomesMeaning(def: ProcessDefinition, means: OutcomeMeaning): Set<string> {
  return new Set(Object.values(def.steps).flatMap((s) => Object.entries(s.outcomes).filter(([, t]) => t.means === means).map(([k]) => k)));
}

/** The forms with a field computed by the named effect (the complaint record the repair effect keeps). */
export function formsComputedBy(def: ProcessDefinition, effect: string): string[] {
  const uses = (fields: FieldSpec[]): boolean => fields.some((f) => f.computed === effect || uses([...(f.columns ?? []), ...(f.fields ?? [])]));
  return Object.entries(def.forms).filter(([, f]) => uses(f.fields)).map(([k]) => k);
}
