// People and money (issue 14): leads, commission statements, duty rota, allowances, mailbox, training.
import { departmentsOf, hasRole, isStaff, type Actor } from './actor.js';

export const peoplePolicy = {
  /** staff outside the business department pass leads; business roles open deals themselves */
  createLead: (a: Actor) => isStaff(a) && !departmentsOf(a).includes('business') && !hasRole(a, 'sales', 'sales_manager'),
  /** every staff member lists leads: the sales manager and the GM all, others their own */
  listLeads: (a: Actor) => isStaff(a),
  readAllLeads: (a: Actor) => hasRole(a, 'sales_manager', 'gm'),
  /** the sales manager triages leads: class, accept to a salesperson, reject; overrides a deal's income percentage */
  triageLead: (a: Actor) => hasRole(a, 'sales_manager'),
  /** commission statements: everyone their own lines */
  readCommissions: (a: Actor) => isStaff(a),
  readAllCommissions: (a: Actor) => hasRole(a, 'gm', 'sales_manager', 'admin_clerk'),
  /** the GM approves (locks) a month; administration pays */
  approveCommissions: (a: Actor) => hasRole(a, 'gm'),
  payCommissions: (a: Actor) => hasRole(a, 'admin_clerk'),
  /** the salesIncomePct setting */
  commissionSettings: (a: Actor) => hasRole(a, 'gm'),
  /** the duty rotas: the CS manager's (CS agents) and the tech manager's 7×24 on-call engineers */
  manageDuty: (a: Actor) => hasRole(a, 'cs_manager', 'tech_manager'),
  readDuty: (a: Actor) => isStaff(a),
  /** allowance statements: everyone their own lines, managers their departments', the GM and administration all */
  readAllowances: (a: Actor) => isStaff(a),
  readAllAllowances: (a: Actor) => hasRole(a, 'gm', 'admin_clerk'),
  approveAllowances: (a: Actor) => hasRole(a, 'gm'),
  allowanceSettings: (a: Actor) => hasRole(a, 'gm'),
  /** the leadership mailbox: any staff member writes; only the GM reads and answers (not the sysadmin) */
  writeLetter: (a: Actor) => isStaff(a),
  readMailbox: (a: Actor) => isStaff(a) && a.roles.includes('gm'),
  /** training: the GM and the two managers whose departments teach each other plan; staff read */
  planTraining: (a: Actor) => hasRole(a, 'gm', 'sales_manager', 'tech_manager'),
  readTraining: (a: Actor) => isStaff(a),
};
