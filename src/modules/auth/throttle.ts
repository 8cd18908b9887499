// Login throttling (issue 11 §2, §3). Three counters, each with exponential back-off instead
// of a hard lock:
//   - the account at one client address: 5 free failures, then 1 s, 2 s, 4 s … up to 15 min;
//   - the client address, whatever the username: 10 free, then the same back-off (spraying);
//   - the account from every address: 20 free, back-off capped at 1 min, so a botnet is slowed
//     while one attacker can never keep the rightful user (who signs in from a clean address)
//     out for more than a minute.
// An attempt is counted BEFORE its password is evaluated, in one transaction holding the
// counters' row locks, so parallel guesses cannot all see "4 failures so far".
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import * as repo from './repo.js';

export interface ThrottleRule { free: number; capMs: number }
export const RULES = {
  accountAtClient: { free: 5, capMs: 15 * 60_000 },
  client: { free: 10, capMs: 15 * 60_000 },
  account: { free: 20, capMs: 60_000 },
} satisfies Record<string, ThrottleRule>;
/** a counter idle this long starts again from zero, and the sweep deletes it */
export const IDLE_RESET_MS = 30 * 60_000;

export const backoffMs = (failures: number, rule: ThrottleRule) =>
  failures < rule.free ? 0 : Math.min(1000 * 2 ** (failures - rule.free), rule.capMs);

/** fixed-size keys: the username and address never reach the table in clear */
const keyOf = (kind: string, ...parts: string[]) =>
  crypto.createHash('sha256').update([kind, ...parts.map((p) => p.toLowerCase())].join('\u0000')).digest('base64url');

export interface ThrottleKeys { accountAtClient: string; client: string; account: string }
export function throttleKeys(username: string, ip: string): ThrottleKeys {
  return { accountAtClient: keyOf('account@client', username, ip), client: keyOf('client', ip), account: keyOf('account', username) };
}

/** Counts one attempt on every key, or none when a key is backing off (then: how long to wait). */
export async function reserveAttempt(keys: ThrottleKeys, now: Date, tx: Tx): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
  const byKey = new Map((Object.keys(keys) as (keyof ThrottleKeys)[]).map((k) => [keys[k], RULES[k]]));
  const rows = await repo.lockThrottleRows(tx, [...byKey.keys()], now);
  let wait = 0;
  for (const r of rows) wait = Math.max(wait, r.nextAllowedAt.getTime() - now.getTime());
  if (wait > 0) return { ok: false, retryAfterMs: wait };
  for (const r of rows) {
    const idle = now.getTime() - r.lastFailureAt.getTime() > IDLE_RESET_MS;
    const failures = (idle ? 0 : r.failures) + 1;
    await repo.saveThrottleRow(tx, {
      key: r.key, failures, lastFailureAt: now, nextAllowedAt: new Date(now.getTime() + backoffMs(failures, byKey.get(r.key)!)),
    });
  }
  return { ok: true };
}

/** The password was right: the account's counters start again; the address keeps its other failures. */
export async function attemptSucceeded(keys: ThrottleKeys, tx: Tx) {
  await repo.deleteThrottleRows(tx, [keys.accountAtClient, keys.account]);
  await repo.uncountThrottleFailure(tx, keys.client);
}
