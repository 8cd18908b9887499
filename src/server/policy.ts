// The rules live in src/policies (one file per resource; routes declare theirs). These
// re-exports only keep older imports compiling; new code imports src/policies.
import type { Role } from '../domain/roles.js';
import { hasRole, isStaff, type Actor } from '../policies/actor.js';
import { forbidden, notFound } from './errors.js';

export { departmentsOf, hasRole, isManager, isStaff } from '../policies/actor.js';

/** @deprecated declare `config: { policy }` on the route instead */
export function requireRole(a: Actor, ...roles: Role[]): void {
  if (!hasRole(a, ...roles)) throw forbidden();
}
/** @deprecated declare `config: { policy }` on the route instead */
export function requireStaff(a: Actor): void {
  if (!isStaff(a)) throw notFound();
}
