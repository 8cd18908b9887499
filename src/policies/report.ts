// Management reports (PROCESS §6).
import { hasRole, isStaff, type Actor } from './actor.js';

const engineersAll = (a: Actor) => isStaff(a) && hasRole(a, 'tech_manager', 'gm');

export const reportPolicy = {
  /** the business manager's pipeline */
  pipeline: (a: Actor) => hasRole(a, 'sales_manager', 'gm'),
  /** 周总结: the GM and the department managers */
  weekly: (a: Actor) => isStaff(a) && hasRole(a, 'gm', 'sales_manager', 'tech_manager', 'cs_manager'),
  /** a partner company's month: repairs, breaches, what we owe */
  settlement: (a: Actor) => isStaff(a) && hasRole(a, 'tech_manager', 'gm'),
  /** engineer scores (PROCESS §6.1): the tech manager and the GM every row, an engineer their own
   *  (the subject: the id of an engineer or a partner company whose numbers are asked for) */
  engineers: (a: Actor, s?: { subjectId: string }) => isStaff(a) && hasRole(a, 'tech_manager', 'gm', 'engineer')
    && (!s || s.subjectId === a.id || engineersAll(a)),
  engineersAll,
  /** the sales review (PROCESS §6.1) */
  sales: (a: Actor) => isStaff(a) && hasRole(a, 'sales_manager', 'gm'),
  /** department results against targets: the department managers (their own) and the GM (all) */
  departments: (a: Actor) => isStaff(a) && hasRole(a, 'gm', 'sales_manager', 'tech_manager', 'cs_manager'),
  /** the month's targets of every department */
  targets: (a: Actor) => isStaff(a) && hasRole(a, 'gm'),
  /** the management settings: score weights, the feedback period */
  settings: (a: Actor) => isStaff(a) && hasRole(a, 'gm'),
};
