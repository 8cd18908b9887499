// Who an actor is, in the terms every policy uses: roles, staff or outsider, departments. Roles,
// departments and managers come from the definition the actor carries (`org`): a role the
// definition adds has the capabilities of the built-in role it is `like` (effectiveRoles), its own
// department, and manages the departments that name it their manager.
import type { Actor } from '../server/context.js';
import { DEFAULT_ORGANISATION, baseRole, effectiveRoles, managerOf, managerRoles, type Organisation, type Role } from '../domain/roles.js';

export type { Actor };

export const orgOf = (a: Actor): Organisation => a.org ?? DEFAULT_ORGANISATION;

/** The roles whose capabilities the actor has: its own, and the built-in roles they are `like`. */
export const rolesOf = (a: Actor): string[] => effectiveRoles(orgOf(a), a.roles);

/** Capability check: does the actor hold one of these built-in roles (or a role like one)? */
export const hasRole = (a: Actor, ...roles: Role[]) => rolesOf(a).some((r) => (roles as string[]).includes(r));

/** Holding exactly this role (a task's pool, a step's owner): no `like` expansion. */
export const holdsRole = (a: Actor, role: string) => a.roles.includes(role);

/** Staff = everyone of the company; outsourced partner engineers (and roles like them) are not staff. */
export const isStaff = (a: Actor) => a.roles.some((r) => baseRole(orgOf(a), r) !== 'partner_engineer');

/** An engineer of an outsourced company (reads only work given to that company). */
export const isPartner = (a: Actor) => !isStaff(a) && !!a.partnerId;

/** Manages some department (per the definition), or is the GM. */
export const isManager = (a: Actor) => hasRole(a, 'gm') || managerRoles(orgOf(a)).some((r) => holdsRole(a, r));

/** Departments an actor belongs to, from its roles (a user may hold several). */
export function departmentsOf(a: Actor): string[] {
  const org = orgOf(a);
  const set = new Set<string>();
  for (const r of a.roles) { const d = org.roles[r]?.department; if (d) set.add(d); }
  if (a.department) set.add(a.department);
  return [...set];
}

/** The departments whose work the actor manages (the GM manages every department). */
export function managedDepartments(a: Actor): string[] | 'all' {
  if (hasRole(a, 'gm')) return 'all';
  const org = orgOf(a);
  return Object.keys(org.departments).filter((d) => { const m = managerOf(org, d); return !!m && holdsRole(a, m); });
}

/** Manages the department: its manager (per the definition) or the GM. */
export function managesDepartment(a: Actor, department: string): boolean {
  const m = managerOf(orgOf(a), department);
  return hasRole(a, 'gm') || (!!m && holdsRole(a, m));
}
