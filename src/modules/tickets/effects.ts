// What the after-sales steps do: fill form 5 round by round, swap devices with form 6.
import crypto from 'node:crypto';
import type { Effect, EffectContext } from '../process/effects.js';
import { conflict, fieldError } from '../../server/errors.js';
import { documentOfCaseByForm, updateDocumentFields } from '../documents/repo.js';
import { createDocument } from '../documents/service.js';
import { inServiceAsset, insertAsset, markAssetReplaced } from '../customers/repo.js';

export interface ComplaintEntry {
  round: number;
  problem: string;
  cause?: string;
  resolution?: string;
  qualityComplaint?: boolean;
  satisfied?: boolean;
  customerOpinion?: string;
}

function sign(e: EffectContext, signedBy: { userId: string; displayName: string; role: string; at: string }[]) {
  return [...signedBy, { userId: e.actor.id, displayName: e.actor.displayName, role: e.actor.roles[0], at: e.now.toISOString() }];
}

async function complaintRecord(e: EffectContext) {
  return documentOfCaseByForm(e.tx, e.c.id, 'complaint_record');
}

async function swapDevices(e: EffectContext, replacements: { oldSerialNumber: string; newBrandModel: string; newSerialNumber: string }[]) {
  const lines = [];
  for (const [i, r] of replacements.entries()) {
    const old = await inServiceAsset(e.tx, r.oldSerialNumber);
    if (!old || old.customerId !== e.c.customerId) {
      throw fieldError(`form.replacements.${i}.oldSerialNumber`, 'no device with this serial number is in service at this customer');
    }
    if (await inServiceAsset(e.tx, r.newSerialNumber)) {
      throw conflict(`序列号 ${r.newSerialNumber} 已在使用 / serial number ${r.newSerialNumber} is already in service`);
    }
    const successor = await insertAsset(e.tx, {
      id: crypto.randomUUID(), customerId: e.c.customerId, brandModel: r.newBrandModel, serialNumber: r.newSerialNumber,
      configDocNumber: old.configDocNumber, installedAt: e.now,
    });
    await markAssetReplaced(e.tx, old.id, e.now, successor.id);
    lines.push({ oldBrandModel: old.brandModel, oldSerialNumber: old.serialNumber, newBrandModel: r.newBrandModel, newSerialNumber: r.newSerialNumber });
  }
  return lines;
}

export const TICKET_EFFECTS: Record<string, Effect> = {
  'ticket.resolve': async (e) => {
    const f = e.form as { cause: string; resolution: string; qualityComplaint: boolean; techRemarks?: string; replacements?: { oldSerialNumber: string; newBrandModel: string; newSerialNumber: string }[]; customerSignature?: string };
    const ts = await complaintRecord(e);
    if (ts) {
      const entries = [...((ts.fields.entries as ComplaintEntry[]) ?? [])];
      const last = entries[entries.length - 1] ?? { round: 1, problem: '' };
      entries[entries.length ? entries.length - 1 : 0] = { ...last, cause: f.cause, resolution: f.resolution, qualityComplaint: f.qualityComplaint };
      await updateDocumentFields(e.tx, ts.id, { ...ts.fields, entries, ...(f.techRemarks ? { techRemarks: f.techRemarks } : {}) }, sign(e, ts.signedBy));
    }
    if (f.replacements?.length) {
      const lines = await swapDevices(e, f.replacements);
      await createDocument({
        def: e.def, form: 'problem_feedback', caseType: 'ticket', caseId: e.c.id, customerId: e.c.customerId, taskId: e.task.id,
        fields: {
          faultDescription: String(ts?.fields.problem ?? ''), handling: f.resolution, cause: f.cause, replacements: lines,
          ...(f.techRemarks ? { remarks: f.techRemarks } : {}), ...(f.customerSignature ? { customerSignature: f.customerSignature } : {}),
        },
        actor: e.actor, now: e.now,
      }, e.tx);
    }
  },
  'ticket.followUp': async (e) => {
    const f = e.form as { customerOpinion?: string; csRemarks?: string };
    const satisfied = e.outcome === 'satisfied';
    const ts = await complaintRecord(e);
    if (!ts) return;
    const entries = [...((ts.fields.entries as ComplaintEntry[]) ?? [])];
    const last = entries[entries.length - 1];
    if (last) entries[entries.length - 1] = { ...last, satisfied, ...(f.customerOpinion ? { customerOpinion: f.customerOpinion } : {}) };
    if (!satisfied) {
      entries.push({ round: entries.length + 1, problem: `客户不满意：${f.customerOpinion ?? ''}`.trim() });
    }
    await updateDocumentFields(e.tx, ts.id, { ...ts.fields, entries, ...(f.csRemarks ? { csRemarks: f.csRemarks } : {}) }, sign(e, ts.signedBy));
  },
};
