// Accounts (issue 11 §4, §6): the sysadmin disables a user and resets a password; the user is
// made to change it at sign-in; anyone changes their own password and ends their own sessions.
// The browser keeps no token: the HttpOnly cookie is the session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, clickUntil, launchBrowser, newContext, type RunningServer, screenshot, startServer } from './harness';

describe('account life cycle in the browser', () => {
  let server: RunningServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await apiToken(server.baseUrl, 'sysadmin');
    for (const [username, displayName] of [['laozhang', '老张'], ['xiaoli', '小李'], ['xiaozhao', '小赵']]) {
      const r = await apiCall(server.baseUrl, 'POST', '/users', { username, password: `${username}-pass-2026`, displayName, roles: ['sales'] }, admin);
      expect(r.status).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>, password?: string) =>
    asRole({ browser, server, prefix: 'account' }, role, name, fn, password);

  /** signs in without waiting for the app (the forced change comes first) */
  async function signIn(page: Page, username: string, password: string) {
    await page.goto('/login');
    await page.locator('#login-username').fill(username);
    await page.locator('#login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  const userRow = (page: Page, username: string) => page.locator('tbody tr', { has: page.getByText(username, { exact: true }) });

  it('the sign-in page loads without an error in the console (no 401 asking who is signed in)', async () => {
    const context = await newContext(browser, server!.baseUrl);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('response', (r) => r.status() === 401 && errors.push(`401 ${r.url()}`));
    await page.goto('/login');
    await page.locator('#login-username').waitFor();
    await page.reload();
    await page.locator('#login-username').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the sysadmin disables a user: the user can no longer sign in; enabling lets them back', async () => {
    await as('sysadmin', 'disable-user', async (page) => {
      await page.goto('/');
      await page.getByTestId('demo-tag').waitFor();
      await page.goto('/settings/users');
      await page.locator('input[placeholder="关键字"]').fill('laozhang');
      await page.locator('input[placeholder="关键字"]').press('Enter');
      await userRow(page, 'laozhang').getByTestId('user-disable').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /是/ }).click();
      await page.getByTestId('user-status-laozhang').getByText('已停用').waitFor();
      await screenshot(page, 'account-user-disabled');
    });
    const context = await newContext(browser, server!.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'laozhang', 'laozhang-pass-2026');
    await page.getByTestId('login-error').waitFor();
    await context.close();
    await as('sysadmin', 'enable-user', async (page) => {
      await page.goto('/settings/users');
      await page.locator('input[placeholder="关键字"]').fill('laozhang');
      await page.locator('input[placeholder="关键字"]').press('Enter');
      await userRow(page, 'laozhang').getByTestId('user-enable').click();
      await page.getByTestId('user-status-laozhang').getByText('启用中').waitFor();
    });
    await as('laozhang', 'enabled-login', async (page) => {
      await expect(page.getByTestId('user-name').textContent()).resolves.toBe('老张');
    }, 'laozhang-pass-2026');
  });

  it('the sysadmin resets a password; the user must change it at sign-in (a common password is refused, typed values kept)', async () => {
    await as('sysadmin', 'reset-password', async (page) => {
      await page.goto('/settings/users');
      await page.locator('input[placeholder="关键字"]').fill('xiaoli');
      await page.locator('input[placeholder="关键字"]').press('Enter');
      await userRow(page, 'xiaoli').getByTestId('user-reset-password').click();
      await page.locator('#reset-password_password').fill('temp-pass-7788');
      await clickUntil(page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }), page.getByText('密码已重置'));
      await page.getByTestId('user-status-xiaoli').getByText('须改密码').waitFor();
    });
    const context = await newContext(browser, server!.baseUrl);
    const page = await context.newPage();
    try {
      await signIn(page, 'xiaoli', 'temp-pass-7788');
      await page.getByTestId('forced-password-change').waitFor();
      await page.locator('#change-password_currentPassword').fill('temp-pass-7788');
      await page.locator('#change-password_newPassword').fill('1234567890');
      await page.locator('#change-password_confirmPassword').fill('1234567890');
      await page.getByTestId('password-submit').click();
      await page.locator('.ant-form-item-explain-error', { hasText: '常见密码' }).waitFor();
      await expect(page.locator('#change-password_currentPassword').inputValue()).resolves.toBe('temp-pass-7788');
      await screenshot(page, 'account-forced-change-refused');
      await page.locator('#change-password_newPassword').fill('xiaoli-own-secret-1');
      await page.locator('#change-password_confirmPassword').fill('xiaoli-own-secret-1');
      await page.getByTestId('password-submit').click();
      await page.getByTestId('main-menu').waitFor();
      // no token in the page's storage: the session is the HttpOnly cookie
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + document.cookie);
      expect(stored).not.toMatch(/fy\.token|fy_session/);
    } finally {
      await context.close();
    }
    await as('xiaoli', 'after-change', async (page) => {
      await expect(page.getByTestId('user-name').textContent()).resolves.toBe('小李');
    }, 'xiaoli-own-secret-1');
  });

  it('a user changes their own password on 我的账户 and ends another session', async () => {
    await apiToken(server!.baseUrl, 'xiaozhao', 'xiaozhao-pass-2026'); // a second session elsewhere
    await as('xiaozhao', 'my-account', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('user-menu').hover();
      await page.getByTestId('menu-account').click();
      await page.waitForURL(/\/account$/);
      const sessions = page.getByTestId('own-sessions');
      await sessions.getByText('当前会话').waitFor();
      await expect(sessions.locator('tbody tr').count()).resolves.toBe(2);
      await sessions.getByTestId('session-end').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /是/ }).click();
      await page.getByText('会话已结束').waitFor();
      await expect(sessions.locator('tbody tr').count()).resolves.toBe(1);
      await page.locator('#change-password_currentPassword').fill('wrong-current-1');
      await page.locator('#change-password_newPassword').fill('xiaozhao-new-2026');
      await page.locator('#change-password_confirmPassword').fill('xiaozhao-new-2026');
      await page.getByTestId('password-submit').click();
      await page.locator('.ant-form-item-explain-error', { hasText: '当前密码不正确' }).waitFor();
      await expect(page.locator('#change-password_newPassword').inputValue()).resolves.toBe('xiaozhao-new-2026');
      await page.locator('#change-password_currentPassword').fill('xiaozhao-pass-2026');
      await page.getByTestId('password-submit').click();
      await page.getByText('密码已修改').waitFor();
      await screenshot(page, 'account-my-account');
    }, 'xiaozhao-pass-2026');
    await apiToken(server!.baseUrl, 'xiaozhao', 'xiaozhao-new-2026');
  });
});
