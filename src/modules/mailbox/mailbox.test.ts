// The leadership mailbox through the HTTP API (issue 14): anonymity is real.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { ROLES } from '../../domain/roles.js';
import { audit, mailboxLetters, mailboxQuota, notifications } from '../../db/schema.js';

let t: TestApp;
const log: string[] = [];
beforeAll(async () => {
  t = await testApp({ config: { logLevel: 'info' }, logStream: { write: (line) => { log.push(line); } } });
});
afterAll(async () => { await t?.close(); });

const me = async (username: string) => (await t.call('GET', '/auth/me', { token: await t.login(username) })).body.user as { id: string; username: string; displayName: string };

describe('leadership mailbox', () => {
  it('an anonymous letter: author null for the GM, stored nowhere (letter, audit, log, notification), the day only; the reply code reads the reply', async () => {
    const writer = await me('engineer');
    const token = await t.login('engineer');
    log.length = 0;
    const r = await t.call('POST', '/mailbox', { token, body: { subject: '加班太多', body: '最近连续三个周末装机，希望能轮换。', anonymous: true }, headers: { 'x-forwarded-for': '10.9.8.7' } });
    expect(r.status, r.text).toBe(201);
    expect(r.body.replyCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    const { id, replyCode } = r.body;
    const writeLog = [...log];

    // the GM reads it without an author; the time is the day only
    const gm = await t.login('gm');
    const box = await t.call('GET', '/mailbox', { token: gm });
    expect(box.status).toBe(200);
    const letter = box.body.items.find((l: { id: string }) => l.id === id);
    expect(letter).toMatchObject({ subject: '加班太多', author: null, createdAt: '2026-03-02', state: 'new' });

    // stored nowhere: the row, the audit, the notifications, the request log
    const [row] = await t.ctx.db.select().from(mailboxLetters).where(eq(mailboxLetters.id, id));
    expect(row!.authorId).toBeNull();
    expect(JSON.stringify(row)).not.toContain(writer.id);
    expect(JSON.stringify(row)).not.toContain(replyCode);
    const entries = await t.ctx.db.select().from(audit).where(eq(audit.entityId, id));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actorId).toBeNull();
    expect(entries[0]!.at.toISOString()).toBe(new Date('2026-03-02T00:00:00+08:00').toISOString());
    expect(JSON.stringify(entries)).not.toContain(writer.id);
    const notes = await t.ctx.db.select().from(notifications).where(eq(notifications.kind, 'mailbox_letter'));
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) {
      expect(JSON.stringify(n)).not.toContain(writer.displayName);
      expect(n.createdAt.toISOString()).toBe(new Date('2026-03-02T00:00:00+08:00').toISOString());
    }
    const lines = writeLog.filter((l) => l.includes('/mailbox') || l.includes('request completed'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(l).not.toContain(writer.id);
      expect(l).not.toContain(writer.username);
      expect(l).not.toContain('remoteAddress');
      expect(l).not.toContain('10.9.8.7');
    }
    // the counter knows how many letters the writer wrote that day, not which
    const quota = await t.ctx.db.select().from(mailboxQuota).where(eq(mailboxQuota.userId, writer.id));
    expect(Object.keys(quota[0]!).sort()).toEqual(['count', 'day', 'userId']);

    // the GM answers; the code reads the answer (and is cut from the log)
    expect((await t.call('POST', `/mailbox/${id}/reply`, { token: gm, body: { body: '已安排技术部轮换周末装机。' } })).status).toBe(200);
    log.length = 0;
    const answer = await t.call('GET', `/mailbox/replies/${replyCode}`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ subject: '加班太多', state: 'handled', reply: '已安排技术部轮换周末装机。' });
    expect(log.join('\n')).not.toContain(replyCode);
    expect(log.join('\n')).not.toContain('remoteAddress');
    expect((await t.call('GET', '/mailbox/replies/AAAAA-AAAAA-AAAAA-AAAAA', { token })).status).toBe(404);
    // an anonymous letter is not among the writer's own
    expect((await t.call('GET', '/mailbox/mine', { token })).body.items.map((l: { id: string }) => l.id)).not.toContain(id);
  });

  it('everyone but the GM gets 403 on reading and answering, the sysadmin included', async () => {
    for (const role of ROLES.filter((r) => r !== 'gm' && r !== 'partner_engineer')) {
      const token = await t.login(role);
      expect((await t.call('GET', '/mailbox', { token })).status, role).toBe(403);
      expect((await t.call('POST', '/mailbox/x/reply', { token, body: { body: 'x' } })).status, role).toBe(403);
    }
  });

  it('a named letter: the GM sees the author, the writer sees it and the reply among their own', async () => {
    const writer = await me('cs_agent');
    const token = await t.login('cs_agent');
    const r = await t.call('POST', '/mailbox', { token, body: { subject: '建议', body: '客服系统希望增加快捷回复。', anonymous: false } });
    expect(r.status).toBe(201);
    expect(r.body.replyCode).toBeUndefined();
    const gm = await t.login('gm');
    const letter = (await t.call('GET', '/mailbox', { token: gm })).body.items.find((l: { id: string }) => l.id === r.body.id);
    expect(letter.author).toEqual({ id: writer.id, displayName: writer.displayName });
    await t.call('POST', `/mailbox/${r.body.id}/reply`, { token: gm, body: { body: '好的，下月上线。' } });
    const mine = (await t.call('GET', '/mailbox/mine', { token })).body.items;
    expect(mine).toEqual([expect.objectContaining({ id: r.body.id, reply: '好的，下月上线。', state: 'handled' })]);
  });

  it('at most 3 letters a day per writer, named and anonymous together', async () => {
    const token = await t.login('admin_clerk');
    for (let i = 0; i < 3; i++) expect((await t.call('POST', '/mailbox', { token, body: { subject: `s${i}`, body: 'b', anonymous: i % 2 === 0 } })).status).toBe(201);
    const fourth = await t.call('POST', '/mailbox', { token, body: { subject: 's4', body: 'b', anonymous: true } });
    expect(fourth.status).toBe(429);
    await t.setClock('2026-03-03T09:00:00+08:00');
    expect((await t.call('POST', '/mailbox', { token, body: { subject: 's5', body: 'b', anonymous: true } })).status).toBe(201);
  });
});
