// What every signed-in user does with their own account: the session, their notifications.
import type { Actor } from './actor.js';

export const accountPolicy = {
  session: (_a: Actor) => true,
  notifications: (_a: Actor) => true,
};
