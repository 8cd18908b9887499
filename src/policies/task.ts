// Tasks: who completes and who assigns. Without a target: "may the actor ever" (the route gate).
import { holdsRole, isManager, isStaff, managesDepartment, type Actor } from './actor.js';

export interface TaskTarget {
  status: string;
  assigneeRole: string;
  assigneeId: string | null;
  assigneeIds: string[];
  partnerId: string | null;
  department: string;
  /** the step may be given to an outsourced company (definition: alsoRoles) */
  partnerAllowed?: boolean;
}

/** The holder of a task: its partner company, its named users, its user, else its role pool. */
function holds(a: Actor, t: TaskTarget): boolean {
  if (t.partnerId) return !!a.partnerId && a.partnerId === t.partnerId;
  if (t.assigneeIds.length) return t.assigneeIds.includes(a.id);
  if (t.assigneeId) return t.assigneeId === a.id;
  return holdsRole(a, t.assigneeRole);
}

/** The owning department's manager (per the definition), or the GM. */
const manages = (a: Actor, t: TaskTarget) => managesDepartment(a, t.department);

export const taskPolicy = {
  /** the inbox: own work, and for managers their departments' */
  list: (_a: Actor) => true,
  complete: (a: Actor, t?: TaskTarget) => !t || (t.status === 'open' && holds(a, t)),
  assign: (a: Actor, t?: TaskTarget) => (t ? t.status === 'open' && manages(a, t) : isStaff(a) && isManager(a)),
  assignToPartner: (a: Actor, t?: TaskTarget) => taskPolicy.assign(a, t) && (!t || !!t.partnerAllowed),
};

/** What the actor may do with a task, for the web's buttons. */
export function taskAbilities(a: Actor, t: TaskTarget) {
  return { complete: taskPolicy.complete(a, t), assign: taskPolicy.assign(a, t), assignToPartner: taskPolicy.assignToPartner(a, t) };
}
export type TaskAbilities = ReturnType<typeof taskAbilities>;
