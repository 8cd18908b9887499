// Service tiers are data (issue 10): each tier of the definition has its clock, the contract
// payment models that give it and its revisit interval. No tier key is in code but `standard`,
// the tier of a customer not in service and of a payment model no tier names.
import type { TierClock } from '../calendar/index.js';
import type { ProcessDefinition } from './definition.js';

export const DEFAULT_TIER = 'standard';

/** The clock of every tier, for the working calendar. */
export function tierClocks(def: Pick<ProcessDefinition, 'version' | 'tiers'>): { version: number; clocks: Record<string, TierClock> } {
  return { version: def.version, clocks: Object.fromEntries(Object.entries(def.tiers).map(([k, t]) => [k, t.clock])) };
}

/** The tier a contract with this payment model gives (PROCESS.md §3: one-time purchase → VIP by default). */
export function tierOfPaymentModel(def: Pick<ProcessDefinition, 'tiers'>, paymentModel: string | null | undefined): string {
  const hit = Object.entries(def.tiers).find(([, t]) => paymentModel != null && t.paymentModels.includes(paymentModel));
  return hit ? hit[0] : DEFAULT_TIER;
}

/** Days between revisits of a customer on this tier (a tier the definition no longer has: standard's). */
export function revisitIntervalDays(def: Pick<ProcessDefinition, 'tiers'>, tier: string | null | undefined): number {
  const t = tier != null && Object.hasOwn(def.tiers, tier) ? def.tiers[tier] : def.tiers[DEFAULT_TIER];
  return t.revisitIntervalDays;
}

/** A tier the definition has, else standard (a ticket opened for a customer on a tier since removed). */
export function knownTier(def: Pick<ProcessDefinition, 'tiers'>, tier: string | null | undefined): string {
  return tier != null && Object.hasOwn(def.tiers, tier) ? tier : DEFAULT_TIER;
}
