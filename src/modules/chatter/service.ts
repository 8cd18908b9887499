// The thread and the files of a case (Odoo's chatter): anyone who may see the case reads and
// adds to them; a mention notifies the user named, if that user may see the case too.
import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, fieldError, notFound } from '../../server/errors.js';
import { casePolicy } from '../../policies/case.js';
import { toActor } from '../auth/service.js';
import { appendAudit } from '../audit/service.js';
import { announce } from '../notifications/events.js';
import { loadCase, type CaseRef } from '../tasks/cases.js';
import * as repo from './repo.js';

/** Up to 20 MB: photos from a phone, scans, proposal PDFs. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** What a case thread hangs on: a case, or a customer that has none yet. */
type Subject = Pick<CaseRef, 'type' | 'id' | 'customerId' | 'ownerId' | 'partnerId' | 'number' | 'tier'>;

/** The case (or customer) the actor may see; otherwise 404, as if it did not exist. */
export async function subjectFor(tx: Tx, actor: Actor, id: string): Promise<Subject> {
  const c: Subject | undefined = (await loadCase(tx, undefined, id))
    ?? ((await repo.findCustomerRow(tx, id)) ? { type: 'customer', id, customerId: id, ownerId: null, partnerId: null, number: null, tier: null } : undefined);
  if (!c || !casePolicy.read(actor, c)) throw notFound('case');
  return c;
}

export function presentComment(c: repo.CommentRow) {
  return { id: c.id, caseId: c.caseId, authorId: c.authorId, body: c.body, mentions: c.mentions, createdAt: c.createdAt.toISOString() };
}

export async function addComment(opts: { caseId: string; body: string; mentions: string[]; actor: Actor }, tx: Tx, ctx: AppContext) {
  const subject = await subjectFor(tx, opts.actor, opts.caseId);
  const now = ctx.clock.now();
  const mentioned = await repo.activeUsers(tx, [...new Set(opts.mentions)]);
  opts.mentions.forEach((id, i) => { if (!mentioned.some((u) => u.id === id)) throw fieldError(`mentions.${i}`, 'field.unknown_user'); });
  const row = await repo.insertComment(tx, {
    id: crypto.randomUUID(), caseId: subject.id, authorId: opts.actor.id, body: opts.body, mentions: mentioned.map((u) => u.id), createdAt: now,
  });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'comment.add', entity: 'comment', entityId: row.id, caseId: subject.id, after: { body: row.body, mentions: row.mentions } });
  // a mention reaches only someone who may open the case: in the app, and by the channels the
  // sysadmin routed `mentioned` to (e-mail, group robots)
  const recipients = mentioned.filter((u) => u.id !== opts.actor.id && casePolicy.read(toActor(u), subject)).map((u) => ({ id: u.id, email: u.email }));
  if (recipients.length) {
    await announce(tx, ctx, {
      routeAs: 'mentioned', recipients, caseId: subject.id, tier: subject.tier ?? 'standard',
      params: { by: opts.actor.displayName, text: opts.body.slice(0, 120) }, now,
    });
  }
  return presentComment(row);
}

export async function listComments(opts: { caseId: string; actor: Actor }, tx: Tx) {
  const subject = await subjectFor(tx, opts.actor, opts.caseId);
  return (await repo.commentsOf(tx, subject.id)).map(presentComment);
}

/** What may be attached: images, PDF and Office files, known by their bytes, not their name. */
const ALLOWED = [/^image\/(jpeg|png|gif|webp|heic|heif|avif|bmp|tiff)$/, /^application\/pdf$/, /^application\/vnd\.openxmlformats-officedocument\./,
  /^application\/(msword|vnd\.ms-excel|vnd\.ms-powerpoint|x-cfb)$/];

export function presentAttachment(a: repo.AttachmentMeta) {
  return { id: a.id, caseId: a.caseId, name: a.name, size: a.size, contentType: a.contentType, uploadedBy: a.uploadedBy, createdAt: a.createdAt.toISOString() };
}

export async function addAttachment(opts: { caseId: string; name: string; data: Buffer; actor: Actor }, tx: Tx, ctx: AppContext) {
  const subject = await subjectFor(tx, opts.actor, opts.caseId);
  if (opts.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large', 'request.too_large');
  if (!opts.data.length) throw fieldError('file', 'required');
  const sniffed = await fileTypeFromBuffer(opts.data);
  // legacy Office files are compound files: file-type names the container, the name says which
  const contentType = sniffed?.mime === 'application/x-cfb' ? legacyOffice(opts.name) : sniffed?.mime;
  if (!contentType || !ALLOWED.some((re) => re.test(contentType))) {
    throw new AppError('unsupported_media_type', 'attachment.type_not_allowed', { type: sniffed?.mime ?? 'unknown' });
  }
  const now = ctx.clock.now();
  const name = opts.name.replace(/[\\/]/g, '_').slice(-200) || 'file';
  const row = await repo.insertAttachment(tx, {
    id: crypto.randomUUID(), caseId: subject.id, name, contentType, size: opts.data.length, data: opts.data, uploadedBy: opts.actor.id, createdAt: now,
  });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'attachment.add', entity: 'attachment', entityId: row.id, caseId: subject.id, after: { name, size: row.size, contentType } });
  return presentAttachment(row);
}

function legacyOffice(name: string): string | undefined {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'doc' ? 'application/msword' : ext === 'xls' ? 'application/vnd.ms-excel' : ext === 'ppt' ? 'application/vnd.ms-powerpoint' : undefined;
}

export async function listAttachments(opts: { caseId: string; actor: Actor }, tx: Tx) {
  const subject = await subjectFor(tx, opts.actor, opts.caseId);
  return (await repo.attachmentsOf(tx, subject.id)).map(presentAttachment);
}

/** The file, for whoever may see its case. */
export async function readAttachment(opts: { id: string; actor: Actor }, tx: Tx) {
  const a = await repo.attachmentMeta(tx, opts.id);
  if (!a) throw notFound('attachment');
  await subjectFor(tx, opts.actor, a.caseId).catch(() => { throw notFound('attachment'); });
  return { meta: a, data: (await repo.attachmentData(tx, a.id))! };
}
