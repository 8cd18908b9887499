// Every policy by name (`resource.action`): routes declare one (`config: { policy }`), the
// route hook (hook.ts) checks it before the handler, services check it again with the record.
import { forbidden, notFound, type AppError } from '../server/errors.js';
import { isStaff, type Actor } from './actor.js';
import { accountPolicy } from './account.js';
import { adminPolicy } from './admin.js';
import { auditPolicy } from './audit.js';
import { casePolicy } from './case.js';
import { customerPolicy } from './customer.js';
import { documentPolicy } from './document.js';
import { engineeringPolicy } from './engineering.js';
import { peoplePolicy } from './people.js';
import { reportPolicy } from './report.js';
import { reviewPolicy } from './review.js';
import { taskPolicy } from './task.js';
import { publicPolicy } from './public.js';

export const POLICIES = {
  account: accountPolicy, admin: adminPolicy, audit: auditPolicy, case: casePolicy, customer: customerPolicy,
  document: documentPolicy, engineering: engineeringPolicy, people: peoplePolicy, report: reportPolicy, review: reviewPolicy, task: taskPolicy, public: publicPolicy,
} as const;

/** Policies anyone passes without signing in (their routes are rate-limited). */
export const isPublicPolicy = (name: PolicyName | undefined) => !!name?.startsWith('public.');

type Policies = typeof POLICIES;
export type PolicyName = { [R in keyof Policies]: `${R & string}.${keyof Policies[R] & string}` }[keyof Policies];
type TargetOf<N extends PolicyName> = N extends `${infer R extends keyof Policies}.${infer A}`
  ? A extends keyof Policies[R] ? Policies[R][A] extends (a: Actor, t?: infer T) => boolean ? T : never : never : never;

export const POLICY_NAMES = Object.entries(POLICIES).flatMap(([r, actions]) => Object.keys(actions).map((a) => `${r}.${a}`)) as PolicyName[];

/** Does the policy allow it? Without a target: may the actor do this to some record (the gate). */
export function can<N extends PolicyName>(a: Actor, name: N, target?: TargetOf<N>): boolean {
  const [r, action] = name.split('.') as [keyof Policies, string];
  const fn = (POLICIES[r] as Record<string, (a: Actor, t?: unknown) => boolean>)[action];
  return fn(a, target);
}

/** Actions on things an outsider knows exist (the tickets it works on, the administration). */
const OUTSIDERS_KNOW = (name: PolicyName) => ([
  'case.createTicket', 'case.excuse', 'admin.users', 'admin.calendar', 'admin.partners', 'admin.clock', 'admin.process',
] as PolicyName[]).includes(name);

/** The refusal: staff get 403; outsiders 404 (they must not learn the record or route exists)
 *  except where they know it does (OUTSIDERS_KNOW). */
export function denial(a: Actor, name: PolicyName, what?: string): AppError {
  return isStaff(a) || OUTSIDERS_KNOW(name) ? forbidden() : notFound(what);
}

export function authorize<N extends PolicyName>(a: Actor, name: N, target?: TargetOf<N>, what?: string): void {
  if (!can(a, name, target)) throw denial(a, name, what);
}
