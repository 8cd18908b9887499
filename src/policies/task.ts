// Tasks: who completes and who assigns. Without a target: "may the actor ever" (the route gate).
import { DEPARTMENT_MANAGER, type Department, type Role } from '../domain/roles.js';
import { hasRole, isStaff, type Actor } from './actor.js';

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

const ASSIGNERS: Role[] = ['gm', ...new Set(Object.values(DEPARTMENT_MANAGER))] as Role[];

/** The holder of a task: its partner company, its named users, its user, else its role pool. */
function holds(a: Actor, t: TaskTarget): boolean {
  if (t.partnerId) return !!a.partnerId && a.partnerId === t.partnerId;
  if (t.assigneeIds.length) return t.assigneeIds.includes(a.id);
  if (t.assigneeId) return t.assigneeId === a.id;
  return hasRole(a, t.assigneeRole as Role);
}

/** The owning department's manager, or the GM. */
function manages(a: Actor, t: TaskTarget): boolean {
  const manager = DEPARTMENT_MANAGER[t.department as Department];
  return hasRole(a, 'gm') || (!!manager && hasRole(a, manager));
}

export const taskPolicy = {
  /** the inbox: own work, and for managers their departments' */
  list: (_a: Actor) => true,
  complete: (a: Actor, t?: TaskTarget) => !t || (t.status === 'open' && holds(a, t)),
  assign: (a: Actor, t?: TaskTarget) => (t ? t.status === 'open' && manages(a, t) : isStaff(a) && hasRole(a, ...ASSIGNERS)),
  assignToPartner: (a: Actor, t?: TaskTarget) => taskPolicy.assign(a, t) && (!t || !!t.partnerAllowed),
};

/** What the actor may do with a task, for the web's buttons. */
export function taskAbilities(a: Actor, t: TaskTarget) {
  return { complete: taskPolicy.complete(a, t), assign: taskPolicy.assign(a, t), assignToPartner: taskPolicy.assignToPartner(a, t) };
}
export type TaskAbilities = ReturnType<typeof taskAbilities>;
