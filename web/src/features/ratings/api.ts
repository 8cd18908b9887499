import { api, type Schemas } from '../../app/api';

export type RatingPageFacts = Schemas['RatingPage'];

/** The repair in plain words (no sign-in); a used or expired link answers 410. */
export function getRatingPage(token: string) {
  return api.get<RatingPageFacts>(`/ratings/${encodeURIComponent(token)}`, undefined, { quiet: [404, 410, 429] });
}

export function submitRating(token: string, body: { satisfied: boolean; comment?: string }) {
  return api.post<Schemas['RatingResult']>(`/ratings/${encodeURIComponent(token)}`, body, { quiet: [404, 410, 429] });
}
