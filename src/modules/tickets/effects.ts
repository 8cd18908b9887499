// What the after-sales steps do: fill form 5 round by round, swap devices with form 6.
import crypto from 'node:crypto';
import type { Effect, EffectContext } from '../process/effects.js';
import { conflict, fieldError } from '../../server/errors.js';
import { documentOfCaseByForm, updateDocumentFields } from '../documents/repo.js';
import { createDocument } from '../documents/service.js';
import { inServiceAsset, insertAsset, markAssetReplaced } from '../customers/repo.js';

/** One round of form 5. CS writes problem/satisfied/customerOpinion, technical writes cause/resolution/qualityComplaint. */
export interface ComplaintEntry {
  round: number;
  problem: string;
  cause?: string;
  resolution?: string;
  qualityComplaint?: boolean;
  resolvedAt?: string;
  resolvedBy?: string;
  satisfied?: boolean;
  customerOpinion?: string;
  followUpTaskId?: string;
  followedUpAt?: string;
  followedUpBy?: string;
}

function sign(e: EffectContext, signedBy: { userId: string; displayName: string; role: string; at: string }[]) {
  return [...signedBy, { userId: e.actor.id, displayName: e.actor.displayName, role: e.actor.roles[0], at: e.now.toISOString() }];
}

/** The problem of the round being worked on (a second round starts from the customer's complaint). */
function currentProblem(fields: Record<string, unknown> | undefined): string {
  const entries = (fields?.entries as ComplaintEntry[] | undefined) ?? [];
  return String(entries[entries.length - 1]?.problem ?? fields?.problem ?? '');
}

function currentRound(fields: Record<string, unknown> | undefined): number {
  const entries = (fields?.entries as ComplaintEntry[] | undefined) ?? [];
  return entries[entries.length - 1]?.round ?? 1;
}

async function complaintRecord(e: EffectContext) {
  return documentOfCaseByForm(e.tx, e.c.id, 'complaint_record');
}

async function swapDevices(e: EffectContext, replacements: { oldSerialNumber: string; newBrandModel: string; newSerialNumber: string }[]) {
  const lines = [];
  for (const [i, r] of replacements.entries()) {
    const old = await inServiceAsset(e.tx, r.oldSerialNumber);
    if (!old || old.customerId !== e.c.customerId) {
      throw fieldError(`form.replacements.${i}.oldSerialNumber`, 'serial.not_at_customer');
    }
    if (await inServiceAsset(e.tx, r.newSerialNumber)) {
      throw conflict('serial.already_in_service', { serial: r.newSerialNumber });
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

/** The effect that keeps the complaint record (form 5): reports find that form by it. */
export const REPAIR_RECORD_EFFECT = 'ticket.resolve';

export const TICKET_EFFECTS: Record<string, Effect> = {
  [REPAIR_RECORD_EFFECT]: { reads: ['cause', 'resolution', 'qualityComplaint', 'techRemarks', 'replacements', 'customerSignature'], writes: ['complaint_record', 'problem_feedback'], async run(e) {
    const f = e.form as { cause: string; resolution: string; qualityComplaint: boolean; techRemarks?: string; replacements?: { oldSerialNumber: string; newBrandModel: string; newSerialNumber: string }[]; customerSignature?: string };
    const ts = await complaintRecord(e);
    if (ts) {
      const entries = [...((ts.fields.entries as ComplaintEntry[]) ?? [])];
      const last = entries[entries.length - 1] ?? { round: 1, problem: '' };
      entries[entries.length ? entries.length - 1 : 0] = {
        ...last, cause: f.cause, resolution: f.resolution, qualityComplaint: f.qualityComplaint,
        resolvedAt: e.now.toISOString(), resolvedBy: e.actor.displayName,
      };
      await updateDocumentFields(e.tx, ts.id, { ...ts.fields, entries, ...(f.techRemarks ? { techRemarks: f.techRemarks } : {}) }, sign(e, ts.signedBy));
    }
    if (f.replacements?.length) {
      const lines = await swapDevices(e, f.replacements);
      await createDocument({
        def: e.def, form: 'problem_feedback', caseType: 'ticket', caseId: e.c.id, customerId: e.c.customerId, taskId: e.task.id,
        fields: {
          round: currentRound(ts?.fields), faultDescription: currentProblem(ts?.fields), handling: f.resolution, cause: f.cause, replacements: lines,
          ...(f.techRemarks ? { remarks: f.techRemarks } : {}), ...(f.customerSignature ? { customerSignature: f.customerSignature } : {}),
        },
        actor: e.actor, now: e.now,
      }, e.tx);
    }
  } },
  'ticket.followUp': { reads: ['customerOpinion', 'csRemarks'], writes: ['complaint_record', 'problem_feedback'], async run(e) {
    const f = e.form as { customerOpinion?: string; csRemarks?: string };
    const satisfied = e.def.steps[e.task.step]?.outcomes[e.outcome]?.means === 'satisfied';
    const ts = await complaintRecord(e);
    if (!ts) return;
    const entries = [...((ts.fields.entries as ComplaintEntry[]) ?? [])];
    const last = entries[entries.length - 1];
    if (last) {
      entries[entries.length - 1] = {
        ...last, satisfied, ...(f.customerOpinion ? { customerOpinion: f.customerOpinion } : {}),
        followUpTaskId: e.task.id, followedUpAt: e.now.toISOString(), followedUpBy: e.actor.displayName,
      };
    }
    if (!satisfied) {
      entries.push({ round: entries.length + 1, problem: `客户不满意：${f.customerOpinion ?? ''}`.trim() });
    }
    await updateDocumentFields(e.tx, ts.id, { ...ts.fields, entries, ...(f.csRemarks ? { csRemarks: f.csRemarks } : {}) }, sign(e, ts.signedBy));
    // form 6 of this round (an on-site repair) carries the customer's opinion too
    const fk = await documentOfCaseByForm(e.tx, e.c.id, 'problem_feedback');
    if (fk && fk.fields.customerOpinion === undefined && (fk.fields.round === undefined || fk.fields.round === last?.round)) {
      await updateDocumentFields(e.tx, fk.id, { ...fk.fields, customerOpinion: f.customerOpinion ?? '', satisfied }, sign(e, fk.signedBy));
    }
  } },
};
