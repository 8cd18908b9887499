// Password policy (issue 11 §4): at least 10 characters, and not one of the 10,000 most common
// passwords (the maintained list of @zxcvbn-ts/language-common), compared case-insensitively.
// Demo users are seeded with demo1234 directly; the policy applies to every set, reset and change.
import { fieldError, type Reason, type ReasonParams } from '../../server/errors.js';
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
const COMMON = new Set((dictionary['passwords-common'] as string[]).slice(0, 10_000).map((p) => p.toLowerCase()));

/** why a password is refused, or null when it is acceptable */
export function passwordProblem(password: string): { reason: Reason; params?: ReasonParams } | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { reason: 'password.too_short', params: { min: MIN_PASSWORD_LENGTH } };
  if (COMMON.has(password.toLowerCase())) return { reason: 'password.common' };
  return null;
}

/** A new password (set, reset or change) must pass the policy: else a 400 naming the field.
 *  Checked in the handler after the role check, so a caller without the role still gets 403. */
export function assertPasswordPolicy(field: string, password: string) {
  const problem = passwordProblem(password);
  if (problem) throw fieldError(field, problem.reason, problem.params);
}
