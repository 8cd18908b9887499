// The leadership mailbox (领导信箱, issue 14): any staff member writes to the GM, named or anonymous;
// only the GM reads. An anonymous letter's author is stored nowhere — not in the letter, the audit
// (no actor, the day only), the GM's notification (the day only) or the request log (the mailbox's
// writes are logged without the caller's address, see server/app.ts). Its writer gets a reply code,
// shown once and kept only as a hash, that reads the GM's reply. Writers are limited per day by a
// counter (user, day, count) that says nothing of which letters they wrote.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, conflict, notFound } from '../../server/errors.js';
import { authorize } from '../../policies/index.js';
import { appendAudit } from '../audit/service.js';
import { usersWithRole } from '../users/repo.js';
import { notifyUser } from '../notifications/service.js';
import { shanghaiDate, shanghaiMidnight } from '../../domain/iso.js';
import * as repo from './repo.js';

/** Letters a user may write per day (named and anonymous together). */
export const LETTERS_PER_DAY = 3;

const hashCode = (code: string) => crypto.createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
/** 20 characters of Crockford base32 (100 bits), grouped for reading aloud: XXXXX-XXXXX-XXXXX-XXXXX. */
function newReplyCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = crypto.randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % 32]).join('');
  return chars.match(/.{5}/g)!.join('-');
}
/** The instant standing for a day: its Shanghai midnight (what the audit and notification carry). */

export function presentLetter(l: repo.LetterRow, authorName: string | null) {
  return {
    id: l.id, subject: l.subject, body: l.body,
    author: l.authorId ? { id: l.authorId, displayName: authorName ?? '' } : null,
    createdAt: l.writtenOn, state: l.state as 'new' | 'handled', reply: l.reply, repliedAt: l.repliedAt?.toISOString() ?? null,
  };
}

export async function writeLetter(opts: { subject: string; body: string; anonymous: boolean; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.writeLetter');
  const day = shanghaiDate(ctx.clock.now());
  if ((await repo.bumpQuota(tx, opts.actor.id, day)) > LETTERS_PER_DAY) {
    throw new AppError('rate_limited', 'mailbox.too_many', { max: LETTERS_PER_DAY });
  }
  const code = opts.anonymous ? newReplyCode() : undefined;
  const letter = await repo.insertLetter(tx, {
    id: crypto.randomUUID(), subject: opts.subject, body: opts.body, authorId: opts.anonymous ? null : opts.actor.id,
    writtenOn: day, state: 'new', replyCodeHash: code ? hashCode(code) : null,
  });
  const at = shanghaiMidnight(day);
  await appendAudit(tx, {
    at, actorId: opts.anonymous ? null : opts.actor.id, action: 'mailbox.write', entity: 'mailbox_letter', entityId: letter.id,
    after: { anonymous: opts.anonymous, writtenOn: day },
  });
  for (const gm of await usersWithRole(tx, 'gm')) {
    await notifyUser(tx, { userId: gm.id, kind: 'mailbox_letter', message: `领导信箱有新来信：${opts.subject.slice(0, 60)}${opts.anonymous ? '（匿名）' : `（${opts.actor.displayName}）`}`, now: at });
  }
  return { id: letter.id, ...(code ? { replyCode: code } : {}) };
}

export async function readMailbox(opts: { actor: Actor }, tx: Tx) {
  authorize(opts.actor, 'people.readMailbox');
  return { items: (await repo.allLetters(tx)).map((r) => presentLetter(r.letter, r.authorName)) };
}

export async function replyToLetter(opts: { id: string; body?: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.readMailbox');
  const letter = await repo.findLetter(tx, opts.id);
  if (!letter) throw notFound('letter');
  if (opts.body === undefined && letter.state === 'handled') throw conflict('mailbox.handled');
  const now = ctx.clock.now();
  const updated = await repo.updateLetter(tx, letter.id, { state: 'handled', ...(opts.body !== undefined ? { reply: opts.body, repliedAt: now } : {}) });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: opts.body !== undefined ? 'mailbox.reply' : 'mailbox.handle', entity: 'mailbox_letter', entityId: letter.id, after: { state: 'handled' } });
  if (letter.authorId && opts.body !== undefined) {
    await notifyUser(tx, { userId: letter.authorId, kind: 'mailbox_reply', message: `总经理回复了您的来信：${letter.subject.slice(0, 60)}`, now });
  }
  return presentLetter(updated, null);
}

export async function myLetters(opts: { actor: Actor }, tx: Tx) {
  authorize(opts.actor, 'people.writeLetter');
  return { items: (await repo.lettersOf(tx, opts.actor.id)).map((l) => presentLetter(l, opts.actor.displayName)) };
}

export async function replyByCode(opts: { code: string; actor: Actor }, tx: Tx) {
  authorize(opts.actor, 'people.writeLetter');
  const letter = await repo.letterByCode(tx, hashCode(opts.code));
  if (!letter) throw notFound('letter');
  return { subject: letter.subject, state: letter.state as 'new' | 'handled', reply: letter.reply, repliedAt: letter.repliedAt?.toISOString() ?? null };
}
