// Issue 10, second journey: the sysadmin splits the technical department on 流程设置 without code —
// 技术部 becomes 售前技术部, 售后技术部 is added with the roles 售后工程师 (rights as an engineer) and
// 售后经理 (rights as the tech manager, the department's manager), the repair step 故障处理 is
// given to 售后工程师 — publishes, creates the after-sales manager's account, and an overdue repair
// reaches that manager's notifications (and opens the ticket), not the tech manager's.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, RESULTS_DIR, type RunningServer, startServer, clickUntil } from './harness';

const MANAGER = { username: 'shouhou_jl', displayName: '售后王经理', password: 'shouhou-2026' };

/** Picks an option of an antd select from its open dropdown (retried once: an option clicked while it animates can be lost). */
async function pick(page: Page, select: ReturnType<Page['locator']>, option: string) {
  for (let i = 0; i < 2; i++) {
    await select.click();
    // long lists scroll virtually: type to bring the option into view
    await page.keyboard.type(option);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    // a multiple select stays open; a single one has closed, and Escape would close the drawer around it
    if (await page.locator('.ant-select-dropdown:visible').count()) await page.keyboard.press('Escape');
    if (await select.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]').getByText(option).count()) return;
  }
}

describe('splitting the technical department in the browser', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let ticket = { id: '', number: '' };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>, password?: string) =>
    asRole({ browser, server, prefix: 'split' }, role, name, fn, password);

  it('the sysadmin adds 售后技术部 and its roles, sets its manager, gives the repair to 售后工程师 and publishes', async () => {
    await as('sysadmin', '01-publish', async (page) => {
      await page.goto('/process');
      await page.getByTestId('pe-diagram').waitFor();
      await page.getByRole('tab', { name: '其他设置' }).click();
      // 技术部 → 售前技术部
      const technical = page.getByTestId('pe-departments').locator('tbody tr', { hasText: 'technical' });
      await technical.locator('input').first().fill('售前技术部');
      // the new department
      const addDept = page.getByTestId('pe-add-department');
      await page.getByTestId('pe-dept-key').fill('aftersales');
      await page.getByTestId('pe-dept-zh').fill('售后技术部');
      await addDept.locator('input').nth(2).fill('After-sales engineering');
      await addDept.getByRole('button', { name: '添加部门' }).click();
      await page.getByTestId('pe-departments').locator('tbody tr', { hasText: 'aftersales' }).waitFor();
      // two roles in it, with the rights of the engineer and the tech manager
      for (const [key, zh, en, like] of [
        ['aftersales_engineer', '售后工程师', 'After-sales engineer', '技术工程师'],
        ['aftersales_manager', '售后经理', 'After-sales manager', '技术经理'],
      ]) {
        const add = page.getByTestId('pe-add-role');
        await page.getByTestId('pe-role-key').fill(key);
        await page.getByTestId('pe-role-zh').fill(zh);
        await add.locator('input').nth(2).fill(en);
        await pick(page, page.getByTestId('pe-role-department'), '售后技术部');
        await pick(page, page.getByTestId('pe-role-like'), like);
        await add.getByRole('button', { name: '添加角色' }).click();
        await page.getByTestId('pe-roles').locator('tbody tr', { hasText: key }).waitFor();
      }
      // 售后经理 manages 售后技术部
      const aftersales = page.getByTestId('pe-departments').locator('tbody tr', { hasText: 'aftersales' });
      await pick(page, aftersales.locator('.ant-select'), '售后经理');
      await page.getByTestId('pe-org').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'split-01a-roles.png'), fullPage: true });

      // the repair step belongs to 售后工程师
      await page.getByRole('tab', { name: '流程图' }).click();
      await page.locator('.ant-segmented-item-label', { hasText: '工单' }).click();
      // the diagram lays itself out again after the switch: a click on a node still moving is lost
      await clickUntil(page.getByTestId('pe-node-resolve'), page.locator('#pe-step-role'));
      await pick(page, page.locator('#pe-step-role'), '售后工程师');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'split-01b-step.png'), fullPage: true });
      await page.locator('.ant-drawer-close').click();
      await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
      await expect(page.getByTestId('pe-node-resolve').textContent()).resolves.toContain('售后工程师');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'split-01c-lanes.png'), fullPage: true });

      await page.getByTestId('pe-validate').click();
      await page.getByText('校验通过').waitFor();
      await page.getByTestId('pe-save').click();
      await page.getByTestId('pe-changes').waitFor();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'split-01d-diff.png'), fullPage: true });
      await page.getByTestId('pe-publish').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.getByText(/已发布，新案件将使用此版本/).waitFor();
    });
    const def = await apiCall<{ departments: Record<string, { manager?: string }>; roles: Record<string, { like?: string; department: string }>; steps: Record<string, { role: string }> }>(
      server!.baseUrl, 'GET', '/process', undefined, await apiToken(server!.baseUrl, 'sysadmin'));
    expect(def.data.departments.aftersales.manager).toBe('aftersales_manager');
    expect(def.data.roles.aftersales_manager).toEqual(expect.objectContaining({ department: 'aftersales', like: 'tech_manager' }));
    expect(def.data.steps.resolve.role).toBe('aftersales_engineer');
  });

  it('the sysadmin creates the after-sales manager\'s account with the new role', async () => {
    await as('sysadmin', '02-user', async (page) => {
      await page.goto('/settings/users');
      await page.getByTestId('user-new').click();
      await page.locator('#new-user_username').fill(MANAGER.username);
      await page.locator('#new-user_displayName').fill(MANAGER.displayName);
      await page.locator('#new-user_password').fill(MANAGER.password);
      await pick(page, page.locator('#new-user_roles'), '售后经理');
      await clickUntil(page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }), page.getByText('用户已创建'));
      await page.locator('input[placeholder="关键字"]').fill(MANAGER.username);
      const row = page.locator('tbody tr', { hasText: MANAGER.username });
      await row.getByText('售后经理').waitFor();
      await row.getByText('售后技术部').waitFor();
    });
  });

  it('an overdue repair reaches the after-sales manager, not the tech manager', async () => {
    const base = server!.baseUrl;
    const cs = await apiToken(base, 'cs_agent');
    const c = await apiCall<{ id: string }>(base, 'POST', '/customers', { name: '售后测试客户有限公司', address: '苏州市工业园区 9 号', contactPerson: '李经理', phone: '0512-6666 0909' }, cs);
    expect(c.status).toBe(201);
    const t = await apiCall<{ id: string; number: string }>(base, 'POST', '/tickets', { customerId: c.data.id, kind: 'complaint', problem: '外线打不出去' }, cs);
    expect(t.status, JSON.stringify(t.data)).toBe(201);
    ticket = t.data;
    // the repair is due Monday 18:00; Tuesday morning it is overdue
    const moved = await apiCall(base, 'POST', '/clock', { now: '2026-03-03T09:30:00+08:00' }, await apiToken(base, 'sysadmin'));
    expect(moved.status).toBe(200);
    const notes = async (username: string, password?: string) => (await apiCall<{ items: { kind: string; caseId?: string }[] }>(
      base, 'GET', '/notifications', undefined, await apiToken(base, username, password))).data.items.filter((n) => n.caseId === ticket.id && n.kind === 'overdue');
    expect(await notes(MANAGER.username, MANAGER.password)).toHaveLength(1);
    expect(await notes('tech_manager')).toHaveLength(0);

    await as(MANAGER.username, '03-manager', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('notification-bell').click();
      const note = page.getByTestId('notification-list').getByText(ticket.number).first();
      await note.waitFor();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'split-03a-notification.png'), fullPage: true });
      // the notification opens the ticket, whose repair the manager may give to someone
      await note.click();
      await page.waitForURL(new RegExp(`/tickets/${ticket.id}`));
      await page.getByText(ticket.number).first().waitFor();
      await page.getByRole('button', { name: /分\s*派/ }).waitFor();
    }, MANAGER.password);
    await as('tech_manager', '04-tech-manager', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('notification-list').waitFor();
      await expect(page.getByTestId('notification-list').getByText(ticket.number).count()).resolves.toBe(0);
    });
  });
  it('an after-sales engineer fills the engineer\'s side of form 5 (rights as an engineer) and completes the repair', async () => {
    const base = server!.baseUrl;
    const made = await apiCall(base, 'POST', '/users', { username: 'shouhou_gcs', displayName: '售后小李', password: 'shouhou-2026', roles: ['aftersales_engineer'] }, await apiToken(base, 'sysadmin'));
    expect(made.status, JSON.stringify(made.data)).toBe(201);
    await as('shouhou_gcs', '05-engineer', async (page) => {
      await page.goto(`/tickets/${ticket.id}`);
      await page.getByTestId('open-task-step').filter({ hasText: '故障处理' }).waitFor();
      // the customer-service part stays read-only; the engineer's part is editable
      await expect(page.locator('#task-resolve_form_problem').count()).resolves.toBe(0);
      await page.locator('#task-resolve_form_cause').fill('网关配置丢失');
      await page.locator('#task-resolve_form_resolution').fill('重新下发配置');
      await page.locator('#task-resolve_form_qualityComplaint').getByText('否').click();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'split-05a-repair.png'), fullPage: true });
      await page.getByTestId('task-submit').click();
      await page.getByTestId('open-task-step').filter({ hasText: '回访确认' }).waitFor();
    }, 'shouhou-2026');
  });
});
