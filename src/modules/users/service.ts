import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import { conflict, fieldError } from '../../server/errors.js';
import type { Actor } from '../../server/context.js';
import { ROLE_DEPARTMENT, ROLES, ROLE_LABEL_ZH, type Role } from '../../domain/roles.js';
import { hashPassword } from '../auth/service.js';
import { appendAudit } from '../audit/service.js';
import * as repo from './repo.js';
import { findPartner } from '../partners/repo.js';

export function presentUser(u: NonNullable<Awaited<ReturnType<typeof repo.findUser>>>) {
  return {
    id: u.id, username: u.username, displayName: u.displayName, roles: u.roles,
    department: u.department, partnerId: u.partnerId, active: u.active, createdAt: u.createdAt.toISOString(),
  };
}

export async function createUser(
  opts: { username: string; password: string; displayName: string; roles: Role[]; partnerId?: string; department?: string; actor: Actor | null; now: Date },
  tx: Tx,
) {
  if (await repo.usernameTaken(tx, opts.username)) throw conflict(`username ${opts.username} is taken`);
  if (opts.roles.includes('partner_engineer') && !opts.partnerId) throw fieldError('partnerId', 'required for a partner engineer');
  if (opts.partnerId && !(await findPartner(tx, opts.partnerId))) throw fieldError('partnerId', 'no such partner');
  const user = await repo.insertUser(tx, {
    id: crypto.randomUUID(),
    username: opts.username,
    passwordHash: await hashPassword(opts.password),
    displayName: opts.displayName,
    roles: opts.roles,
    department: opts.department ?? ROLE_DEPARTMENT[opts.roles[0]],
    partnerId: opts.partnerId ?? null,
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
    const { ensureDemoPartner } = await import('../partners/service.js');
    const partner = await ensureDemoPartner(tx, opts.now);
    for (const role of ROLES) {
      await createUser({
        username: role, password: opts.demoPassword, displayName: `${ROLE_LABEL_ZH[role]}（演示）`, roles: [role],
        partnerId: role === 'partner_engineer' ? partner.id : undefined, actor: null, now: opts.now,
      }, tx);
      created.push(role);
    }
  } else {
    const password = opts.adminPassword ?? crypto.randomBytes(9).toString('base64url');
    await createUser({ username: 'sysadmin', password, displayName: '系统管理员', roles: ['sysadmin'], actor: null, now: opts.now }, tx);
    created.push(opts.adminPassword ? 'sysadmin' : `sysadmin (password: ${password})`);
  }
  return { created };
}
