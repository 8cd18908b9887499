// Administration: users, the working calendar, partners, the manual clock, the process.
import { hasRole, isPartner, isStaff, type Actor } from './actor.js';

export const adminPolicy = {
  /** create and manage user accounts */
  users: (a: Actor) => hasRole(a, 'sysadmin'),
  /** the staff directory (assigning work, picking engineers) */
  directory: (a: Actor) => isStaff(a),
  calendar: (a: Actor) => hasRole(a, 'sysadmin'),
  /** deadlines and day kinds: everyone signed in */
  calendarRead: (_a: Actor) => true,
  partners: (a: Actor) => hasRole(a, 'sysadmin', 'tech_manager'),
  partnerList: (a: Actor) => isStaff(a),
  /** a partner engineer reads its own company, nothing else */
  partnerRead: (a: Actor, partnerId?: string) => isStaff(a) || (isPartner(a) && (partnerId === undefined || a.partnerId === partnerId)),
  /** move the manual clock */
  clock: (a: Actor) => hasRole(a, 'sysadmin'),
  clockRead: (_a: Actor) => true,
  /** change the process definition */
  process: (a: Actor) => hasRole(a, 'sysadmin', 'gm'),
  processRead: (_a: Actor) => true,
  /** the proposal templates (解决方案模板): staff read them, the sysadmin edits them */
  templates: (a: Actor) => hasRole(a, 'sysadmin'),
  templatesRead: (a: Actor) => isStaff(a),
  /** the notification channels, their routing and the outbox (issue 16) */
  notifications: (a: Actor) => hasRole(a, 'sysadmin'),
};
