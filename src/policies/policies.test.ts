// Every role against every action, as tables (Outline's server/policies/*.test.ts habit).
// A row per action: which roles the gate lets through (no record), then record-level cases.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../domain/roles.js';
import { DEFAULT_PROCESS } from '../domain/process/default-process.js';
import { parseProcessDefinition } from '../domain/process/definition.js';
import { POLICIES, POLICY_NAMES, can } from './index.js';
import { copiesOf, mayReadCompletion, mayReadForm } from './form.js';
import { taskAbilities, type TaskTarget } from './task.js';
import { DEFAULT_ORGANISATION, organisationOf } from '../domain/roles.js';
import { departmentsOf, managedDepartments, type Actor } from './actor.js';
import { splitTechnicalDepartment } from '../../test/support/split-department.js';
import { capabilitiesOf } from './capabilities.js';
import { EXPECTED_MENUS } from '../../test/support/menus.js';

const PARTNER_ID = 'partner-1';
const actorOf = (role: Role, over: Partial<Actor> = {}): Actor => ({
  id: `u-${role}`, username: role, displayName: role, roles: [role], department: DEFAULT_ORGANISATION.roles[role].department,
  partnerId: role === 'partner_engineer' ? PARTNER_ID : null, ...over,
});
const ACTORS = ROLES.map((r) => [r, actorOf(r)] as const);

const def = parseProcessDefinition(DEFAULT_PROCESS);
type Row = Record<Role, 0 | 1>;
const row = (...allowed: Role[]): Row => Object.fromEntries(ROLES.map((r) => [r, allowed.includes(r) ? 1 : 0])) as Row;
const ALL = row(...ROLES);
const STAFF = row(...ROLES.filter((r) => r !== 'partner_engineer'));
const STAFF_NOT_SYSADMIN = row(...ROLES.filter((r) => r !== 'partner_engineer' && r !== 'sysadmin'));
const MANAGERS: Role[] = ['sales_manager', 'tech_manager', 'cs_manager', 'gm'];

/** The gate of every action: may the role do it to some record? */
const GATES: Record<(typeof POLICY_NAMES)[number], Row> = {
  'account.session': ALL,
  'account.notifications': ALL,
  'admin.users': row('sysadmin'),
  'admin.directory': STAFF,
  'admin.calendar': row('sysadmin'),
  'admin.calendarRead': ALL,
  'admin.partners': row('sysadmin', 'tech_manager'),
  'admin.partnerList': STAFF,
  'admin.partnerRead': ALL,
  'admin.clock': row('sysadmin'),
  'admin.clockRead': ALL,
  'admin.process': row('sysadmin', 'gm'),
  'admin.processRead': ALL,
  'admin.notifications': row('sysadmin'),
  'admin.templates': row('sysadmin'),
  'admin.templatesRead': STAFF,
  'public.rating': ALL,
  'audit.read': row(...MANAGERS, 'sysadmin'),
  'case.read': ALL,
  'case.comment': ALL,
  'case.listDeals': STAFF,
  'case.listTickets': ALL,
  'case.workOnDeals': row('sales', 'sales_manager', 'engineer', 'tech_manager', 'admin_clerk', 'gm'),
  'case.workOnTickets': row('cs_agent', 'cs_manager', 'engineer', 'tech_manager', 'gm', 'partner_engineer'),
  'case.createDeal': row('sales'),
  'case.createTicket': row('cs_agent'),
  'case.negotiate': row('sales', 'sales_manager', 'gm'),
  'case.adjustPolicy': row('sales_manager', 'gm'),
  'case.scheduleMeeting': row('sales', 'sales_manager'),
  'case.upcomingMeetings': STAFF,
  'case.excuse': row('cs_manager', 'gm'),
  'case.purchases': STAFF,
  'case.procure': row('admin_clerk'),
  'case.pause': row('cs_agent', 'engineer', 'partner_engineer'),
  'customer.read': STAFF,
  'customer.create': STAFF,
  'customer.update': STAFF,
  'customer.assets': STAFF,
  'document.read': { ...STAFF_NOT_SYSADMIN, partner_engineer: 1 },
  'document.print': { ...STAFF_NOT_SYSADMIN, partner_engineer: 1 },
  'document.search': STAFF_NOT_SYSADMIN,
  'document.export': STAFF_NOT_SYSADMIN,
  'document.archive': row('admin_clerk'),
  'engineering.read': STAFF_NOT_SYSADMIN,
  'engineering.readSaving': STAFF_NOT_SYSADMIN,
  'engineering.calc': STAFF,
  'people.createLead': row('engineer', 'tech_manager', 'cs_agent', 'cs_manager', 'admin_clerk', 'gm', 'sysadmin'),
  'people.listLeads': STAFF,
  'people.readAllLeads': row('sales_manager', 'gm'),
  'people.triageLead': row('sales_manager'),
  'people.readCommissions': STAFF,
  'people.readAllCommissions': row('gm', 'sales_manager', 'admin_clerk'),
  'people.approveCommissions': row('gm'),
  'people.payCommissions': row('admin_clerk'),
  'people.commissionSettings': row('gm'),
  'people.manageDuty': row('cs_manager', 'tech_manager'),
  'people.readDuty': STAFF,
  'people.readAllowances': STAFF,
  'people.readAllAllowances': row('gm', 'admin_clerk'),
  'people.approveAllowances': row('gm'),
  'people.allowanceSettings': row('gm'),
  'people.writeLetter': STAFF,
  'people.readMailbox': row('gm'),
  'people.planTraining': row('gm', 'sales_manager', 'tech_manager'),
  'people.readTraining': STAFF,
  'report.pipeline': row('sales_manager', 'gm'),
  'report.weekly': row(...MANAGERS),
  'report.settlement': row('tech_manager', 'gm'),
  'report.engineers': row('tech_manager', 'gm', 'engineer'),
  'report.engineersAll': row('tech_manager', 'gm'),
  'report.sales': row('sales_manager', 'gm'),
  'report.settings': row('gm'),
  'report.departments': row(...MANAGERS),
  'report.targets': row('gm'),
  'review.create': row(...MANAGERS),
  'review.read': STAFF,
  'task.list': ALL,
  'task.complete': ALL,
  'task.assign': row(...MANAGERS),
  'task.assignToPartner': row(...MANAGERS),
};

describe('route gates: every role × every action', () => {
  it('the table names every action of src/policies', () => {
    expect(Object.keys(GATES).sort()).toEqual([...POLICY_NAMES].sort());
  });
  for (const name of POLICY_NAMES) {
    it(name, () => {
      const got = Object.fromEntries(ACTORS.map(([r, a]) => [r, can(a, name) ? 1 : 0]));
      expect(got).toEqual(GATES[name]);
    });
  }
});

/** The copy lists of PROCESS §7: which roles read each form of the default definition. */
const FORM_READERS: Record<string, Role[]> = {
  survey: ['sales', 'sales_manager', 'admin_clerk', 'gm'],
  tech_assessment: ['sales', 'sales_manager', 'engineer', 'tech_manager', 'admin_clerk', 'gm'],
  proposal: ['sales', 'sales_manager', 'admin_clerk', 'gm'],
  feasibility: ['sales', 'sales_manager', 'admin_clerk', 'gm'],
  contract: ['sales', 'sales_manager', 'admin_clerk', 'gm'],
  installation_order: ['engineer', 'tech_manager', 'admin_clerk', 'gm'],
  complaint_record: ['engineer', 'tech_manager', 'cs_agent', 'cs_manager', 'admin_clerk', 'gm'],
  problem_feedback: ['engineer', 'tech_manager', 'cs_agent', 'cs_manager', 'gm'],
  revisit: ['cs_agent', 'cs_manager', 'gm'],
  feedback_report: ['cs_agent', 'cs_manager', 'gm'],
};

describe('the copy-list rule (mayReadForm): every role × every form', () => {
  it('covers every form of the definition', () => expect(Object.keys(FORM_READERS).sort()).toEqual(Object.entries(def.forms).filter(([, f]) => f.copies).map(([k]) => k).sort()));
  for (const [form, readers] of Object.entries(FORM_READERS)) {
    it(form, () => {
      const got = Object.fromEntries(ACTORS.map(([r, a]) => [r, mayReadForm(a, { copies: copiesOf(def, form), caseType: 'deal' }) ? 1 : 0]));
      expect(got).toEqual(row(...readers));
    });
  }
  it('a partner engineer reads the technical copy of a ticket given to its company, nothing else', () => {
    const p = actorOf('partner_engineer');
    const ts = copiesOf(def, 'complaint_record');
    expect(mayReadForm(p, { copies: ts, caseType: 'ticket', casePartnerId: PARTNER_ID })).toBe(true);
    expect(mayReadForm(p, { copies: ts, caseType: 'ticket', casePartnerId: 'other' })).toBe(false);
    expect(mayReadForm(p, { copies: ts, caseType: 'ticket', casePartnerId: null })).toBe(false);
    expect(mayReadForm(p, { copies: copiesOf(def, 'revisit'), caseType: 'ticket', casePartnerId: PARTNER_ID })).toBe(false);
  });
  it('the sysadmin reads no business form, even with a department set', () => {
    for (const form of Object.keys(def.forms)) expect(mayReadForm(actorOf('sysadmin', { department: 'it' }), { copies: copiesOf(def, form) })).toBe(false);
  });
  it('a user with two roles reads what either department reads', () => {
    expect(mayReadForm(actorOf('sales', { roles: ['sales', 'cs_agent'] }), { copies: copiesOf(def, 'revisit') })).toBe(true);
  });
  it('a completion is read by readers of every form it writes; one without a form by all staff but the sysadmin', () => {
    const readers = (step: string, outcome?: string) => ROLES.filter((r) => mayReadCompletion(actorOf(r), def, step, outcome, { caseType: 'ticket' }));
    expect(readers('resolve')).toEqual(['engineer', 'tech_manager', 'cs_agent', 'cs_manager', 'gm']);
    expect(readers('manager_review', 'approve')).toEqual(FORM_READERS.feasibility);
    expect(readers('negotiation', 'signed')).toEqual(FORM_READERS.contract);
    expect(readers('manager_review', 'revise')).toEqual(ROLES.filter((r) => r !== 'sysadmin' && r !== 'partner_engineer'));
  });
});

describe('record-level rules', () => {
  const task = (over: Partial<TaskTarget> = {}): TaskTarget => ({
    status: 'open', assigneeRole: 'engineer', assigneeId: null, assigneeIds: [], partnerId: null, department: 'technical', partnerAllowed: true, ...over,
  });
  const abilities = (t: TaskTarget) => Object.fromEntries(ACTORS.map(([r, a]) => [r, taskAbilities(a, t)]));

  it('task: the role pool completes an unassigned task; its department manager or the GM assigns it', () => {
    const t = abilities(task());
    for (const r of ROLES) {
      expect(t[r].complete, r).toBe(r === 'engineer');
      expect(t[r].assign, r).toBe(r === 'tech_manager' || r === 'gm');
      expect(t[r].assignToPartner, r).toBe(r === 'tech_manager' || r === 'gm');
    }
  });
  it('task: a named user, a partner company, a done task', () => {
    expect(can(actorOf('engineer'), 'task.complete', task({ assigneeId: 'someone-else' }))).toBe(false);
    expect(can(actorOf('engineer'), 'task.complete', task({ assigneeIds: ['u-engineer'] }))).toBe(true);
    expect(can(actorOf('engineer'), 'task.complete', task({ partnerId: PARTNER_ID }))).toBe(false);
    expect(can(actorOf('partner_engineer'), 'task.complete', task({ partnerId: PARTNER_ID }))).toBe(true);
    expect(can(actorOf('partner_engineer'), 'task.complete', task({ partnerId: 'other' }))).toBe(false);
    expect(can(actorOf('engineer'), 'task.complete', task({ status: 'done' }))).toBe(false);
    expect(can(actorOf('gm'), 'task.assign', task({ status: 'done' }))).toBe(false);
    expect(can(actorOf('gm'), 'task.assignToPartner', task({ partnerAllowed: false }))).toBe(false);
    expect(can(actorOf('sales_manager'), 'task.assign', task({ department: 'business', assigneeRole: 'sales' }))).toBe(true);
    expect(can(actorOf('gm'), 'task.assign', task({ department: 'admin', assigneeRole: 'admin_clerk' }))).toBe(true);
  });
  it('case: staff read every case, a partner only tickets given to its company', () => {
    for (const [r, a] of ACTORS) {
      expect(can(a, 'case.read', { type: 'deal' }), r).toBe(r !== 'partner_engineer');
      expect(can(a, 'case.read', { type: 'ticket', partnerId: PARTNER_ID }), r).toBe(true);
      expect(can(a, 'case.read', { type: 'ticket', partnerId: null }), r).toBe(r !== 'partner_engineer');
      // the thread and the files: whoever sees the case
      expect(can(a, 'case.comment', { type: 'deal' }), r).toBe(r !== 'partner_engineer');
      expect(can(a, 'case.comment', { type: 'ticket', partnerId: PARTNER_ID }), r).toBe(true);
      expect(can(a, 'case.comment', { type: 'customer' }), r).toBe(r !== 'partner_engineer');
    }
  });
  it('case: the negotiation log and the second meeting belong to the deal\'s salesperson and the managers', () => {
    const mine = { type: 'deal', ownerId: 'u-sales' };
    const theirs = { type: 'deal', ownerId: 'u-other' };
    expect(ROLES.filter((r) => can(actorOf(r), 'case.negotiate', mine))).toEqual(['sales', 'sales_manager', 'gm']);
    expect(ROLES.filter((r) => can(actorOf(r), 'case.negotiate', theirs))).toEqual(['sales_manager', 'gm']);
    expect(ROLES.filter((r) => can(actorOf(r), 'case.scheduleMeeting', mine))).toEqual(['sales', 'sales_manager']);
    expect(ROLES.filter((r) => can(actorOf(r), 'case.scheduleMeeting', theirs))).toEqual(['sales_manager']);
  });
  it('document: reading, printing and archiving follow the copy list', () => {
    const hf = { copies: copiesOf(def, 'revisit'), caseType: 'customer' };
    const zj = { copies: copiesOf(def, 'installation_order'), caseType: 'deal' };
    expect(ROLES.filter((r) => can(actorOf(r), 'document.print', hf))).toEqual(FORM_READERS.revisit);
    expect(ROLES.filter((r) => can(actorOf(r), 'document.archive', zj))).toEqual(['admin_clerk']);
    expect(ROLES.filter((r) => can(actorOf(r), 'document.archive', hf))).toEqual([]);
  });
  it('engineering: a deal\'s sizing for readers of its survey or assessment; its money for readers of the survey', () => {
    const t = { surveyCopies: copiesOf(def, 'survey'), assessmentCopies: copiesOf(def, 'tech_assessment') };
    expect(ROLES.filter((r) => can(actorOf(r), 'engineering.read', t))).toEqual(FORM_READERS.tech_assessment);
    expect(ROLES.filter((r) => can(actorOf(r), 'engineering.readSaving', t))).toEqual(FORM_READERS.survey);
  });
  it('admin: a partner engineer reads its own company only', () => {
    expect(can(actorOf('partner_engineer'), 'admin.partnerRead', PARTNER_ID)).toBe(true);
    expect(can(actorOf('partner_engineer'), 'admin.partnerRead', 'other')).toBe(false);
    expect(can(actorOf('sales'), 'admin.partnerRead', 'other')).toBe(true);
  });
  it('review: a person reads their own record page; the subject\'s department manager and the GM read it too', () => {
    const engineer = { userId: 'u-engineer', departments: ['technical'] };
    expect(ROLES.filter((r) => can(actorOf(r), 'review.read', engineer))).toEqual(['engineer', 'tech_manager', 'gm']);
    expect(ROLES.filter((r) => can(actorOf(r), 'review.read', { userId: 'u-sales', departments: ['business'] }))).toEqual(['sales', 'sales_manager', 'gm']);
    expect(ROLES.filter((r) => can(actorOf(r), 'review.read', { partner: true }))).toEqual(['tech_manager', 'gm']);
    expect(ROLES.filter((r) => can(actorOf(r), 'review.create', engineer))).toEqual(['tech_manager', 'gm']);
  });
  it('report.engineers: an engineer asks for their own numbers only; the tech manager and the GM for anyone\'s', () => {
    expect(ROLES.filter((r) => can(actorOf(r), 'report.engineers', { subjectId: 'u-engineer' }))).toEqual(['engineer', 'tech_manager', 'gm']);
    expect(ROLES.filter((r) => can(actorOf(r), 'report.engineers', { subjectId: 'u-someone-else' }))).toEqual(['tech_manager', 'gm']);
    expect(ROLES.filter((r) => can(actorOf(r), 'report.engineers', { subjectId: PARTNER_ID }))).toEqual(['tech_manager', 'gm']);
  });
  it('every policy is a pure function of its arguments', () => {
    for (const actions of Object.values(POLICIES)) for (const fn of Object.values(actions)) expect(typeof fn).toBe('function');
  });
});

describe('capabilities of the signed-in user: every role, from the policies', () => {
  it('menus', () => {
    for (const [r, a] of ACTORS) expect(capabilitiesOf(a).menus, r).toEqual(EXPECTED_MENUS[r]);
  });
  const SWITCHES: Record<Exclude<keyof ReturnType<typeof capabilitiesOf>, 'menus' | 'actsAs'>, Row> = {
    createDeal: row('sales'),
    createTicket: row('cs_agent'),
    createCustomer: STAFF,
    editCustomer: STAFF,
    viewCustomer: STAFF,
    negotiationLog: row('sales', 'sales_manager', 'gm'),
    adjustPolicy: row('sales_manager', 'gm'),
    dealsBoardByDefault: row('sales_manager'),
    manageUsers: row('sysadmin'),
    manageCalendar: row('sysadmin'),
    archiveDocument: row('admin_clerk'),
    exportDocuments: STAFF_NOT_SYSADMIN,
    managePartners: row('sysadmin', 'tech_manager'),
    partnerSettlement: row('tech_manager', 'gm'),
    pipeline: row('sales_manager', 'gm'),
    weeklySummary: row(...MANAGERS),
    engineerScores: row('tech_manager', 'gm', 'engineer'),
    engineerScoresAll: row('tech_manager', 'gm'),
    salesReview: row('sales_manager', 'gm'),
    departmentResults: row(...MANAGERS),
    setTargets: row('gm'),
    recordReview: row(...MANAGERS),
    readReviews: STAFF,
    processVersions: row('sysadmin', 'gm'),
    excuse: row('cs_manager', 'gm'),
    createLead: row('engineer', 'tech_manager', 'cs_agent', 'cs_manager', 'admin_clerk', 'gm', 'sysadmin'),
    triageLead: row('sales_manager'),
    approveCommissions: row('gm'),
    payCommissions: row('admin_clerk'),
    manageCsDuty: row('cs_manager'),
    manageOncall: row('tech_manager'),
    approveAllowances: row('gm'),
    readMailbox: row('gm'),
    planTraining: row('gm', 'sales_manager', 'tech_manager'),
  };
  for (const [name, expected] of Object.entries(SWITCHES)) {
    it(name, () => {
      const got = Object.fromEntries(ACTORS.map(([r, a]) => [r, capabilitiesOf(a)[name as keyof typeof SWITCHES] ? 1 : 0]));
      expect(got).toEqual(expected);
    });
  }
});

describe('roles a definition adds (issue 10): like a built-in role, in their own department', () => {
  const split = parseProcessDefinition(splitTechnicalDepartment(DEFAULT_PROCESS));
  const org = organisationOf(split);
  const as = (roles: string[], department: string | null = null): Actor => ({
    id: `u-${roles[0]}`, username: roles[0], displayName: roles[0], roles, department, partnerId: null, org,
  });
  const ase = as(['aftersales_engineer']);
  const asm = as(['aftersales_manager']);
  const tm = as(['tech_manager']);
  /** the gate of every action for a `like` role is its model's gate */
  for (const [role, like] of [['aftersales_engineer', 'engineer'], ['aftersales_manager', 'tech_manager']] as const) {
    it(`${role} passes every gate ${like} passes`, () => {
      for (const name of POLICY_NAMES) expect(can(as([role]), name) ? 1 : 0, name).toBe(GATES[name][like]);
      expect(capabilitiesOf(as([role])).menus).toEqual(EXPECTED_MENUS[like]);
      expect(capabilitiesOf(as([role])).actsAs).toEqual([role, like]);
    });
  }
  it('departments and managers come from the definition, not from the model role', () => {
    expect(departmentsOf(ase)).toEqual(['aftersales']);
    expect(managedDepartments(asm)).toEqual(['aftersales']);
    expect(managedDepartments(tm)).toEqual(['technical', 'partner']);
    expect(managedDepartments(as(['gm']))).toBe('all');
  });
  const task = (over: Partial<TaskTarget>): TaskTarget => ({
    status: 'open', assigneeRole: 'aftersales_engineer', assigneeId: null, assigneeIds: [], partnerId: null, department: 'aftersales', partnerAllowed: true, ...over,
  });
  it('task: the after-sales pool completes repairs, its manager assigns them; the pre-sales side does not', () => {
    const repair = task({});
    const row = (t: TaskTarget) => Object.fromEntries(([['ase', ase], ['asm', asm], ['engineer', as(['engineer'])], ['tm', tm], ['gm', as(['gm'])]] as const)
      .map(([k, a]) => [k, [taskAbilities(a, t).complete ? 1 : 0, taskAbilities(a, t).assign ? 1 : 0]]));
    expect(row(repair)).toEqual({ ase: [1, 0], asm: [0, 1], engineer: [0, 0], tm: [0, 0], gm: [0, 1] });
    const assessment = task({ assigneeRole: 'engineer', department: 'technical' });
    expect(row(assessment)).toEqual({ ase: [0, 0], asm: [0, 0], engineer: [1, 0], tm: [0, 1], gm: [0, 1] });
  });
  it('copy lists: the after-sales department reads the repair records, not the pre-sales assessment', () => {
    expect(mayReadForm(ase, { copies: copiesOf(split, 'complaint_record') })).toBe(true);
    expect(mayReadForm(ase, { copies: copiesOf(split, 'tech_assessment') })).toBe(false);
    expect(mayReadForm(as(['engineer']), { copies: copiesOf(split, 'tech_assessment') })).toBe(true);
  });
  it('the SLA pause follows like: an after-sales engineer may pause a ticket', () => {
    expect(can(ase, 'case.pause', { type: 'ticket', pauseRoles: split.ticketPause.roles })).toBe(true);
  });
});
