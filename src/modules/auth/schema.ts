// Reply shapes of signing in and out, and one's own sessions.
import { z } from 'zod';
import { instant, listOf } from '../../server/replies.js';
import { signedInUser } from '../users/schema.js';

export const loginReply = z.object({ token: z.string(), user: signedInUser }).meta({ id: 'LoginReply' });
export const meReply = z.object({ user: signedInUser, demo: z.boolean() }).meta({ id: 'Me' });
export const metaReply = z.object({ demo: z.boolean() }).meta({ id: 'Meta' });
export const sessionList = listOf(z.object({
  id: z.string(), createdAt: instant, expiresAt: instant, ip: z.string().nullable(), userAgent: z.string().nullable(), current: z.boolean(),
})).meta({ id: 'SessionList' });
