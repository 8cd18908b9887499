// Authorization rules in one place. Outsiders get 404 for records they may not know exist.
import type { Actor } from './context.js';
import { forbidden, notFound } from './errors.js';
import { MANAGER_ROLES, ROLE_DEPARTMENT, isRole, type Department, type Role } from '../domain/roles.js';

export const hasRole = (a: Actor, ...roles: Role[]) => a.roles.some((r) => (roles as string[]).includes(r));

export function requireRole(a: Actor, ...roles: Role[]): void {
  if (!hasRole(a, ...roles)) throw forbidden();
}

/** Staff = everyone of the company; outsourced partner engineers are not staff. */
export const isStaff = (a: Actor) => a.roles.some((r) => r !== 'partner_engineer');

export function requireStaff(a: Actor): void {
  if (!isStaff(a)) throw notFound();
}

export const isManager = (a: Actor) => hasRole(a, ...MANAGER_ROLES);

/** Departments an actor belongs to, from its roles (a user may hold several). */
export function departmentsOf(a: Actor): Department[] {
  const set = new Set<Department>();
  for (const r of a.roles) if (isRole(r)) set.add(ROLE_DEPARTMENT[r]);
  if (a.department) set.add(a.department as Department);
  return [...set];
}

/** A document is readable by the departments on its copy list, and by management. */
export function canReadCopies(a: Actor, copies: string[]): boolean {
  if (hasRole(a, 'gm', 'sysadmin')) return true;
  return departmentsOf(a).some((d) => copies.includes(d));
}
