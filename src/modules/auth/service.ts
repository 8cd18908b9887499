// Login, sessions and throttling. Sessions live in the database so app instances share them.
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Tx } from '../../db/client.js';
import { AppError, unauthorized } from '../../server/errors.js';
import type { Actor } from '../../server/context.js';
import * as repo from './repo.js';

const SESSION_TTL_MS = 12 * 3600_000;
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;
const LOCK_MS = 60_000;
// a real hash to verify against when the user does not exist, so timing does not tell
let dummyHash: Promise<string> | undefined;

export const hashPassword = (password: string) => hash(password);
export const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export function toActor(u: { id: string; username: string; displayName: string; roles: string[]; department: string | null; partnerId: string | null }): Actor {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, department: u.department, partnerId: u.partnerId };
}

/** Security timers run on wall time, not on the (possibly manual) business clock.
 *  A failure is returned, not thrown, so that its count commits with the transaction. */
export async function login(opts: { username: string; password: string; wallNow: Date }, tx: Tx) {
  const { username, password, wallNow } = opts;
  const attempts = await repo.getLoginAttempts(tx, username);
  if (attempts?.lockedUntil && attempts.lockedUntil > wallNow) {
    return { error: new AppError('rate_limited', '登录失败次数过多，请稍后再试 / too many failed logins, try again later') } as const;
  }
  const user = await repo.findUserByUsername(tx, username);
  const ok = user?.active
    ? await verify(user.passwordHash, password)
    : (await verify(await (dummyHash ??= hash('not-a-password')), password), false);
  if (!ok || !user) {
    const inWindow = attempts && wallNow.getTime() - attempts.windowStart.getTime() < FAILURE_WINDOW_MS;
    const failures = (inWindow ? attempts.failures : 0) + 1;
    await repo.saveLoginAttempts(tx, {
      username,
      failures,
      windowStart: inWindow ? attempts.windowStart : wallNow,
      lockedUntil: failures >= MAX_FAILURES ? new Date(wallNow.getTime() + LOCK_MS) : null,
    });
    return { error: unauthorized('用户名或密码错误 / wrong username or password') } as const;
  }
  if (attempts) await repo.clearLoginAttempts(tx, username);
  const token = crypto.randomBytes(32).toString('base64url');
  await repo.insertSession(tx, {
    tokenHash: tokenHash(token), userId: user.id, createdAt: wallNow, expiresAt: new Date(wallNow.getTime() + SESSION_TTL_MS),
  });
  return { token, user: toActor(user) } as const;
}

export async function authenticate(opts: { token: string; wallNow: Date }, tx: Tx): Promise<Actor | undefined> {
  const user = await repo.findSessionUser(tx, tokenHash(opts.token), opts.wallNow);
  return user ? toActor(user) : undefined;
}

export async function logout(opts: { token: string; wallNow: Date }, tx: Tx) {
  await repo.revokeSession(tx, tokenHash(opts.token), opts.wallNow);
}
