// Management reports (PROCESS §6).
import { hasRole, isStaff, type Actor } from './actor.js';

export const reportPolicy = {
  /** the business manager's pipeline */
  pipeline: (a: Actor) => hasRole(a, 'sales_manager', 'gm'),
  /** 周总结: the GM and the department managers */
  weekly: (a: Actor) => isStaff(a) && hasRole(a, 'gm', 'sales_manager', 'tech_manager', 'cs_manager'),
  /** a partner company's month: repairs, breaches, what we owe */
  settlement: (a: Actor) => isStaff(a) && hasRole(a, 'tech_manager', 'gm'),
};
