// Cases (deals, tickets, customers' revisit cases). Without a target an action answers "may
// the actor do this to some case" (the route's gate); with one, for that case.
import { hasRole, isStaff, rolesOf, type Actor } from './actor.js';

export interface CaseTarget {
  type: string;
  /** the deal's salesperson */
  ownerId?: string | null;
  /** the outsourced company a ticket is given to */
  partnerId?: string | null;
}

export const casePolicy = {
  /** staff see every case; a partner engineer only tickets given to its company */
  read: (a: Actor, c?: CaseTarget) => isStaff(a) || (!!a.partnerId && (!c || (c.type === 'ticket' && c.partnerId === a.partnerId))),
  /** the thread and the files of a case: whoever may see it */
  comment: (a: Actor, c?: CaseTarget) => casePolicy.read(a, c),
  listDeals: (a: Actor) => isStaff(a),
  /** the departments that work on deals (own a deal step or manage one): the deals pages are theirs */
  workOnDeals: (a: Actor) => hasRole(a, 'sales', 'sales_manager', 'engineer', 'tech_manager', 'admin_clerk', 'gm'),
  /** the after-sales departments and the partners they give tickets to: the tickets pages are theirs */
  workOnTickets: (a: Actor) => hasRole(a, 'cs_agent', 'cs_manager', 'engineer', 'tech_manager', 'gm') || !!a.partnerId,
  /** partners list only their company's tickets (the list filters) */
  listTickets: (a: Actor) => isStaff(a) || !!a.partnerId,
  createDeal: (a: Actor) => hasRole(a, 'sales'),
  createTicket: (a: Actor) => hasRole(a, 'cs_agent'),
  /** the negotiation log: the deal's salesperson, the business manager, the GM */
  negotiate: (a: Actor, c?: CaseTarget) => hasRole(a, 'sales_manager', 'gm') || (hasRole(a, 'sales') && (!c || c.ownerId === a.id)),
  /** a policy adjustment in the negotiation log */
  adjustPolicy: (a: Actor) => hasRole(a, 'sales_manager', 'gm'),
  /** seed step B: the salesperson of the deal or the business manager moves the second meeting */
  scheduleMeeting: (a: Actor, c?: CaseTarget) => hasRole(a, 'sales_manager') || (hasRole(a, 'sales') && (!c || c.ownerId === a.id)),
  upcomingMeetings: (a: Actor) => isStaff(a),
  /** 特殊原因: the CS manager (or GM) excuses a late ticket */
  excuse: (a: Actor) => hasRole(a, 'cs_manager', 'gm'),
  /** the purchase list of a deal (unit prices only for readers of the assessment) */
  purchases: (a: Actor) => isStaff(a),
  /** the admin clerk records suppliers and deliveries */
  procure: (a: Actor) => hasRole(a, 'admin_clerk'),
  /** SLA pause and resume of a ticket (issue 16): the roles the definition names (`ticketPause.roles`,
   *  default the CS agent and the repair engineers), on a ticket they may see */
  pause: (a: Actor, c?: CaseTarget & { pauseRoles?: readonly string[] }) =>
    rolesOf(a).some((r) => (c?.pauseRoles ?? DEFAULT_PAUSE_ROLES).includes(r)) && casePolicy.read(a, c),
};

const DEFAULT_PAUSE_ROLES: readonly string[] = ['cs_agent', 'engineer', 'partner_engineer'];
