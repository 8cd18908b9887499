// Who an actor is, in the terms every policy uses: roles, staff or outsider, departments.
import type { Actor } from '../server/context.js';
import { DEPARTMENT_MANAGER, MANAGER_ROLES, ROLE_DEPARTMENT, isRole, type Department, type Role } from '../domain/roles.js';

export type { Actor };

export const hasRole = (a: Actor, ...roles: Role[]) => a.roles.some((r) => (roles as string[]).includes(r));

/** Staff = everyone of the company; outsourced partner engineers are not staff. */
export const isStaff = (a: Actor) => a.roles.some((r) => r !== 'partner_engineer');

/** An engineer of an outsourced company (reads only work given to that company). */
export const isPartner = (a: Actor) => !isStaff(a) && !!a.partnerId;

export const isManager = (a: Actor) => hasRole(a, ...MANAGER_ROLES);

/** Departments an actor belongs to, from its roles (a user may hold several). */
export function departmentsOf(a: Actor): Department[] {
  const set = new Set<Department>();
  for (const r of a.roles) if (isRole(r)) set.add(ROLE_DEPARTMENT[r]);
  if (a.department) set.add(a.department as Department);
  return [...set];
}

/** The departments whose work the actor manages (the GM manages every department). */
export function managedDepartments(a: Actor): Department[] | 'all' {
  if (hasRole(a, 'gm')) return 'all';
  return (Object.entries(DEPARTMENT_MANAGER) as [Department, Role][]).filter(([, r]) => hasRole(a, r)).map(([d]) => d);
}
