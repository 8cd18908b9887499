// Department results (issue 13): the GM opens 部门业绩 from the reports page, sets the technical
// department's targets for the month (a refused rate keeps what was typed and says why), sees the
// share achieved, and opens the A4 print page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, screenshot, type RunningServer, startServer } from './harness';
import { repairedComplaint } from './fixtures';

type Results = { month: string; departments: { department: string; measures: { key: string; value: number | null; target: number | null; achievedPct: number | null }[] }[] };

describe('department results', () => {
  let server: RunningServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // a complaint repaired on time and confirmed satisfied this month: the technical department has numbers
    await repairedComplaint(server.baseUrl, { customerName: '部门业绩测试客户有限公司', problem: '分机无拨号音' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>) => asRole({ browser, server, prefix: 'departments' }, role, name, fn);

  it('the GM sets the technical department\'s targets, sees the share achieved and prints the page', async () => {
    const base = server!.baseUrl;
    const gm = await apiToken(base, 'gm');
    await as('gm', 'targets', async (page) => {
      await page.goto('/reports');
      await page.getByTestId('link-departments').click();
      await page.getByTestId('departments-page').waitFor();
      const tech = page.getByTestId('dept-technical');
      await tech.getByText('维修按时率').waitFor();
      await expect.poll(() => tech.getByTestId('target-repairsOnTimeRate').textContent()).toBe('—');

      await page.getByTestId('set-targets').click();
      const modal = page.getByTestId('targets-modal');
      await modal.getByText('技术部').waitFor();
      // a rate over 100%: refused, what was typed stays, the field says why
      const repairs = modal.locator('#targets_repairsOnTimeRate');
      await repairs.fill('150');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await modal.getByText('请填写 0 到 100 之间的百分比').waitFor();
      expect(await repairs.inputValue()).toBe('150');
      await screenshot(page, 'departments-targets-refused');
      await repairs.fill('80');
      await modal.locator('#targets_satisfactionRate').fill('90');
      await modal.locator('#targets_installationsOnTimeRate').fill('95');
      // an amount over ¥100 billion: refused too, the amount stays, its field says why in 元
      const amount = modal.locator('#targets_signedAmountFen');
      await amount.fill('999999999999');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await modal.getByText('请填写 0 到 1000 亿元之间的金额').waitFor();
      expect(await amount.inputValue()).toMatch(/^999,?999,?999,?999$/);
      expect(await repairs.inputValue()).toBe('80');
      expect((await apiCall<{ targets: Record<string, number> }>(base, 'GET', '/targets/2026-03', undefined, gm)).data.targets).toEqual({});
      await screenshot(page, 'departments-targets-amount-refused');
      await amount.fill('');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await modal.waitFor({ state: 'hidden' });

      const saved = await apiCall<{ targets: Record<string, number> }>(base, 'GET', '/targets/2026-03', undefined, gm);
      expect(saved.data.targets).toMatchObject({ repairsOnTimeRate: 0.8, satisfactionRate: 0.9, installationsOnTimeRate: 0.95 });
      const results = (await apiCall<Results>(base, 'GET', '/reports/departments?month=2026-03', undefined, gm)).data;
      const repairsRow = results.departments.find((d) => d.department === 'technical')!.measures.find((m) => m.key === 'repairsOnTimeRate')!;
      expect(repairsRow.value).not.toBeNull();
      expect(repairsRow.achievedPct).not.toBeNull();
      await expect.poll(() => tech.getByTestId('target-repairsOnTimeRate').textContent()).toBe('80%');
      await tech.getByTestId('achieved-repairsOnTimeRate').getByText(`${repairsRow.achievedPct}%`).waitFor();

      const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('departments-print').click()]);
      await popup.waitForLoadState();
      await popup.getByRole('heading', { name: '部门业绩 2026-03' }).waitFor();
      const printed = await popup.locator('body').innerText();
      expect(printed).toContain('技术部');
      expect(printed).toContain('80.0%');
      expect(printed).toContain(`${repairsRow.achievedPct!.toFixed(1)}%`);
      await screenshot(popup, 'departments-print');
    });
  });

  it('the engineer scores and the sales review open their A4 pages too', async () => {
    await as('gm', 'report-prints', async (page) => {
      for (const [path, button, title] of [['/reports/engineers', 'engineers-print', '工程师考评'], ['/reports/sales', 'sales-print', '业务考评']]) {
        await page.goto(path);
        const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId(button).click()]);
        await popup.waitForLoadState();
        await popup.getByRole('heading', { name: title }).waitFor();
        expect(await popup.locator('body').innerText()).toContain('打印于');
        await screenshot(popup, `departments-${button}`);
      }
    });
  });

  it('a department manager sees their own department and no 设置目标', async () => {
    await as('tech_manager', 'tech-manager', async (page) => {
      await page.goto('/reports/departments');
      await page.getByTestId('dept-technical').waitFor();
      expect(await page.getByTestId('dept-business').count()).toBe(0);
      expect(await page.getByTestId('set-targets').count()).toBe(0);
    });
  });
});
