// The one pg-core schema. Migrations in ./drizzle are generated from it (npm run db:generate).
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, customType, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const partners = pgTable('partners', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  certifiedUntil: text('certified_until').notNull(), // YYYY-MM-DD
  ratePerRepairFen: integer('rate_per_repair_fen').notNull().default(20000),
  createdAt: ts('created_at').notNull(),
});

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  roles: jsonb('roles').$type<string[]>().notNull(),
  department: text('department'),
  partnerId: text('partner_id').references(() => partners.id),
  active: boolean('active').notNull().default(true),
  /** set by a reset or the first sysadmin of DEMO=0: every call but the change is refused */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** where external notifications reach the user (issue 16) */
  email: text('email'),
  phone: text('phone'),
  createdAt: ts('created_at').notNull(),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  /** the public handle of a session (the token hash is never shown) */
  id: text('id').notNull().default(sql`gen_random_uuid()::text`),
  userId: text('user_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [uniqueIndex('sessions_id').on(t.id), index('sessions_user').on(t.userId)]);

/** Login throttling: one row per key (client address, account, account at an address), the
 *  key hashed to a fixed size. Idle rows are pruned by the sweep, so guesses at unknown
 *  usernames cannot grow the table without bound. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: ts('last_failure_at').notNull(),
  nextAllowedAt: ts('next_allowed_at').notNull(),
}, (t) => [index('login_throttle_last').on(t.lastFailureAt)]);

export const processDefinitions = pgTable('process_definitions', {
  version: integer('version').primaryKey(),
  definition: jsonb('definition').notNull(),
  createdAt: ts('created_at').notNull(),
  /** draft (editable in the editor) | published (cases may run on it; immutable) */
  status: text('status').notNull().default('published'),
  /** the version that was current when this draft was made; publishing it when another is current → 409 */
  basedOn: integer('based_on'),
  /** null: stored by the system at start-up (the default or PROCESS_FILE) */
  createdBy: text('created_by'),
  publishedBy: text('published_by'),
  publishedAt: ts('published_at'),
});

export const customers = pgTable('customers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  address: text('address').notNull(),
  contactPerson: text('contact_person').notNull(),
  phone: text('phone').notNull(),
  phoneDigits: text('phone_digits').notNull(),
  serviceTier: text('service_tier'), // standard | vip | null (not in service)
  inServiceSince: ts('in_service_since'),
  nextRevisitAt: ts('next_revisit_at'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  index('customers_phone_digits').on(t.phoneDigits),
  // substring search (src/db/search.ts): the name's two-character pieces
  index('customers_name_bigrams').using('gin', sql`fy_bigrams(${t.name})`).with({ fastupdate: 'off' }),
]);

/** Every case in one table (issue 9 §4): a deal, a ticket, or a customer's revisits (type
 *  `customer`, id = the customer's id, created with its first revisit). What tasks, the inbox,
 *  notifications and reports read of any case lives here and only here; a deal's and a
 *  ticket's own details stay in `deals` / `tickets`, keyed by the same id. */
export const cases = pgTable('cases', {
  id: text('id').primaryKey(),
  type: text('type').notNull(), // deal | ticket | customer
  /** SJ-/GD- number; a customer's revisit case has none */
  number: text('number').unique(),
  customerId: text('customer_id').notNull().references(() => customers.id),
  /** the salesperson of a deal; tickets and revisits have no owner */
  ownerId: text('owner_id').references(() => users.id),
  /** the open step, or the end state */
  state: text('state').notNull(),
  /** the process version the case runs on; null: the current one (revisits) */
  definitionVersion: integer('definition_version'),
  /** the partner company a ticket's repair is given to */
  partnerId: text('partner_id').references(() => partners.id),
  /** the service clock fixed when a ticket opened; null: the customer's current one */
  tier: text('tier'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  closedAt: ts('closed_at'),
}, (t) => [
  // tasks and documents reference (id, type), so their case type cannot disagree with the case's
  unique('cases_id_type').on(t.id, t.type),
  index('cases_type_state').on(t.type, t.state),
  index('cases_type_created').on(t.type, t.createdAt),
  index('cases_customer').on(t.customerId),
  // management reports (PROCESS §6.1): tickets closed in a period; a customer's earlier tickets (repeat faults)
  index('cases_type_closed').on(t.type, t.closedAt),
  index('cases_customer_closed').on(t.customerId, t.closedAt),
  // substring search of numbers (src/db/search.ts)
  index('cases_number_bigrams').using('gin', sql`fy_bigrams(${t.number})`).with({ fastupdate: 'off' }),
]);

export const deals = pgTable('deals', {
  id: text('id').primaryKey().references(() => cases.id),
  secondMeetingAt: ts('second_meeting_at'),
  endReason: text('end_reason'),
  competitor: text('competitor'),
  paymentModel: text('payment_model'),
  amountFen: bigint('amount_fen', { mode: 'number' }),
});

export const negotiationLog = pgTable('negotiation_log', {
  id: text('id').primaryKey(),
  dealId: text('deal_id').notNull().references(() => deals.id),
  kind: text('kind').notNull(),
  note: text('note').notNull(),
  actorId: text('actor_id').notNull(),
  at: ts('at').notNull(),
  /** the order entries were made in (times tie while the manual clock stands still) */
  seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
}, (t) => [index('negotiation_log_deal').on(t.dealId, t.seq)]);

export const tickets = pgTable('tickets', {
  id: text('id').primaryKey().references(() => cases.id),
  kind: text('kind').notNull(),
  problem: text('problem').notNull(),
  contact: text('contact'),
  /** the two-day close deadline */
  dueAt: ts('due_at').notNull(),
  /** set once when the two-day close deadline passes and the CS manager is told */
  escalatedAt: ts('escalated_at'),
  specialReason: text('special_reason'),
  /** the revisit task whose problem opened this ticket (one ticket per revisit) */
  sourceTaskId: text('source_task_id'),
  openedBy: text('opened_by').notNull(),
  /** SLA pause (issue 16): set while the ticket waits for the customer or for parts */
  pausedAt: ts('paused_at'),
  pauseReason: text('pause_reason'),
  /** the case's closed_at, kept equal by the database (triggers of migration 0018) so the
   *  reports find the tickets open at an instant past their deadline by one index */
  closedAt: ts('closed_at'),
}, (t) => [
  uniqueIndex('tickets_source_task').on(t.sourceTaskId),
  // the weekly summary: tickets open past their deadline (open now, or closed after the week)
  index('tickets_open_due').on(t.dueAt).where(sql`closed_at is null and paused_at is null`),
  index('tickets_closed').on(t.closedAt, t.dueAt),
  // the sweep's open tickets past their close deadline, not yet escalated
  index('tickets_due_unescalated').on(t.dueAt).where(sql`escalated_at is null`),
  // substring search of the problem (src/db/search.ts)
  index('tickets_problem_bigrams').using('gin', sql`fy_bigrams(${t.problem})`).with({ fastupdate: 'off' }),
]);

export const tasks = pgTable('tasks', {
  id: text('id').primaryKey(),
  /** creation order: tasks opened at one instant (a manual clock) still list in order */
  seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  step: text('step').notNull(),
  caseType: text('case_type').notNull(),
  caseId: text('case_id').notNull(),
  assigneeRole: text('assignee_role').notNull(),
  assigneeId: text('assignee_id'),
  assigneeIds: jsonb('assignee_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  partnerId: text('partner_id'),
  department: text('department').notNull(),
  createdAt: ts('created_at').notNull(),
  dueAt: ts('due_at'),
  /** the clock the deadline is counted on: standard (business hours) or vip (24h) */
  tier: text('tier').notNull().default('standard'),
  status: text('status').notNull(),
  outcome: text('outcome'),
  completedAt: ts('completed_at'),
  completedBy: text('completed_by'),
  escalatedAt: ts('escalated_at'),
  /** the escalation chain (issue 16): the last level that fired (0: none) and when the next one is due */
  escalationLevel: integer('escalation_level').notNull().default(0),
  nextEscalationAt: ts('next_escalation_at'),
  specialReason: text('special_reason'),
}, (t) => [
  // the inbox branches (tasks/repo.ts mineBranches) each walk one of these in due order, ties
  // in creation order (seq), so a page reads just its rows
  index('tasks_open_pool_due').on(t.assigneeRole, t.dueAt, t.seq).where(sql`status = 'open' and assignee_id is null and partner_id is null`),
  index('tasks_open_assignee_due').on(t.assigneeId, t.dueAt, t.seq).where(sql`status = 'open'`),
  index('tasks_open_partner_due').on(t.partnerId, t.dueAt, t.seq).where(sql`status = 'open'`),
  index('tasks_case').on(t.caseId),
  foreignKey({ name: 'tasks_case_fk', columns: [t.caseId, t.caseType], foreignColumns: [cases.id, cases.type] }),
  index('tasks_due_open').on(t.status, t.escalatedAt, t.dueAt),
  index('tasks_assignee_ids').using('gin', t.assigneeIds),
  // management reports (PROCESS §6.1): the steps of a kind completed in a period
  index('tasks_step_completed').on(t.step, t.completedAt).where(sql`status = 'done'`),
  // the weekly summary: deal steps open past their deadline at a week's end (open now, or done
  // after it), and the tasks of a step opened in a period (revisits generated)
  index('tasks_deal_open_due').on(t.dueAt, t.createdAt).where(sql`status = 'open' and case_type = 'deal'`),
  index('tasks_type_completed').on(t.caseType, t.completedAt, t.dueAt, t.createdAt).where(sql`status = 'done'`),
  index('tasks_step_created').on(t.step, t.createdAt),
  // long negotiations (pipeline, sales review): open tasks of a step started by a cutoff, index-only
  index('tasks_open_step_created').on(t.step, t.createdAt, t.caseId).where(sql`status = 'open'`),
  index('tasks_next_escalation').on(t.nextEscalationAt).where(sql`status = 'open' and next_escalation_at is not null`),
]);

export const documents = pgTable('documents', {
  id: text('id').primaryKey(),
  form: text('form').notNull(),
  number: text('number').notNull().unique(),
  caseType: text('case_type').notNull(),
  caseId: text('case_id').notNull(),
  customerId: text('customer_id').notNull(),
  taskId: text('task_id'),
  fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
  copies: jsonb('copies').$type<string[]>().notNull(),
  signedBy: jsonb('signed_by').$type<{ userId: string; displayName: string; role: string; at: string }[]>().notNull(),
  archivedAt: ts('archived_at'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  index('documents_case').on(t.caseId), index('documents_customer').on(t.customerId),
  // the archive: newest first, and substring search of numbers (src/db/search.ts)
  index('documents_created').on(t.createdAt),
  index('documents_number_bigrams').using('gin', sql`fy_bigrams(${t.number})`).with({ fastupdate: 'off' }),
  foreignKey({ name: 'documents_case_fk', columns: [t.caseId, t.caseType], foreignColumns: [cases.id, cases.type] }),
]);

export const docCounters = pgTable('doc_counters', {
  prefix: text('prefix').notNull(),
  year: integer('year').notNull(),
  last: integer('last').notNull(),
}, (t) => [primaryKey({ columns: [t.prefix, t.year] })]);

export const assets = pgTable('assets', {
  id: text('id').primaryKey(),
  customerId: text('customer_id').notNull().references(() => customers.id),
  brandModel: text('brand_model').notNull(),
  serialNumber: text('serial_number').notNull(),
  configDocNumber: text('config_doc_number'),
  installedAt: ts('installed_at').notNull(),
  replacedAt: ts('replaced_at'),
  replacedById: text('replaced_by_id'),
  documentId: text('document_id'),
}, (t) => [
  index('assets_serial').on(t.serialNumber),
  // one serial in service at one customer at a time
  uniqueIndex('assets_serial_in_service').on(t.serialNumber).where(sql`replaced_at IS NULL`),
]);

/** The purchase list of a deal (seed chapter 2): planned when the contract is archived. */
export const purchaseLists = pgTable('purchase_lists', {
  dealId: text('deal_id').primaryKey().references(() => deals.id),
  /** the technical assessment (JD) the lines were taken from */
  sourceDocumentId: text('source_document_id'),
  createdAt: ts('created_at').notNull(),
  /** when the procurement step was completed, and by whom */
  closedAt: ts('closed_at'),
  closedBy: text('closed_by'),
  /** the recorded reason when procurement closed with lines not received */
  exception: text('exception'),
});

export const purchaseLines = pgTable('purchase_lines', {
  id: text('id').primaryKey(),
  dealId: text('deal_id').notNull().references(() => purchaseLists.dealId),
  lineNo: integer('line_no').notNull(),
  brand: text('brand').notNull(),
  model: text('model').notNull(),
  quantity: integer('quantity').notNull(),
  unitPriceFen: bigint('unit_price_fen', { mode: 'number' }).notNull(),
  supplier: text('supplier'),
  orderedAt: ts('ordered_at'),
  receivedAt: ts('received_at'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [uniqueIndex('purchase_lines_deal_line').on(t.dealId, t.lineNo)]);

export const audit = pgTable('audit', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: ts('at').notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  caseId: text('case_id'),
  before: jsonb('before'),
  after: jsonb('after'),
}, (t) => [index('audit_case').on(t.caseId)]);

export const notifications = pgTable('notifications', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  kind: text('kind').notNull(),
  taskId: text('task_id'),
  caseId: text('case_id'),
  message: text('message').notNull(),
  createdAt: ts('created_at').notNull(),
  read: boolean('read').notNull().default(false),
}, (t) => [
  index('notifications_user').on(t.userId, t.createdAt),
  uniqueIndex('notifications_once').on(t.userId, t.kind, t.taskId),
]);

export const calendarDays = pgTable('calendar_days', {
  date: text('date').primaryKey(), // YYYY-MM-DD
  kind: text('kind').notNull(), // holiday | makeup_workday
  name: text('name'),
  source: text('source').notNull(), // official | admin
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** The thread of a deal, ticket or customer (chatter): `caseId` is the deal's, ticket's or customer's id. */
export const comments = pgTable('comments', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull(),
  authorId: text('author_id').notNull().references(() => users.id),
  body: text('body').notNull(),
  mentions: jsonb('mentions').$type<string[]>().notNull().default([]),
  createdAt: ts('created_at').notNull(),
  /** the order of writing (the manual clock may stand still) */
  seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
}, (t) => [index('comments_case').on(t.caseId, t.seq)]);

/** Files on a case (site photos, contract scans, proposal PDFs), kept in the database so one backup
 *  holds everything and every app instance serves them. */
export const attachments = pgTable('attachments', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull(),
  name: text('name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  uploadedBy: text('uploaded_by').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
}, (t) => [index('attachments_case').on(t.caseId, t.seq)]);

/** Every external message (e-mail, DingTalk, WeCom), written in the same transaction as the
 *  event that causes it; the outbox worker delivers it (src/modules/notifications/outbox.ts). */
export const outbox = pgTable('outbox', {
  id: text('id').primaryKey(),
  /** stable for the message's life: the e-mail's Message-ID, the robots' idempotency header */
  idempotencyKey: text('idempotency_key').notNull(),
  channel: text('channel').notNull(), // email | dingtalk | wecom
  /** an e-mail address, or the group robot's name */
  to: text('to').notNull(),
  subject: text('subject'),
  body: text('body').notNull(),
  eventKind: text('event_kind').notNull(),
  caseId: text('case_id'),
  /** pending → sending (claimed, lease) → sent | failed (after the last attempt; the sysadmin may retry) */
  status: text('status').notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  /** not before this instant: working-hours hold, then retry back-off */
  nextAttemptAt: ts('next_attempt_at').notNull(),
  /** a claim's lease (wall time): past it, a crashed worker's claim is taken over */
  leaseUntil: ts('lease_until'),
  createdAt: ts('created_at').notNull(),
  sentAt: ts('sent_at'),
}, (t) => [
  uniqueIndex('outbox_idempotency').on(t.idempotencyKey),
  index('outbox_due').on(t.nextAttemptAt).where(sql`status in ('pending', 'sending')`),
  index('outbox_status_created').on(t.status, t.createdAt),
]);

/** SLA pauses of tickets (issue 16): each one with the working time it held the clock. */
export const ticketPauses = pgTable('ticket_pauses', {
  id: text('id').primaryKey(),
  ticketId: text('ticket_id').notNull().references(() => tickets.id),
  reason: text('reason').notNull(),
  note: text('note'),
  pausedAt: ts('paused_at').notNull(),
  pausedBy: text('paused_by').notNull(),
  resumedAt: ts('resumed_at'),
  resumedBy: text('resumed_by'),
  /** working days on the ticket's clock between pause and resume */
  workingDays: doublePrecision('working_days'),
}, (t) => [index('ticket_pauses_ticket').on(t.ticketId, t.pausedAt), index('ticket_pauses_paused').on(t.pausedAt)]);

/** The customer's rating link of a repair round (issue 16): /r/{token}, single use, 7 days. */
export const ratingLinks = pgTable('rating_links', {
  token: text('token').primaryKey(),
  ticketId: text('ticket_id').notNull().references(() => tickets.id),
  /** the repair task whose completion made the link */
  taskId: text('task_id').notNull(),
  /** what was done, in the engineer's words (the public page shows it; no internals, no prices) */
  resolution: text('resolution'),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  satisfied: boolean('satisfied'),
  comment: text('comment'),
}, (t) => [index('rating_links_ticket').on(t.ticketId, t.createdAt)]);

/** A lead (线索, issue 14): staff outside the business department pass a customer to sales, and
 *  earn a share of the salesperson's income from the deal it becomes (PROCESS §6.1). Once accepted,
 *  the lead is also a case (type `lead`, same id) that carries the salesperson's `lead_contact` task. */
export const leads = pgTable('leads', {
  id: text('id').primaryKey(),
  number: text('number').notNull().unique(),
  referrerId: text('referrer_id').notNull().references(() => users.id),
  customerId: text('customer_id').references(() => customers.id),
  customerName: text('customer_name').notNull(),
  contactPerson: text('contact_person'),
  phone: text('phone'),
  need: text('need').notNull(),
  claimedClass: text('claimed_class').notNull(), // A | B | C
  justification: text('justification'),
  /** the class the sales manager confirmed or changed to, and why (the referrer sees the reason) */
  class: text('class'),
  classReason: text('class_reason'),
  state: text('state').notNull(), // new | accepted | rejected | converted
  salespersonId: text('salesperson_id').references(() => users.id),
  rejectReason: text('reject_reason'),
  dealId: text('deal_id').references(() => deals.id),
  /** the sales manager's override of salesIncomePct for this deal, with the reason */
  incomePct: doublePrecision('income_pct'),
  incomePctReason: text('income_pct_reason'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [index('leads_referrer').on(t.referrerId), uniqueIndex('leads_deal').on(t.dealId)]);

/** A month's commission statement approved by the GM: the lines as approved, locked. */
export const commissionMonths = pgTable('commission_months', {
  month: text('month').primaryKey(), // YYYY-MM
  approvedAt: ts('approved_at').notNull(),
  approvedBy: text('approved_by').notNull().references(() => users.id),
  lines: jsonb('lines').notNull(),
});

/** A commission paid out by administration (one payment per lead). */
export const commissionPayments = pgTable('commission_payments', {
  leadId: text('lead_id').primaryKey().references(() => leads.id),
  month: text('month').notNull(),
  paidAt: ts('paid_at').notNull(),
  paidBy: text('paid_by').notNull().references(() => users.id),
});

/** The duty rotas (issue 14): `cs` — one CS agent on each non-working day; `oncall` — the tech
 *  manager's 7×24 on-call engineer, one per day. Kept per day; swapped until the month starts. */
export const dutyDays = pgTable('duty_days', {
  rota: text('rota').notNull(), // cs | oncall
  date: text('date').notNull(), // YYYY-MM-DD
  userId: text('user_id').notNull().references(() => users.id),
  kind: text('kind').notNull(), // weekend | holiday | workday
  statutory: boolean('statutory').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [primaryKey({ columns: [t.rota, t.date] }), index('duty_days_user').on(t.userId, t.date)]);

/** A month's allowance statement approved by the GM: the lines as approved, locked (issue 14). */
export const allowanceMonths = pgTable('allowance_months', {
  month: text('month').primaryKey(), // YYYY-MM
  approvedAt: ts('approved_at').notNull(),
  approvedBy: text('approved_by').notNull().references(() => users.id),
  lines: jsonb('lines').notNull(),
});

/** The leadership mailbox (领导信箱, issue 14). An anonymous letter has no author anywhere; every
 *  letter keeps only the day it was written (no time), so its time cannot be matched to a session. */
export const mailboxLetters = pgTable('mailbox_letters', {
  id: text('id').primaryKey(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  /** null for an anonymous letter */
  authorId: text('author_id').references(() => users.id),
  writtenOn: text('written_on').notNull(), // YYYY-MM-DD (Asia/Shanghai)
  state: text('state').notNull(), // new | handled
  reply: text('reply'),
  repliedAt: ts('replied_at'),
  /** sha-256 of the anonymous writer's one-time reply code (shown once, never stored) */
  replyCodeHash: text('reply_code_hash').unique(),
}, (t) => [index('mailbox_letters_author').on(t.authorId)]);

/** Letters a user wrote per day, for the rate limit only: which letters they were is stored nowhere. */
export const mailboxQuota = pgTable('mailbox_quota', {
  userId: text('user_id').notNull().references(() => users.id),
  day: text('day').notNull(), // YYYY-MM-DD
  count: integer('count').notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.day] })]);

/** Weekly training sessions (培训, issue 14): directions alternate, lecturers rotate. */
export const trainingSessions = pgTable('training_sessions', {
  id: text('id').primaryKey(),
  date: text('date').notNull().unique(), // YYYY-MM-DD
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  direction: text('direction').notNull(), // business_to_technical | technical_to_business
  lecturerId: text('lecturer_id').notNull().references(() => users.id),
  topic: text('topic'),
  /** the lecturer prepares by then: 2 working days before the session */
  prepareDueAt: ts('prepare_due_at').notNull(),
  attendeeIds: jsonb('attendee_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [index('training_sessions_lecturer').on(t.lecturerId)]);

/** Rewards and penalties (奖惩考核, issue 13): a manager's record about someone of their department or a partner company. */
export const reviews = pgTable('reviews', {
  id: text('id').primaryKey(),
  userId: text('user_id').references(() => users.id),
  partnerId: text('partner_id').references(() => partners.id),
  kind: text('kind').notNull(), // reward | penalty
  points: integer('points'),
  amountFen: bigint('amount_fen', { mode: 'number' }),
  reason: text('reason').notNull(),
  caseId: text('case_id'),
  authorId: text('author_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('reviews_user').on(t.userId, t.createdAt), index('reviews_partner').on(t.partnerId, t.createdAt), index('reviews_created').on(t.createdAt)]);
