// The management settings (PROCESS §6.1 defaults): the weights of the engineer score and the
// feedback period. Stored in `settings` under one key; what is not stored takes its default.
import { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { getSetting, putSetting } from '../calendar/repo.js';

const KEY = 'management';

export const managementSettingsSchema = z.object({
  /** the engineer score: 40 × satisfaction + 30 × first-time fix + 30 × on time (scaled to 100 over the rates with data) */
  scoreWeights: z.object({
    satisfaction: z.number().min(0).max(100),
    firstTimeFix: z.number().min(0).max(100),
    onTime: z.number().min(0).max(100),
  }).strict().refine((w) => w.satisfaction + w.firstTimeFix + w.onTime > 0, 'at least one weight must be above 0'),
  /** the repeat-fault window: a complaint this many days after the customer's last ticket closed */
  repeatFaultDays: z.number().int().min(1).max(365),
  /** the feedback report (反馈汇总) period */
  feedbackPeriod: z.enum(['week', 'month']),
}).strict();
export type ManagementSettings = z.infer<typeof managementSettingsSchema>;

export const DEFAULT_MANAGEMENT_SETTINGS: ManagementSettings = {
  scoreWeights: { satisfaction: 40, firstTimeFix: 30, onTime: 30 },
  repeatFaultDays: 30,
  feedbackPeriod: 'week',
};

export async function readManagementSettings(tx: Tx): Promise<ManagementSettings> {
  const stored = (await getSetting<Partial<ManagementSettings>>(tx, KEY)) ?? {};
  return { ...DEFAULT_MANAGEMENT_SETTINGS, ...stored };
}

export async function writeManagementSettings(tx: Tx, value: ManagementSettings, now: Date) {
  await putSetting(tx, KEY, value, now);
}
