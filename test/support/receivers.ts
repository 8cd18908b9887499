// Real local receivers for the notification channels (issue 16): an SMTP server that keeps
// every e-mail it receives, and an HTTP server standing in for the DingTalk and WeCom group
// robots — it checks DingTalk's signature and WeCom's markdown body as the real robots do.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface ReceivedMail { to: string[]; subject: string; text: string; messageId: string; idempotencyKey: string }

export async function startSmtp() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true, allowInsecureAuth: true, disabledCommands: ['STARTTLS'], logger: false,
    onAuth(auth, _session, callback) {
      // the test's mail server knows one account
      if (auth.username === 'mailer' && auth.password === 'pa55word') callback(null, { user: auth.username });
      else callback(new Error('invalid credentials'));
    },
    async onData(stream, session, callback) {
      try {
        const parsed = await simpleParser(stream);
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address), subject: parsed.subject ?? '', text: parsed.text ?? '',
          messageId: parsed.messageId ?? '', idempotencyKey: String(parsed.headers.get('x-idempotency-key') ?? ''),
        });
        callback();
      } catch (e) {
        callback(e as Error);
      }
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** distinct messages by Message-ID: what a receiver that drops copies keeps */
    distinct: () => new Set(mails.map((m) => m.messageId)).size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RobotCall { robot: 'dingtalk' | 'wecom'; body: any; key: string; signed: boolean }

/** DingTalk at /dingtalk (signature checked when `secret` is given), WeCom at /wecom. */
export async function startRobots(opts: { secret?: string; failNext?: number; onCall?: (c: RobotCall) => void } = {}) {
  const calls: RobotCall[] = [];
  const rejected: string[] = [];
  let failNext = opts.failNext ?? 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const answer = (errcode: number, errmsg: string, status = 200) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errcode, errmsg }));
      };
      if (failNext > 0) { failNext--; return answer(-1, 'system busy', 503); }
      let body: any;
      try { body = JSON.parse(raw); } catch { rejected.push('not json'); return answer(40035, 'invalid json'); }
      const key = String(req.headers['x-idempotency-key'] ?? '');
      if (url.pathname === '/dingtalk') {
        let signed = false;
        if (opts.secret) {
          const timestamp = url.searchParams.get('timestamp') ?? '';
          const sign = url.searchParams.get('sign') ?? '';
          const expected = crypto.createHmac('sha256', opts.secret).update(`${timestamp}\n${opts.secret}`).digest('base64');
          if (!timestamp || sign !== expected || Math.abs(Date.now() - Number(timestamp)) > 3600_000) {
            rejected.push(`bad signature ${timestamp}`);
            return answer(310000, 'sign not match');
          }
          signed = true;
        }
        if (body.msgtype !== 'markdown' || !body.markdown?.title || !body.markdown?.text) { rejected.push('bad dingtalk body'); return answer(40035, 'bad body'); }
        const call = { robot: 'dingtalk' as const, body, key, signed };
        calls.push(call);
        opts.onCall?.(call);
        return answer(0, 'ok');
      }
      if (url.pathname === '/wecom') {
        if (body.msgtype !== 'markdown' || typeof body.markdown?.content !== 'string') { rejected.push('bad wecom body'); return answer(40008, 'bad body'); }
        const call = { robot: 'wecom' as const, body, key, signed: false };
        calls.push(call);
        opts.onCall?.(call);
        return answer(0, 'ok');
      }
      answer(404, 'no such robot', 404);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    dingtalkUrl: `${base}/dingtalk?access_token=tok-${crypto.randomBytes(4).toString('hex')}`,
    wecomUrl: `${base}/wecom?key=key-${crypto.randomBytes(4).toString('hex')}`,
    calls, rejected,
    failNext: (n: number) => { failNext = n; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
