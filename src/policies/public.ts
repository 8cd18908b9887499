// What anyone may do without signing in (issue 16): the customer's rating link. The routes are
// rate-limited; the token itself is the only credential and is checked by the service.
import type { Actor } from './actor.js';

export const publicPolicy = {
  /** read the repair in plain words and rate it, holding a valid /r/{token} */
  rating: (_a?: Actor) => true,
};
