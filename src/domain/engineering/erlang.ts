// Erlang B: the blocking probability of a group of N lines offered A Erlangs of traffic, and
// its two inverses. Computed by the recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)),
// which stays between 0 and 1 at every step (no factorials, no overflow at thousands of lines).

/** The largest group the calculators size (an E1 carries 30; a large exchange a few thousand). */
export const MAX_CHANNELS = 100_000;
export const MAX_TRAFFIC_ERLANGS = 100_000;

/** Blocking probability of `channels` lines at `trafficErlangs` (0 ≤ B ≤ 1). */
export function erlangB(channels: number, trafficErlangs: number): number {
  if (!Number.isInteger(channels) || channels < 0) throw new RangeError('channels must be a whole number ≥ 0');
  if (!(trafficErlangs >= 0)) throw new RangeError('traffic must be ≥ 0');
  if (trafficErlangs === 0) return channels === 0 ? 1 : 0;
  let b = 1;
  for (let n = 1; n <= channels; n++) b = (trafficErlangs * b) / (n + trafficErlangs * b);
  return b;
}

/** The fewest lines whose blocking at `trafficErlangs` is at most `blocking`, with that blocking. */
export function channelsFor(trafficErlangs: number, blocking: number): { channels: number; blocking: number } {
  checkBlocking(blocking);
  if (!(trafficErlangs >= 0) || trafficErlangs > MAX_TRAFFIC_ERLANGS) throw new RangeError(`traffic must be 0…${MAX_TRAFFIC_ERLANGS}`);
  if (trafficErlangs === 0) return { channels: 0, blocking: 0 };
  let b = 1;
  let n = 0;
  while (b > blocking) {
    n++;
    b = (trafficErlangs * b) / (n + trafficErlangs * b);
  }
  return { channels: n, blocking: b };
}

/** The traffic (Erlangs) `channels` lines carry with exactly `blocking` probability of blocking. */
export function trafficFor(channels: number, blocking: number): number {
  checkBlocking(blocking);
  if (!Number.isInteger(channels) || channels < 1 || channels > MAX_CHANNELS) throw new RangeError(`channels must be a whole number 1…${MAX_CHANNELS}`);
  // B grows with A; bracket the root, then bisect to full double precision
  let lo = 0;
  let hi = Math.max(1, channels);
  while (erlangB(channels, hi) < blocking) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (erlangB(channels, mid) < blocking) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function checkBlocking(blocking: number) {
  if (!(blocking > 0 && blocking < 1)) throw new RangeError('blocking must be between 0 and 1 (exclusive)');
}
