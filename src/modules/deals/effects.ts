// What the pre-sales and installation steps do beyond opening the next step.
import crypto from 'node:crypto';
import type { Effect } from '../process/effects.js';
import { conflict, fieldError } from '../../server/errors.js';
import { computePayback } from '../../domain/payback.js';
import { markArchived } from '../documents/repo.js';
import { findUser } from '../users/repo.js';
import { inServiceAsset, insertAsset, updateCustomer } from '../customers/repo.js';
import { findDeal, updateDeal } from './repo.js';

const REVISIT_MS = { standard: 30, vip: 14 };

export const DEAL_EFFECTS: Record<string, Effect> = {
  'deal.secondMeeting': async ({ tx, c, form, now }) => {
    if (form.secondMeetingAt) await updateDeal(tx, c.id, { secondMeetingAt: new Date(String(form.secondMeetingAt)), updatedAt: now });
  },
  'deal.endReason': async ({ tx, c, form, now, outcome, task }) => {
    const reason = (form.reason ?? form.comments ?? `${task.step}: ${outcome}`) as string;
    await updateDeal(tx, c.id, { endReason: reason, competitor: (form.competitor as string | undefined) ?? null, updatedAt: now });
  },
  'deal.payback': async (e) => {
    const f = e.form.feasibility as { equipmentInvestmentFen: number; avgMonthlyGrossProfitFen: number; maxFluctuationPct: number; operatingMode: string };
    const payback = computePayback(f.equipmentInvestmentFen, f.avgMonthlyGrossProfitFen, f.maxFluctuationPct);
    e.documentFields = { ...f, ...payback, ...(e.form.comments ? { comments: e.form.comments } : {}) };
  },
  'deal.contract': async ({ tx, c, form, now, documentFields }) => {
    const serviceTier = form.paymentModel === 'one_time' ? 'vip' : 'standard';
    documentFields.serviceTier = serviceTier;
    await updateDeal(tx, c.id, { paymentModel: String(form.paymentModel), amountFen: Number(form.amountFen), updatedAt: now });
  },
  'deal.archive': async ({ tx, c, now }) => {
    await markArchived(tx, c.id, now);
  },
  'deal.dispatch': async ({ tx, form }) => {
    const ids = form.engineerIds as string[];
    for (const [i, id] of ids.entries()) {
      const u = await findUser(tx, id);
      if (!u || !u.active || !u.roles.includes('engineer')) throw fieldError(`form.engineerIds.${i}`, 'not an active engineer');
    }
  },
  'deal.installed': async ({ tx, c, form, now, documentId, documentFields, def }) => {
    const deal = await findDeal(tx, c.id);
    const devices = form.devices as { brandModel: string; serialNumber: string; configDocNumber: string }[];
    const seen = new Set<string>();
    for (const [i, d] of devices.entries()) {
      if (seen.has(d.serialNumber)) throw fieldError(`form.devices.${i}.serialNumber`, 'listed twice');
      seen.add(d.serialNumber);
      const existing = await inServiceAsset(tx, d.serialNumber);
      if (existing) throw conflict(`序列号 ${d.serialNumber} 已在其他客户处使用 / serial number ${d.serialNumber} is already in service`);
      await insertAsset(tx, {
        id: crypto.randomUUID(), customerId: c.customerId, brandModel: d.brandModel, serialNumber: d.serialNumber,
        configDocNumber: d.configDocNumber, installedAt: now, documentId,
      });
    }
    const tier = deal?.paymentModel === 'one_time' ? 'vip' : 'standard';
    const days = def.revisitIntervalDays[tier] ?? REVISIT_MS[tier];
    await updateCustomer(tx, c.customerId, undefined, {
      serviceTier: tier, inServiceSince: now, nextRevisitAt: new Date(now.getTime() + days * 86_400_000), updatedAt: now,
    });
    documentFields.serviceTier = tier;
  },
};
