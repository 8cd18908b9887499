// Rewards and penalties (奖惩考核, issue 13): a department's manager records them for its people,
// the tech manager (manager of the partner companies) for partners, the GM for anyone; the subject reads their own.
import { isManager, isStaff, managesDepartment, type Actor } from './actor.js';

/** the subject of a record: a user (their departments) or a partner company */
export interface ReviewSubject { userId?: string | null; departments?: string[]; partner?: boolean }

const managesSubject = (a: Actor, s: ReviewSubject) => (s.partner
  ? managesDepartment(a, 'partner')
  : (s.departments ?? []).some((d) => managesDepartment(a, d)));

export const reviewPolicy = {
  /** record a reward or penalty: the gate lets managers through, the record needs the subject's manager */
  create: (a: Actor, s?: ReviewSubject) => isStaff(a) && isManager(a) && (!s || managesSubject(a, s)),
  /** read the records of a subject: its manager, the GM, or the subject */
  read: (a: Actor, s?: ReviewSubject) => isStaff(a) && (!s || (!!s.userId && s.userId === a.id) || managesSubject(a, s)),
};
