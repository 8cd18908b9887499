// Issue 10 item 3 in the browser: on 流程设置 → 其他设置 the sysadmin adds the service tier
// 金牌 5×12 (own hours 08:00–20:00 on working days), gives it lease contracts (taken from 普通),
// a 21-day revisit interval, and publishes — no code. The diff names the new tier.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, RESULTS_DIR, type RunningServer, startServer } from './harness';

describe('a third service tier in the browser', () => {
  let server: RunningServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the sysadmin adds 金牌 5×12 with lease contracts and a 21-day revisit, and publishes', async () => {
    await asRole({ browser, server, prefix: 'tiers' }, 'sysadmin', '01-publish', async (page) => {
      await page.goto('/process');
      await page.getByTestId('pe-diagram').waitFor();
      await page.getByRole('tab', { name: '其他设置' }).click();
      await page.getByTestId('pe-tier-key').fill('gold');
      await page.getByTestId('pe-tier-zh').fill('金牌 5×12');
      await page.getByTestId('pe-add-tier').locator('input').nth(2).fill('Gold 12×5');
      await page.getByTestId('pe-tier-add').click();
      const row = page.getByTestId('pe-tier-table').locator('tbody tr', { hasText: 'gold' });
      await row.waitFor();
      // a new tier starts on its own hours, 08:00–20:00
      await expect(page.getByTestId('pe-tier-gold-start-0').inputValue()).resolves.toBe('08:00');
      await expect(page.getByTestId('pe-tier-gold-end-0').inputValue()).resolves.toBe('20:00');
      await row.locator('.ant-input-number input').fill('21');
      // lease contracts give 金牌 (and stop giving 普通)
      const models = page.getByTestId('pe-tier-models-gold');
      await models.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '租赁' }).first().click();
      await page.keyboard.press('Escape');
      await page.getByTestId('pe-tiers').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'tiers-01a-settings.png'), fullPage: true });

      await page.getByTestId('pe-validate').click();
      await page.getByText('校验通过').waitFor();
      await page.getByTestId('pe-save').click();
      await page.getByTestId('pe-changes').waitFor();
      await page.getByText('新增服务等级 金牌 5×12（工作日 08:00–20:00）').waitFor();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'tiers-01b-diff.png'), fullPage: true });
      await page.getByTestId('pe-publish').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.getByText(/已发布，新案件将使用此版本/).waitFor();
    });
    const def = await apiCall<{ tiers: Record<string, { clock: unknown; paymentModels: string[]; revisitIntervalDays: number }> }>(
      server!.baseUrl, 'GET', '/process', undefined, await apiToken(server!.baseUrl, 'sysadmin'));
    expect(def.data.tiers.gold).toEqual({
      label: { zh: '金牌 5×12', en: 'Gold 12×5' }, clock: { periods: [{ start: '08:00', end: '20:00' }] }, paymentModels: ['lease'], revisitIntervalDays: 21,
    });
    expect(def.data.tiers.standard.paymentModels).toEqual(['installment']);
  });
});
