// Login, sessions, own password and throttling. Sessions live in the database so app instances
// share them. Security timers run on wall time (ctx.wallNow), never on the manual business clock.
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db, Tx } from '../../db/client.js';
import { AppError, fieldError, notFound, unauthorized } from '../../server/errors.js';
import type { Actor } from '../../server/context.js';
import { capabilitiesOf } from '../../policies/capabilities.js';
import type { Organisation } from '../../domain/roles.js';
import * as repo from './repo.js';
import { cachedSession, rememberSession } from './session-cache.js';
import { attemptSucceeded, IDLE_RESET_MS, reserveAttempt, throttleKeys } from './throttle.js';

const SESSION_TTL_MS = 12 * 3600_000;
// a real hash to verify against when the user does not exist, so timing does not tell
let dummyHash: Promise<string> | undefined;

/** how many passwords were evaluated (argon2 verifications): the throttle's proof in tests */
export const passwordChecks = { count: 0 };

export const hashPassword = (password: string) => hash(password);
export const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

async function checkPassword(passwordHash: string | undefined, password: string) {
  passwordChecks.count++;
  if (passwordHash) return verify(passwordHash, password);
  await verify(await (dummyHash ??= hash('not-a-password')), password);
  return false;
}

export function toActor(u: { id: string; username: string; displayName: string; roles: string[]; department: string | null; partnerId: string | null }): Actor {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, department: u.department, partnerId: u.partnerId };
}

export class ThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 'auth.too_many_attempts', { seconds: retryAfterSeconds });
  }
}

/** One throttled password check: counted before it is evaluated, forgiven when it is right. */
async function throttledCheck(opts: { username: string; ip: string; passwordHash: string | undefined; password: string; wallNow: Date }, db: Db) {
  const keys = throttleKeys(opts.username, opts.ip);
  const slot = await db.transaction((tx) => reserveAttempt(keys, opts.wallNow, tx));
  if (!slot.ok) throw new ThrottledError(Math.ceil(slot.retryAfterMs / 1000));
  const ok = await checkPassword(opts.passwordHash, opts.password);
  if (ok) await db.transaction((tx) => attemptSucceeded(keys, tx));
  return ok;
}

export async function login(
  opts: { username: string; password: string; ip: string; userAgent?: string; wallNow: Date; org?: Organisation }, db: Db,
) {
  const { username, password, wallNow } = opts;
  const user = await repo.findUserByUsername(db, username);
  const ok = await throttledCheck({ username, ip: opts.ip, passwordHash: user?.active ? user.passwordHash : undefined, password, wallNow }, db);
  if (!ok || !user) throw unauthorized('auth.wrong_credentials');
  const token = crypto.randomBytes(32).toString('base64url');
  await repo.insertSession(db, {
    tokenHash: tokenHash(token), userId: user.id, createdAt: wallNow, expiresAt: new Date(wallNow.getTime() + SESSION_TTL_MS),
    ip: opts.ip.slice(0, 100), userAgent: opts.userAgent?.slice(0, 300) ?? null,
  });
  const actor = toActor(user);
  return { token, user: { ...actor, mustChangePassword: user.mustChangePassword, capabilities: capabilitiesOf({ ...actor, org: opts.org }) } };
}

/** The session of a token: from the short-lived cache (session-cache.ts), else the database. */
export async function authenticate(opts: { token: string; wallNow: Date }, tx: Tx) {
  const key = tokenHash(opts.token);
  const wallMs = opts.wallNow.getTime();
  const cached = cachedSession(key, wallMs);
  if (cached) return cached;
  const row = await repo.findSessionUser(tx, key, opts.wallNow);
  if (!row) return undefined;
  const session = { actor: toActor(row.user), sessionId: row.sessionId, mustChangePassword: row.user.mustChangePassword, expiresAt: row.expiresAt.getTime() };
  rememberSession(key, wallMs, session);
  return session;
}

export async function logout(opts: { token: string; wallNow: Date }, tx: Tx) {
  await repo.revokeSession(tx, tokenHash(opts.token), opts.wallNow);
}

/** The user's own change: the current password is checked (and throttled like a login); the
 *  user's other sessions end. */
export async function changeOwnPassword(
  opts: { actor: Actor; sessionId: string; currentPassword: string; newPassword: string; ip: string; wallNow: Date }, db: Db,
) {
  const user = await repo.findUserByUsername(db, opts.actor.username);
  if (!user) throw unauthorized();
  const ok = await throttledCheck({ username: user.username, ip: opts.ip, passwordHash: user.passwordHash, password: opts.currentPassword, wallNow: opts.wallNow }, db);
  if (!ok) throw fieldError('currentPassword', 'auth.current_password_wrong');
  if (opts.newPassword === opts.currentPassword) throw fieldError('newPassword', 'auth.password_unchanged');
  const passwordHash = await hashPassword(opts.newPassword);
  await db.transaction(async (tx) => {
    await repo.setPassword(tx, user.id, passwordHash, false);
    await repo.revokeUserSessions(tx, user.id, opts.wallNow, opts.sessionId);
  });
}

export async function ownSessions(opts: { actor: Actor; sessionId: string; wallNow: Date }, tx: Tx) {
  const rows = await repo.listLiveSessions(tx, opts.actor.id, opts.wallNow);
  return {
    items: rows.map((s) => ({
      id: s.id, createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt.toISOString(), ip: s.ip, userAgent: s.userAgent,
      current: s.id === opts.sessionId,
    })),
  };
}

export async function endOwnSession(opts: { actor: Actor; id: string; wallNow: Date }, tx: Tx) {
  if (!(await repo.revokeSessionById(tx, opts.actor.id, opts.id, opts.wallNow))) throw notFound('session');
}

/** the sweep: dead sessions and idle throttle counters leave the database */
export async function purgeSecurityState(db: Db, wallNow: Date) {
  const sessions = await repo.purgeDeadSessions(db, wallNow);
  const counters = await repo.pruneThrottle(db, new Date(wallNow.getTime() - IDLE_RESET_MS), wallNow);
  return { sessions, counters };
}
