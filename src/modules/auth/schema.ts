// Reply shapes of signing in and out.
import { z } from 'zod';
import { actorView } from '../users/schema.js';

export const loginReply = z.object({ token: z.string(), user: actorView }).meta({ id: 'LoginReply' });
export const meReply = z.object({ user: actorView }).meta({ id: 'Me' });
