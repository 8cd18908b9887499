// What the signed-in user may do, for the web's menus and buttons: each capability is the policy
// the server itself checks for that action, so the web holds no rule of its own.
import { can } from './index.js';
import { hasRole, isStaff, rolesOf, type Actor } from './actor.js';

export const MENUS = ['home', 'inbox', 'deals', 'tickets', 'customers', 'archive', 'partners', 'reports', 'people', 'settings', 'process'] as const;
export type Menu = (typeof MENUS)[number];

/** A menu entry is shown when the actor may use some page behind it. */
const MENU_POLICIES: Record<Menu, (a: Actor) => boolean> = {
  /** 工作台: the landing page of every staff member (issue 13 item 6) */
  home: (a) => isStaff(a) && can(a, 'task.list'),
  inbox: (a) => can(a, 'task.list'),
  deals: (a) => can(a, 'case.workOnDeals'),
  tickets: (a) => can(a, 'case.workOnTickets'),
  customers: (a) => can(a, 'customer.read'),
  // documents search, or the asset registry by serial number
  archive: (a) => can(a, 'document.search') || can(a, 'customer.assets'),
  partners: (a) => can(a, 'admin.partners') || can(a, 'report.settlement'),
  reports: (a) => can(a, 'report.pipeline') || can(a, 'report.weekly') || can(a, 'report.settlement') || can(a, 'report.engineers') || can(a, 'report.sales'),
  /** 人事与薪酬: leads, commissions, duty, allowances, the mailbox, training (issue 14) */
  people: (a) => can(a, 'people.readDuty'),
  settings: (a) => can(a, 'admin.users') || can(a, 'admin.calendar'),
  /** 流程设置: the process editor */
  process: (a) => can(a, 'admin.process'),
};

export function capabilitiesOf(a: Actor) {
  return {
    menus: MENUS.filter((m) => MENU_POLICIES[m](a)),
    /** the roles whose form fields (filledBy) the user fills: its own and those they are like */
    actsAs: rolesOf(a),
    createDeal: can(a, 'case.createDeal'),
    createTicket: can(a, 'case.createTicket'),
    createCustomer: can(a, 'customer.create'),
    editCustomer: can(a, 'customer.update'),
    viewCustomer: can(a, 'customer.read'),
    /** the negotiation log (per deal: the deal's abilities) */
    negotiationLog: can(a, 'case.negotiate'),
    /** manager moves in the negotiation log (policy adjustments) */
    adjustPolicy: can(a, 'case.adjustPolicy'),
    /** the deals page opens on the board for who steers deals without running any (the business manager) */
    dealsBoardByDefault: can(a, 'case.scheduleMeeting') && !can(a, 'case.createDeal'),
    manageUsers: can(a, 'admin.users'),
    manageCalendar: can(a, 'admin.calendar'),
    archiveDocument: can(a, 'document.archive'),
    exportDocuments: can(a, 'document.export'),
    managePartners: can(a, 'admin.partners'),
    partnerSettlement: can(a, 'report.settlement'),
    pipeline: can(a, 'report.pipeline'),
    weeklySummary: can(a, 'report.weekly'),
    /** engineer scores (every row: engineerScoresAll), the sales review, department results */
    engineerScores: can(a, 'report.engineers'),
    engineerScoresAll: can(a, 'report.engineersAll'),
    salesReview: can(a, 'report.sales'),
    departmentResults: can(a, 'report.departments'),
    /** set the month's department targets (设置目标) */
    setTargets: can(a, 'report.targets'),
    /** record a reward or penalty (per subject the server checks the department) */
    recordReview: can(a, 'review.create'),
    /** the rewards and penalties list (奖惩记录): each reader sees the records they may read */
    readReviews: can(a, 'review.read'),
    /** stored process versions (a running case keeps the one it started with) */
    processVersions: can(a, 'admin.process'),
    /** 特殊原因 on a late ticket (per ticket: the ticket's abilities) */
    excuse: can(a, 'case.excuse'),
    // people and money (issue 14)
    createLead: can(a, 'people.createLead'),
    triageLead: can(a, 'people.triageLead'),
    approveCommissions: can(a, 'people.approveCommissions'),
    payCommissions: can(a, 'people.payCommissions'),
    manageCsDuty: can(a, 'people.manageDuty') && hasRole(a, 'cs_manager'),
    manageOncall: can(a, 'people.manageDuty') && hasRole(a, 'tech_manager'),
    approveAllowances: can(a, 'people.approveAllowances'),
    readMailbox: can(a, 'people.readMailbox'),
    planTraining: can(a, 'people.planTraining'),
  };
}
export type Capabilities = ReturnType<typeof capabilitiesOf>;
