// Sessions verified without a database round trip on most requests: a session the database
// confirmed is trusted for SESSION_RECHECK_MS of wall time, then asked about again. So a session
// revoked, or a user disabled, on another instance is refused there within that window (< 5 s).
// On this instance, every revocation and every change to a user (password, roles, active)
// forgets all cached sessions at once.
import type { Actor } from '../../server/context.js';

export const SESSION_RECHECK_MS = 2000;
const MAX_ENTRIES = 10_000;

export interface VerifiedSession { actor: Actor; sessionId: string; mustChangePassword: boolean; expiresAt: number }

const cache = new Map<string, { checkedAt: number; session: VerifiedSession }>();

/** the session of a token hash as last confirmed, if that was less than the window ago */
export function cachedSession(tokenHash: string, wallMs: number): VerifiedSession | undefined {
  const hit = cache.get(tokenHash);
  if (!hit) return undefined;
  if (wallMs - hit.checkedAt >= SESSION_RECHECK_MS || wallMs < hit.checkedAt || wallMs >= hit.session.expiresAt) {
    cache.delete(tokenHash);
    return undefined;
  }
  return hit.session;
}

export function rememberSession(tokenHash: string, wallMs: number, session: VerifiedSession) {
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(tokenHash, { checkedAt: wallMs, session });
}

/** a session was revoked or a user changed here: nothing cached is trusted any more */
export function forgetSessions() {
  cache.clear();
}
