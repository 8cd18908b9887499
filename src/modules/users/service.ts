import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import { conflict, fieldError, notFound } from '../../server/errors.js';
import type { Actor } from '../../server/context.js';
import { DEFAULT_ORGANISATION, ROLES, ROLE_LABEL_ZH, baseRole, type Organisation } from '../../domain/roles.js';
import { hashPassword } from '../auth/service.js';
import { revokeUserSessions, setPassword } from '../auth/repo.js';
import { forgetSessions } from '../auth/session-cache.js';
import { appendAudit } from '../audit/service.js';
import * as repo from './repo.js';
import { findPartner } from '../partners/repo.js';

export function presentUser(u: NonNullable<Awaited<ReturnType<typeof repo.findUser>>>) {
  return {
    id: u.id, username: u.username, displayName: u.displayName, roles: u.roles,
    department: u.department, partnerId: u.partnerId, active: u.active, mustChangePassword: u.mustChangePassword,
    email: u.email, phone: u.phone, createdAt: u.createdAt.toISOString(),
  };
}

/** The roles must be the current definition's; the department (given, or the first role's) too. */
function checkOrganisation(org: Organisation, roles: readonly string[], department: string | null | undefined) {
  roles.forEach((role, i) => { if (!Object.hasOwn(org.roles, role)) throw fieldError(`roles.${i}`, 'field.unknown_role', { role }); });
  if (department && !Object.hasOwn(org.departments, department)) throw fieldError('department', 'field.unknown_department', { department });
}

/** A partner engineer (or a role like one) works for an outsourced company. */
const needsPartner = (org: Organisation, roles: readonly string[]) => roles.some((r) => baseRole(org, r) === 'partner_engineer');

export async function createUser(
  opts: {
    username: string; password: string; displayName: string; roles: string[]; partnerId?: string; department?: string;
    mustChangePassword?: boolean; email?: string; phone?: string; actor: Actor | null; now: Date;
    /** the current definition's roles and departments (default: the default process's) */
    org?: Organisation;
  },
  tx: Tx,
) {
  const org = opts.org ?? DEFAULT_ORGANISATION;
  checkOrganisation(org, opts.roles, opts.department);
  if (await repo.usernameTaken(tx, opts.username)) throw conflict('user.username_taken', { username: opts.username });
  if (needsPartner(org, opts.roles) && !opts.partnerId) throw fieldError('partnerId', 'field.partner_required');
  if (opts.partnerId && !(await findPartner(tx, opts.partnerId))) throw fieldError('partnerId', 'field.unknown_partner');
  const user = await repo.insertUser(tx, {
    id: crypto.randomUUID(),
    username: opts.username,
    passwordHash: await hashPassword(opts.password),
    displayName: opts.displayName,
    roles: opts.roles,
    department: opts.department ?? org.roles[opts.roles[0]].department,
    partnerId: opts.partnerId ?? null,
    mustChangePassword: opts.mustChangePassword ?? false,
    email: opts.email || null,
    phone: opts.phone || null,
    createdAt: opts.now,
  });
  const shown = presentUser(user);
  await appendAudit(tx, { at: opts.now, actorId: opts.actor?.id ?? null, action: 'user.create', entity: 'user', entityId: user.id, after: shown });
  return shown;
}

/** On an empty database: the demo company (one user per role) or the first sysadmin. */
export async function seedUsers(opts: { demo: boolean; demoPassword: string; adminPassword?: string; now: Date }, tx: Tx) {
  if ((await repo.countUsers(tx)) > 0) return { created: [] as string[] };
  const created: string[] = [];
  if (opts.demo) {
    await repo.putSetting(tx, DEMO_SETTING, true, opts.now);
    const { ensureDemoPartner } = await import('../partners/service.js');
    const partner = await ensureDemoPartner(tx, opts.now);
    for (const role of ROLES) {
      await createUser({
        username: role, password: opts.demoPassword, displayName: `${ROLE_LABEL_ZH[role]}（演示）`, roles: [role],
        partnerId: role === 'partner_engineer' ? partner.id : undefined, email: `${role}@example.com`, actor: null, now: opts.now,
      }, tx);
      created.push(role);
    }
  } else {
    const password = opts.adminPassword ?? crypto.randomBytes(9).toString('base64url');
    // the printed (or configured) first password must be changed at first sign-in
    await createUser({
      username: 'sysadmin', password, displayName: '系统管理员', roles: ['sysadmin'], mustChangePassword: true, actor: null, now: opts.now,
    }, tx);
    created.push(opts.adminPassword ? 'sysadmin' : `sysadmin (password: ${password})`);
  }
  return { created };
}

const DEMO_SETTING = 'company.demo';
/** the database holds the demo company (seeded with demo passwords) */
export async function isDemoCompany(tx: Tx) {
  return (await repo.getSetting(tx, DEMO_SETTING)) === true;
}

async function existingUser(tx: Tx, id: string) {
  const user = await repo.findUser(tx, id);
  if (!user) throw notFound('user');
  return user;
}

/** The sysadmin edits an account. Disabling ends its sessions at once; the last active
 *  sysadmin can be neither disabled nor demoted (nobody could administer any more). */
export async function updateUser(
  opts: {
    id: string; displayName?: string; roles?: string[]; department?: string | null; partnerId?: string | null; active?: boolean;
    email?: string | null; phone?: string | null; actor: Actor; now: Date; wallNow: Date; org?: Organisation;
  },
  tx: Tx,
) {
  const org = opts.org ?? DEFAULT_ORGANISATION;
  checkOrganisation(org, opts.roles ?? [], opts.department);
  const before = await existingUser(tx, opts.id);
  const roles = opts.roles ?? before.roles;
  const partnerId = opts.partnerId !== undefined ? opts.partnerId : before.partnerId;
  if (needsPartner(org, roles) && !partnerId) throw fieldError('partnerId', 'field.partner_required');
  if (opts.partnerId && !(await findPartner(tx, opts.partnerId))) throw fieldError('partnerId', 'field.unknown_partner');
  const stillAdmin = roles.includes('sysadmin') && opts.active !== false;
  if (before.roles.includes('sysadmin') && before.active && !stillAdmin && (await repo.otherActiveSysadmins(tx, opts.id)) === 0) {
    throw conflict('user.last_sysadmin');
  }
  const department = opts.department !== undefined ? opts.department : opts.roles ? org.roles[roles[0]].department : before.department;
  const after = await repo.updateUser(tx, opts.id, {
    ...(opts.displayName !== undefined ? { displayName: opts.displayName } : {}),
    roles, department, partnerId, ...(opts.active !== undefined ? { active: opts.active } : {}),
    ...(opts.email !== undefined ? { email: opts.email || null } : {}),
    ...(opts.phone !== undefined ? { phone: opts.phone || null } : {}),
  });
  if (opts.active === false) await revokeUserSessions(tx, opts.id, opts.wallNow);
  // the user's signed-in sessions carry its roles and department: read them afresh
  forgetSessions();
  const shown = presentUser(after);
  await appendAudit(tx, { at: opts.now, actorId: opts.actor.id, action: 'user.update', entity: 'user', entityId: opts.id, before: presentUser(before), after: shown });
  return shown;
}

/** The sysadmin sets a new password: the user's sessions end and it must be changed at next sign-in. */
export async function resetPassword(opts: { id: string; password: string; actor: Actor; now: Date; wallNow: Date }, tx: Tx) {
  await existingUser(tx, opts.id);
  await setPassword(tx, opts.id, await hashPassword(opts.password), true);
  await revokeUserSessions(tx, opts.id, opts.wallNow);
  await appendAudit(tx, { at: opts.now, actorId: opts.actor.id, action: 'user.password_reset', entity: 'user', entityId: opts.id });
}

export async function endUserSessions(opts: { id: string; actor: Actor; now: Date; wallNow: Date }, tx: Tx) {
  await existingUser(tx, opts.id);
  await revokeUserSessions(tx, opts.id, opts.wallNow);
  await appendAudit(tx, { at: opts.now, actorId: opts.actor.id, action: 'user.sessions_end', entity: 'user', entityId: opts.id });
}
