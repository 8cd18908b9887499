// The audit trail of a case: managers and the sysadmin read the entries; form contents in
// them only readers of that form (form.ts, presented by history.ts).
import { hasRole, type Actor } from './actor.js';

export const auditPolicy = {
  read: (a: Actor) => hasRole(a, 'sales_manager', 'tech_manager', 'cs_manager', 'gm', 'sysadmin'),
};
