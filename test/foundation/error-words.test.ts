// Error pop-ups name a field by its label, not its wire path (issue 15 §6).
import { describe, expect, it } from 'vitest';
import { describePath, rememberFieldLabels } from '../../web/src/app/fieldLabels.js';
import { DEFAULT_PROCESS } from '../../src/domain/process/default-process.js';

describe('a wire path in people\'s words', () => {
  rememberFieldLabels(DEFAULT_PROCESS as unknown as Parameters<typeof rememberFieldLabels>[0]);
  it('reads a form field, a row and a column by their labels', () => {
    expect(describePath('form.devices.5.serialNumber', 'zh')).toBe('设备明细 · 第 6 行 · 序列号');
    expect(describePath('form.devices.5.serialNumber', 'en')).toBe('Devices · row 6 · Serial number');
    expect(describePath('form.currentMonthlyLdBillFen', 'zh')).toBe('客户现月长途话费');
  });
  it('takes the dictionary word for a body key no form defines, and leaves an unknown key as it is', () => {
    expect(describePath('body.username', 'zh', (k) => (k === 'username' ? '用户名' : undefined))).toBe('用户名');
    expect(describePath('somethingElse', 'zh')).toBe('somethingElse');
  });
});
