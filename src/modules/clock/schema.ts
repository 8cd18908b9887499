// Reply shapes of the business clock.
import { z } from 'zod';
import { instant } from '../../server/replies.js';

export const clockView = z.object({ now: instant, mode: z.enum(['system', 'manual']) }).meta({ id: 'Clock' });
/** after a move: the new time and what the sweep did */
export const clockMoved = z.object({
  now: instant, escalated: z.number().int(), revisits: z.number().int(),
  /** feedback reports opened (issue 13) */
  feedbackReports: z.number().int(),
  /** dead sessions and idle login counters deleted */
  purged: z.object({ sessions: z.number().int(), counters: z.number().int() }),
}).meta({ id: 'ClockMoved' });
