// Test builders for seed chapter 2 (contract, procurement, installation).
import type { TestApp } from '../../../test/support/app.js';
import { unique } from '../../../test/support/factories.js';

export interface OpenTask { id: string; step: string; dueAt: string | null; assigneeRole: string; assigneeId: string | null; assigneeIds: string[] }

/** The open task of a case, as the GM sees it. */
export async function openTask(t: TestApp, caseId: string): Promise<OpenTask | undefined> {
  const r = await t.call('GET', `/tasks?status=open&caseId=${caseId}&mine=false`, { token: await t.login('gm') });
  return r.body.items[0];
}

/** Completes the open task of a case as `who` (a demo username or a token) and returns the raw reply. */
export async function tryComplete(t: TestApp, caseId: string, who: string | { token: string }, body: Record<string, unknown>) {
  const task = await openTask(t, caseId);
  if (!task) throw new Error(`no open task on ${caseId}`);
  const token = typeof who === 'string' ? await t.login(who) : who.token;
  return t.call('POST', `/tasks/${task.id}/complete`, { token, body });
}

/** A new engineer of the company (the demo company has one). */
export async function newEngineer(t: TestApp, name = '工程师') {
  const username = unique('eng');
  const r = await t.call('POST', '/users', {
    token: await t.login('sysadmin'), body: { username, password: 'engineer-pass-1', displayName: `${name}${username.slice(-3)}`, roles: ['engineer'] },
  });
  if (r.status !== 201) throw new Error(`engineer: ${r.status} ${r.text}`);
  return { id: r.body.id as string, username, token: await t.login(username, 'engineer-pass-1') };
}

export function devices(n = 2) {
  return Array.from({ length: n }, (_, i) => ({
    brandModel: i % 2 ? 'Yealink T31P' : 'Cisco SPA8000', serialNumber: unique(`SN${i}-`), configDocNumber: unique('CFG-'),
  }));
}

export const REMARKS = '机房在三楼弱电间，钥匙在前台；客户 PBX 为旧型号，中继板勿热插拔';
